"""Build hook: the wheel carries data/report.yaml already read and checked, as a Python module.

Reading the bundled YAML and checking it was a fifth of every command's start-up (PyYAML's
import and parse, the validator's import and checks). The wheel therefore also carries
`reportinfo/_checked_report.py`: the file's text, and the `Report` the loader and the validator
of this very build made from it, written out as Python. At run time the loader uses that record
only while the bundled file is, byte for byte, that text, as Python trusts a .pyc only while
its source is unchanged: the same text, checked by the same code, cannot give another result.
An edited file is read as YAML and checked. data/report.yaml stays the one file people edit,
the file in the wheel and the file `reportinfo validate` checks (always anew). A report that
fails its checks fails the build.

Editable installs get no checked copy: they read data/ as YAML, so an edit shows at once.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "reportinfo/_checked_report.py"


class CheckedReportHook(BuildHookInterface):  # type: ignore[type-arg]  # generic in hatchling
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "src"))  # the loader this very build ships
        try:
            from reportinfo import loader, validate
        finally:
            sys.path.pop(0)
        text = loader.read_text(str(root / "data" / "report.yaml"))
        report = validate.build_report(loader.parse_yaml(text))  # DataError: no wheel
        module = Path(tempfile.mkdtemp()) / "_checked_report.py"
        module.write_text(python_module(text, report), encoding="utf-8")
        build_data["force_include"][str(module)] = MODULE


def python_module(text: str, report: Any) -> str:
    """The module: TEXT, and REPORT written as the records' own reprs (NamedTuples, tuples,
    text, numbers, dates), which Python reads back as the same values; checked here too."""
    records = sorted(_record_types(report), key=lambda cls: cls.__name__)
    source = (
        '"""Made when the wheel was built, from data/report.yaml (see hatch_build.py)."""\n\n'
        "import datetime\n\n"
        f"from reportinfo.model import {', '.join(cls.__name__ for cls in records)}\n\n"
        f"TEXT = {text!r}\n\n"
        f"REPORT = {report!r}\n"
    )
    namespace: dict[str, Any] = {}
    exec(compile(source, MODULE, "exec"), namespace)  # noqa: S102 - our own module, just made
    if namespace["REPORT"] != report:
        raise RuntimeError(f"{MODULE} would not read back as the checked report")
    return source


def _record_types(value: Any) -> set[type]:
    if isinstance(value, tuple):
        found = {type(value)} if hasattr(value, "_fields") else set()
        return found.union(*(_record_types(item) for item in value))
    return set()
