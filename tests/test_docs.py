"""The documentation agrees with the code: the example file, the commands, the CI script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportinfo import loader
from tests.conftest import Invoke

ROOT = Path(__file__).resolve().parents[1]


def read(relative: str) -> str:
    path = ROOT / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in this copy (an installed sdist without it)")
    return path.read_text(encoding="utf-8")


def test_the_data_format_example_is_a_valid_report(tmp_path: Path, invoke: Invoke) -> None:
    example = re.search(r"```yaml\n(.*?)```", read("docs/data-format.md"), re.DOTALL)
    assert example
    path = tmp_path / "example.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    report = loader.load(str(path))
    assert report.findings[0].quotes == ("passed around",)
    result = invoke("--data", str(path), "help-contacts")
    assert result.exit_code == 0
    assert "Example Helpline" in result.stdout


def test_the_data_format_documents_every_key() -> None:
    from reportinfo import model

    documented = set(re.findall(r"^\| `(\w+)` \|", read("docs/data-format.md"), re.MULTILINE))
    for record in (
        model.Report,
        model.About,
        model.Statement,
        model.Contact,
        model.Channel,
        model.Source,
    ):
        assert set(record._fields) <= documented, record.__name__


def test_ci_runs_the_readme_test_command() -> None:
    readme_commands = re.findall(r"```console\n(python3 -m venv .*?)\n```", read("README.md"))
    assert len(readme_commands) == 2, "the quick start has exactly two commands"
    install_and_test = readme_commands[1]
    assert install_and_test in read(".ci/run")


def test_completion_offers_help_contacts() -> None:
    import os
    import subprocess

    from tests.conftest import INSTALLED

    result = subprocess.run(
        [str(INSTALLED)],
        env={
            **os.environ,
            "_REPORTINFO_COMPLETE": "bash_complete",
            "COMP_WORDS": "reportinfo he",
            "COMP_CWORD": "1",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["plain,help-contacts"]
