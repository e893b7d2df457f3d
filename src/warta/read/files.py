"""Reading whole files safely: size limits, gzip, unreadable files as rejections."""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Union

from ..model import Rejection


def read_bytes(path: Path, gz: bool, limit: int) -> Union[bytes, Rejection]:
    """The bytes of ``path`` (decompressed if gzipped), or a Rejection saying what is wrong."""
    source = str(path)
    try:
        size = path.stat().st_size
        if not gz and size > limit:
            return Rejection(source, "read", f"file is {size / 2**20:.1f} MB, over the {limit / 2**20:.0f} MB "
                             "limit for one document; split it or raise --max-mb")
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if gz or head == b"\x1f\x8b":
                return _gunzip(fh, source, limit)
            return fh.read()
    except PermissionError:
        return Rejection(source, "read", "permission denied; make the file readable")
    except OSError as e:
        return Rejection(source, "read", f"cannot read file ({e.strerror or e}); check the disk and path")


def _gunzip(fh, source: str, limit: int) -> Union[bytes, Rejection]:
    try:
        with gzip.GzipFile(fileobj=fh) as g:
            data = g.read(limit + 1)
    except EOFError:
        return Rejection(source, "read", "truncated gzip file (ends early); re-download or re-compress it")
    except (gzip.BadGzipFile, zlib.error, OSError) as e:
        return Rejection(source, "read", f"corrupt gzip file ({e}); re-download or re-compress it")
    if len(data) > limit:
        return Rejection(source, "read", f"decompresses to over {limit / 2**20:.0f} MB for one document; "
                         "split it or raise --max-mb")
    return data
