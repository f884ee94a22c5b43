"""The rules ARCHITECTURE.md states, where a test states them better than a contract."""

from __future__ import annotations

import pytest


def test_no_import_cycles_anywhere() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("reportinfo")
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                cycles.append((module, imported))
    assert cycles == []


def test_the_suite_ignores_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every variable the tool reads is cleared for each test (see conftest._hermetic)."""
    import os

    from tests.conftest import TOOL_VARIABLES

    assert not {name for name in TOOL_VARIABLES if name in os.environ}


# Every place a section is named, as ARCHITECTURE.md's "Add a section" recipe lists them.
SECTION_PLACES = (
    "SECTIONS",
    "Section",
    "content.CONTENT",
    "document.BUILDERS",
    "jsonout.VIEWS",
    "cli.SECTION_HELP",
    "tests/conftest.py",
    "tests/golden/",
)


def test_every_section_is_named_in_every_place_the_recipe_lists() -> None:
    """So that a new section cannot miss a place, and the recipe cannot miss one either."""
    from pathlib import Path
    from typing import get_args

    from reportinfo.cli import SECTION_HELP, cli
    from reportinfo.render import SECTIONS, Section, content, document, jsonout
    from tests.conftest import COMMANDS, GOLDEN

    commands = [section for section in SECTIONS if section != "overview"]  # `reportinfo` alone
    assert get_args(Section) == SECTIONS
    assert list(content.CONTENT) == list(SECTIONS)
    assert list(document.BUILDERS) == list(SECTIONS)
    assert list(jsonout.VIEWS) == list(SECTIONS)
    assert list(SECTION_HELP) == commands
    assert set(commands) <= set(cli.commands) & set(COMMANDS)
    for section in SECTIONS:
        assert (GOLDEN / f"{section}.txt").exists()
        assert (GOLDEN / f"{section}.terminal.txt").exists()
    architecture = (Path(__file__).parents[1] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    recipe = architecture[architecture.index("**Add a section.**") :].split("\n\n")[0]
    assert [place for place in SECTION_PLACES if f"`{place}" not in recipe] == []


def _modules() -> set[str]:
    """Every module of the package, as the source tree or the wheel has them."""
    import pkgutil

    import reportinfo

    found = {module.name for module in pkgutil.walk_packages(reportinfo.__path__, "reportinfo.")}
    return {"reportinfo", *found} - {"reportinfo._checked_report"}  # data, made at build time


def _contracts() -> dict[str, dict[str, object]]:
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).parents[1] / "pyproject.toml"
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["name"]: contract for contract in config["contracts"]}


def test_every_module_sits_in_a_layer_and_only_the_terminal_renderer_may_import_rich() -> None:
    """The contracts name modules one by one, so a new module must be added to them: this
    fails until it is (import-linter alone would let an unnamed module import anything)."""
    contracts = _contracts()
    layers = contracts["Layers: each module imports only from the layers below it"]["layers"]
    assert isinstance(layers, list)
    layered = {name.strip() for layer in layers for name in layer.split("|")}
    top_level = {module for module in _modules() if module.count(".") == 1}
    assert top_level - layered - {"reportinfo.__main__", "reportinfo.render"} == set()
    assert "reportinfo.render" in layered
    (rich_rule,) = (c for name, c in contracts.items() if name.startswith("Only render.terminal"))
    sources = rich_rule["source_modules"]
    assert isinstance(sources, list)
    assert _modules() - set(sources) == {
        "reportinfo.render.terminal",
        # Named, a package would bring in all its modules, render.terminal too; they are tiny.
        "reportinfo",
        "reportinfo.render",
        "reportinfo.__main__",  # runs entry, which the contract names
    }


def _sources() -> dict[str, str]:
    """Each module's source text, by its path inside the package."""
    from pathlib import Path

    import reportinfo

    package = Path(reportinfo.__file__).parent
    return {
        path.relative_to(package).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(package.rglob("*.py"))
        if path.name != "_checked_report.py"
    }


def test_nothing_reads_the_clock_but_cli_now() -> None:
    """The clock is injected: one place reads it, and tests pass a fixed one instead."""
    import re

    reads = re.compile(r"\.now\(|\.today\(|\.utcnow\(|time\.time\(|monotonic\(|perf_counter\(")
    found = {
        (name, line.strip())
        for name, text in _sources().items()
        for line in text.splitlines()
        if reads.search(line)
    }
    assert found == {("cli.py", "return ctx.find_object(datetime) or datetime.now(UTC)")}


def test_only_output_writes_to_standard_output() -> None:
    """One write path: nothing but output.py writes to stdout (entry.py may say, on stderr,
    what a bug left unsaid; the terminal renderer prints into its own in-memory console)."""
    import re

    writes = re.compile(r"sys\.stdout\.write|click\.echo|click\.secho|^\s*print\(|os\.write\(1")
    found = {
        name
        for name, text in _sources().items()
        for line in text.splitlines()
        if writes.search(line)
    }
    assert found - {"output.py"} == set()
