"""Golden files: each section's plain and terminal output, byte for byte, at a fixed time.

After a deliberate change to the data or the wording, rewrite them with
`python -m pytest tests/test_golden.py --update-golden` and review the diff.
"""

from __future__ import annotations

import pytest

from tests.conftest import GOLDEN, SATURDAY_NIGHT, SECTION_ARGS, Invoke, strip_ansi

CASES = [
    *((f"{section}.txt", args) for section, args in SECTION_ARGS.items()),
    ("help-contacts.json", ["help-contacts", "--format", "json"]),
]


@pytest.mark.parametrize(("name", "args"), CASES)
def test_output_matches_golden_file(
    invoke: Invoke, update_golden: bool, name: str, args: list[str]
) -> None:
    result = invoke(*args, now=SATURDAY_NIGHT)
    assert result.exit_code == 0
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("section", SECTION_ARGS)
def test_terminal_layout_matches_golden_file(
    invoke: Invoke, update_golden: bool, section: str
) -> None:
    """The rich layout without colour at 80 columns: headings, indents, numbering, wording."""
    args = SECTION_ARGS[section]
    result = invoke(*args, "--color", "always", now=SATURDAY_NIGHT, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    text = strip_ansi(result.stdout)
    golden = GOLDEN / f"{section}.terminal.txt"
    if update_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
