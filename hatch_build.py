"""Build hook: the wheel carries data/report.yaml already parsed, as a Python module.

Parsing the bundled YAML is a fifth of every command's start-up (PyYAML's import and its
parse). The wheel therefore also carries `reportinfo/_parsed_report.py`: the file's text and
the values the loader builds from it. At run time the loader uses those values only while the
bundled file is, byte for byte, that text, as Python trusts a .pyc only while its source is
unchanged; an edited file is read as YAML. data/report.yaml stays the one file people edit,
the file in the wheel and the file `reportinfo validate` checks.

Editable installs get no parsed copy: they read data/ as YAML, so an edit shows at once.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "reportinfo/_parsed_report.py"


class ParsedReportHook(BuildHookInterface):  # type: ignore[type-arg]  # generic in hatchling
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
        values = loader.parse_yaml(text)
        validate.build_report(values)  # a wheel is never built from a report that fails its checks
        module = Path(tempfile.mkdtemp()) / "_parsed_report.py"
        module.write_text(
            '"""Made when the wheel was built, from data/report.yaml (see hatch_build.py)."""\n\n'
            "import datetime\n\n"
            f"TEXT = {text!r}\n\n"
            f"VALUES = {values!r}\n",
            encoding="utf-8",
        )
        build_data["force_include"][str(module)] = MODULE
