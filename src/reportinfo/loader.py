"""Find a report file, read it safely and build the model. Every failure is a `DataError`."""

from __future__ import annotations

import os
from typing import Any

from reportinfo.model import DataError, Problem, Report, build_report

MAX_BYTES = 1024 * 1024  # a report is a page of text; anything bigger is a mistake or an attack


def bundled_path() -> str:
    """The report that ships with reportinfo, inside the installed package.

    This is the directory importlib.resources.files("reportinfo") gives for an installed wheel;
    it is found from this module's own location because importing importlib.resources (with
    zipfile and tempfile behind it) would add a quarter to every command's start-up time.
    """
    package = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(package, "data", "report.yaml")
    if os.path.isfile(packaged):
        return packaged
    # An editable install runs the package from src/, where the wheel's copy of data/report.yaml
    # does not exist: use the project's own data/ folder, two levels up.
    return os.path.join(os.path.dirname(os.path.dirname(package)), "data", "report.yaml")


def load(path: str | None = None) -> Report:
    """Read and check the report at `path`, or the bundled one."""
    return build_report(parse_yaml(read_text(path or bundled_path())))


def read_text(path: str) -> str:
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _error("no such file") from None
    except IsADirectoryError:
        raise _error("is a directory, not a file") from None
    except PermissionError:
        raise _error("permission denied") from None
    except OSError as error:
        raise _error(f"cannot be read ({error.strerror or error})") from None
    if len(raw) > MAX_BYTES:
        raise _error("is larger than 1 MiB, the most a report file may be")
    try:
        text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")  # a byte order mark is fine
    except UnicodeDecodeError as error:
        raise _error(
            f"is not UTF-8 text (byte {error.start} is 0x{raw[error.start]:02x})"
        ) from None
    if not text.strip():
        raise _error("is empty")
    return text


def parse_yaml(text: str) -> Any:
    """Parse with PyYAML's safe loader, refusing duplicate keys and anchors/aliases."""
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise _error(f"{where}{error.problem or error.context or 'malformed YAML'}") from None
    except yaml.YAMLError as error:
        raise _error(f"malformed YAML: {error}") from None
    except (ValueError, OverflowError) as error:  # such as the date 2026-02-30
        raise _error(f"malformed YAML: {error}") from None
    except RecursionError:
        raise _error("malformed YAML: nested too deeply") from None


def _error(reason: str) -> DataError:
    return DataError([Problem("", reason)])


def _strict_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser, when PyYAML has it

    class StrictLoader(base):  # type: ignore[valid-type, misc]
        """The safe loader, plus: no duplicate keys, no anchors or aliases.

        Aliases are refused outright rather than limited: a report has no use for them, and
        they are how a small file expands into a huge one ("billion laughs").
        """

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise yaml.constructor.ConstructorError(
                    None, None, "anchors and aliases (& and *) are not allowed", node.start_mark
                )
            return super().construct_object(node, deep)

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen = set()
            for key_node, _ in node.value:
                key = getattr(key_node, "value", None)
                if isinstance(key, str) and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key}' appears twice", key_node.start_mark
                    )
                seen.add(key)
            return super().construct_mapping(node, deep)

    return StrictLoader
