"""Find a report file, read it safely and build the model. Every failure is a `DataError`."""

from __future__ import annotations

import os
import sys
from typing import Any

from reportinfo.errors import DataError, Problem, shown
from reportinfo.model import Report
from reportinfo.validate import MAX_WHOLE, build_report

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
        reason = shown(str(error.strerror or error), limit=None)
        raise _error(f"cannot be read ({reason})", unreadable=True) from None
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
    """Parse with PyYAML's safe loader, refusing duplicate keys, aliases, merge keys, keys
    that are not text, tags the format has no use for, and numbers out of range."""
    import yaml

    try:
        return yaml.load(text, Loader=_strict_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = shown(error.problem or error.context or "malformed YAML", limit=None)
        raise _error(f"{where}{reason}") from None
    except yaml.YAMLError as error:  # such as a reader error, whose message spans lines
        raise _error(f"malformed YAML: {shown(' '.join(str(error).split()), limit=None)}") from None
    except (ValueError, OverflowError) as error:  # a value the checks below did not foresee
        raise _error(f"malformed YAML: {shown(str(error), limit=None)}") from None
    except RecursionError:
        raise _error("malformed YAML: nested too deeply") from None


def _error(reason: str, unreadable: bool = False) -> DataError:
    return DataError([Problem("", reason)], unreadable=unreadable)


YAML = "tag:yaml.org,2002:"
# The tags a report file can use, and what a value with each must be. Every other tag PyYAML
# knows (!!float, !!binary, !!set, !!omap, !!pairs, !!merge, and any of a file's own) is refused
# with its place: the format has no use for them, and some build values the checks never see.
_WHAT = {
    f"{YAML}str": "text",
    f"{YAML}int": "a whole number",
    f"{YAML}bool": "true or false",
    f"{YAML}null": "nothing",
    f"{YAML}timestamp": "a real date as YYYY-MM-DD",
    f"{YAML}seq": "a list",
    f"{YAML}map": "a mapping",
}
_STR = f"{YAML}str"
_INT = f"{YAML}int"
_FLOAT = f"{YAML}float"
_MERGE = f"{YAML}merge"
# YAML 1.1 gives `=` and `<<` tags of their own. As a value, either is text here; as a key, `=`
# is an unknown key like any other, and `<<` (a merge) is refused.
_TEXT_TAGS = (f"{YAML}value", _MERGE)
_KEY_READ_AS = {**_WHAT, _FLOAT: "a number", f"{YAML}timestamp": "a date"}
_LONGEST_WHOLE = 20  # characters: far more than any whole number in range needs


def _tag_name(tag: str) -> str:
    return shown("!!" + tag[len(YAML) :] if tag.startswith(YAML) else tag)


def _value(node: Any) -> str:
    """A scalar node's text as a message quotes it: short, and escaped."""
    return shown(node.value, 40) if isinstance(node.value, str) else "..."


def _strict_loader() -> type:
    import yaml
    from yaml.constructor import ConstructorError
    from yaml.nodes import MappingNode, ScalarNode

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser, when PyYAML has it

    def refuse(reason: str, node: Any) -> ConstructorError:
        return ConstructorError(None, None, reason, node.start_mark)

    class StrictLoader(base):  # type: ignore[valid-type, misc]
        """The safe loader, plus: no duplicate keys, no aliases, no merge keys, only text as
        keys, only the tags of `_WHAT`, and whole numbers within the range the format allows.

        An alias (*name) is refused outright rather than limited: a report has no use for one,
        and aliases are how a small file expands into a huge one ("billion laughs"). An anchor
        (&name) on its own is harmless and passes. A merge key (<<) would copy keys in past the
        duplicate check. A value PyYAML cannot build for its tag (`!!bool maybe`, `!!int ""`,
        `!!timestamp garbage`, the date 2026-02-30) is refused here, with its place, rather
        than raising whatever error PyYAML's constructor happens to raise.
        """

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise refuse("aliases (*name) are not allowed", node)
            if node.tag in _TEXT_TAGS:
                node.tag = _STR
            if node.tag == _FLOAT:
                raise refuse(
                    f"'{_value(node)}' is a number with a fraction (YAML's float); report "
                    "files use whole numbers only (quote it if it is text)",
                    node,
                )
            what = _WHAT.get(node.tag)
            if what is None:
                raise refuse(f"the tag {_tag_name(node.tag)} is not used in report files", node)
            if not isinstance(node, ScalarNode):
                return super().construct_object(node, deep)
            if node.tag == _INT:
                return self._whole(node)
            try:
                return super().construct_object(node, deep)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
                raise refuse(f"'{_value(node)}' is not {what}", node) from None

        def _whole(self, node: Any) -> int:
            """A whole number in range, read without ever building a huge one: a long number
            (in base 2, 8, 16 or 60, where Python's limit on digits does not apply) is refused
            by its length first."""
            digits = node.value.replace("_", "").lstrip("+-").lstrip("0")
            if len(digits) <= _LONGEST_WHOLE:
                try:
                    number: int = super().construct_object(node)
                except (ValueError, TypeError, IndexError, AttributeError):
                    raise refuse(f"'{_value(node)}' is not a whole number", node) from None
                if abs(number) <= MAX_WHOLE:
                    return number
            raise refuse(
                f"'{_value(node)}' is out of range: whole numbers in a report file are from "
                f"-{MAX_WHOLE:,} to {MAX_WHOLE:,}",
                node,
            )

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if not isinstance(node, MappingNode):
                return super().construct_mapping(node, deep)  # PyYAML says what is wrong
            seen = set()
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    raise refuse("merge keys (<<) are not allowed", key_node)
                if key_node.tag in _TEXT_TAGS:
                    key_node.tag = _STR
                if not isinstance(key_node, ScalarNode):
                    raise refuse("a key must be text, not a list or a mapping", key_node)
                if key_node.tag != _STR:
                    reads = _KEY_READ_AS.get(key_node.tag) or _tag_name(key_node.tag)
                    raise refuse(
                        f"the key '{_value(key_node)}' is not text (YAML reads it as {reads}); "
                        "quote it",
                        key_node,
                    )
                key = key_node.value
                if key in seen:
                    raise refuse(f"the key '{shown(key)}' appears twice", key_node)
                seen.add(key)
            return super().construct_mapping(node, deep)

    return StrictLoader
