"""Tested docs: the README's commands exist, and CI runs exactly its test command."""
import re
from pathlib import Path

from warta.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def quick_start_commands() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#")[0].strip() for line in block.strip().splitlines()]


def test_quick_start_has_exactly_two_commands_that_are_make_targets():
    cmds = quick_start_commands()
    assert cmds == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text()
    for c in cmds:
        assert re.search(rf"^{c.split()[1]}:", makefile, re.M), c


def test_ci_runs_exactly_the_readme_test_command():
    run = [l for l in (ROOT / ".ci" / "run").read_text().splitlines() if l and not l.startswith(("#", "set ", "cd "))]
    assert run == [quick_start_commands()[1]]


def test_every_command_in_the_readme_exists_and_every_command_is_documented():
    blocks = "\n".join(re.findall(r"```sh\n(.*?)```", README, re.S))
    mentioned = set(re.findall(r"`warta ([a-z]+)", README)) | set(re.findall(r"^warta ([a-z]+)", blocks, re.M))
    assert mentioned <= set(cli.commands), mentioned - set(cli.commands)
    assert set(cli.commands) <= mentioned, set(cli.commands) - mentioned
