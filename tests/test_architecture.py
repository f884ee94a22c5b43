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
