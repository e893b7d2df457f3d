"""The allocator setting behind flat resident memory over a stream of pages."""
from __future__ import annotations

import subprocess
import sys


def _run(code: str, env_value: str) -> str:
    env = {"WARTA_MALLOC_TUNING": env_value, "PYTHONPATH": "src"}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_opt_out_leaves_allocator_alone():
    code = "from warta.extract import heap; print(heap.fix_malloc_thresholds())"
    assert _run(code, "0").strip() == "False"


def test_fixed_once_on_glibc():
    code = ("import platform; from warta.extract import heap; "
            "print(heap.fix_malloc_thresholds() or platform.libc_ver()[0] != 'glibc')")
    assert _run(code, "1").strip() == "True"
