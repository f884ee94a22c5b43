"""Lean start-up, checked deterministically: what a command imports, not how long it takes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import FROM_WHEEL, clean_env

PROBE = """
import json, sys
from reportinfo.cli import cli
try:
    cli.main({args!r}, prog_name="reportinfo", standalone_mode=False)
finally:
    sys.stderr.write("MODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


def modules_after(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=clean_env(),
        check=False,
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES="))
    return set(json.loads(line.removeprefix("MODULES=")))


OPTIONAL_RENDERERS = {
    "reportinfo.render.jsonout",
    "reportinfo.render.markdown",
    "reportinfo.render.html",
    "reportinfo.render.jsonld",  # a full HTML page's structured data
    "reportinfo.render.terminal",
}


def test_help_needs_only_click() -> None:
    loaded = modules_after("--help")
    assert not {"rich", "yaml", "zoneinfo", "reportinfo.model", "reportinfo.loader"} & loaded


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["summary"],
        ["findings"],
        ["findings", "2"],
        ["sources"],
        ["help-contacts", "--for", "worried"],
    ],
)
def test_piped_sections_import_no_other_format(args: list[str]) -> None:
    loaded = modules_after(*args)
    # A wheel carries the bundled report already read and checked; an editable install reads
    # the YAML and checks it.
    assert ("yaml" in loaded) != FROM_WHEEL
    assert ("reportinfo.validate" in loaded) != FROM_WHEEL
    assert not {m for m in loaded if m == "rich" or m.startswith("rich.")}
    # zoneinfo is needed: every section's short lines say which lines are open now
    assert not OPTIONAL_RENDERERS & loaded


def test_piped_help_contacts_does_not_import_rich() -> None:
    loaded = modules_after("help-contacts")
    assert "rich" not in loaded
    assert not OPTIONAL_RENDERERS & loaded


@pytest.mark.parametrize("output_format", ["json", "markdown", "html"])
def test_each_format_imports_only_its_own_renderer(output_format: str) -> None:
    loaded = modules_after("summary", "--format", output_format)
    wanted = {
        "json": {"reportinfo.render.jsonout"},
        "html": {"reportinfo.render.html", "reportinfo.render.jsonld"},
    }.get(output_format, {f"reportinfo.render.{output_format}"})
    assert wanted <= loaded
    assert not (OPTIONAL_RENDERERS - wanted) & loaded
    assert "rich" not in loaded


@pytest.mark.parametrize("section", ["summary", "findings", "sources"])
def test_json_without_open_now_loads_no_text_layout_and_no_time_zone(section: str) -> None:
    """JSON is a view of the section's content, not of its text: and these sections' JSON says
    nothing about open now, so no line's status is worked out."""
    loaded = modules_after(section, "--json")
    assert not {"reportinfo.render.document", "zoneinfo", "reportinfo.hours"} & loaded


def test_an_html_fragment_imports_no_structured_data() -> None:
    loaded = modules_after("help-contacts", "--box", "--format", "html", "--fragment")
    assert "reportinfo.render.html" in loaded
    assert "reportinfo.render.jsonld" not in loaded


def own_import_times() -> dict[str, int]:
    """Self import time in microseconds of each of our modules, from `python -X importtime`."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import reportinfo.cli, reportinfo.loader, reportinfo.model, reportinfo.validate, "
            "reportinfo.output, reportinfo.render.document, reportinfo.render.plain, "
            "reportinfo.render.jsonout, reportinfo.hours",
        ],
        capture_output=True,
        text=True,
        env=clean_env(unset=("PYTHONDONTWRITEBYTECODE",)),  # time the import, not the compile
        check=False,
    )
    found = re.findall(r"import time:\s+(\d+) \|\s+\d+ \|\s+(reportinfo\S*)", result.stderr)
    assert found, result.stderr
    return {name: int(self_us) for self_us, name in found}


def test_no_module_of_ours_is_slow_to_import() -> None:
    # The best of three runs, so that a busy machine does not fail it: this guards against a
    # heavy import creeping in at module level, not against noise.
    own_import_times()  # the first run may compile and cache the bytecode
    runs = [own_import_times() for _ in range(3)]
    best = {name: min(run[name] for run in runs) for name in runs[0]}
    slow = {name: us for name, us in best.items() if us > 8000}
    assert not slow, f"own import time over 8 ms: {slow}"


@pytest.mark.parametrize("args", [["--help"], ["summary"], ["help-contacts", "--for", "worried"]])
def test_shell_completion_is_imported_only_to_complete(args: list[str]) -> None:
    assert "click.shell_completion" not in modules_after(*args)


# The modules beside cli.py that only some commands need.
ONLY_WHEN_USED = {
    "reportinfo.completion",
    "reportinfo.selection",
    "reportinfo.topics",
    "reportinfo.validate_files",
}


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["--help"], {"reportinfo.topics"}),  # --help COMMAND
        (["summary"], set()),
        (["phone"], {"reportinfo.topics"}),  # a word people try for the help lines
        (["help-contacts"], set()),
        (["findings", "3"], {"reportinfo.selection"}),
        (["help-contacts", "--for", "worried"], {"reportinfo.selection"}),
        (["validate"], {"reportinfo.validate_files"}),
    ],
)
def test_the_parts_of_the_cli_load_only_when_used(args: list[str], wanted: set[str]) -> None:
    assert ONLY_WHEN_USED & modules_after(*args) == wanted


def test_help_reads_no_report_file_module() -> None:
    assert "reportinfo.datafile" not in modules_after("--help")
