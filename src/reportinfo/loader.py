"""Find a report file, read it safely and build the model. Every failure is a `DataError`."""

from __future__ import annotations

import os
import sys
from typing import Any

from reportinfo.errors import DataError, Problem
from reportinfo.model import Report
from reportinfo.validate import build_report

STDIN = "-"  # the path that means standard input, as in most command-line tools
BOM = b"\xef\xbb\xbf"

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
    """Read and check the report at `path` ("-" for standard input), or the bundled one."""
    return build_report(parse_yaml(read_text(path or bundled_path())))


def read_text(path: str) -> str:
    try:
        if path == STDIN:
            raw = _read_stdin()
        else:
            with open(path, "rb") as file:
                raw = file.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise _error("no such file", unreadable=True) from None
    except IsADirectoryError:
        raise _error("is a directory, not a file", unreadable=True) from None
    except PermissionError:
        raise _error("permission denied", unreadable=True) from None
    except OSError as error:
        raise _error(f"cannot be read ({error.strerror or error})", unreadable=True) from None
    if len(raw) > MAX_BYTES:
        raise _error("is larger than 1 MiB, the most a report file may be")
    skipped = len(BOM) if raw.startswith(BOM) else 0  # a byte order mark is fine
    try:
        text = raw[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = skipped + error.start  # count from the start of the file, not of the decoded part
        raise _error(f"is not UTF-8 text (byte {at} is 0x{raw[at]:02x})") from None
    if not text.strip():
        raise _error("is empty")
    return text


def _read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise OSError(0, "standard input is closed")
    data: bytes = stream.read(MAX_BYTES + 1)
    return data


def parse_yaml(text: str) -> Any:
    """Parse with PyYAML's safe loader, refusing duplicate keys and aliases."""
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise _error(f"{where}{error.problem or error.context or 'malformed YAML'}") from None
    except yaml.YAMLError as error:  # such as a reader error, whose message spans lines
        raise _error(f"malformed YAML: {' '.join(str(error).split())}") from None
    except (ValueError, OverflowError) as error:  # such as the date 2026-02-30
        raise _error(f"malformed YAML: {error}") from None
    except RecursionError:
        raise _error("malformed YAML: nested too deeply") from None


def _error(reason: str, unreadable: bool = False) -> DataError:
    return DataError([Problem("", reason)], unreadable=unreadable)


def _strict_loader() -> type:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser, when PyYAML has it

    class StrictLoader(base):  # type: ignore[valid-type, misc]
        """The safe loader, plus: no duplicate keys, no aliases.

        An alias (*name) is refused outright rather than limited: a report has no use for one,
        and aliases are how a small file expands into a huge one ("billion laughs"). An anchor
        (&name) on its own is harmless and passes.
        """

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise yaml.constructor.ConstructorError(
                    None, None, "aliases (*name) are not allowed", node.start_mark
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
