"""Find a report file, read it safely and build the model. Every failure is a `DataError`."""

from __future__ import annotations

import os
import sys
from typing import Any

from reportinfo.errors import DataError, Problem, shown
from reportinfo.model import Report

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


def load(path: str | None = None, *, fresh: bool = False) -> Report:
    """Read and check the report at `path` ("-" for standard input), or the bundled one.

    The bundled one comes checked from the wheel while it is unchanged (`checked_at_build`),
    unless `fresh` asks for it to be read and checked anew, as `reportinfo validate` does."""
    text = read_text(bundled_path() if path is None else path)
    report = checked_at_build(text) if path is None and not fresh else None
    if report is None:
        from reportinfo.validate import build_report  # not needed for the wheel's checked copy

        report = build_report(parse_yaml(text))
    return report


def checked_at_build(text: str) -> Report | None:
    """The bundled report as the wheel's build read and checked it (see hatch_build.py), if
    `text` is still exactly the text it was read from; else None, and the file is read and
    checked now. As Python trusts a .pyc only while its source is unchanged: the same text,
    checked by the same code, cannot give another result. This spares every command PyYAML
    and the checks (a fifth of a piped section's start-up)."""
    try:
        from reportinfo import _checked_report  # type: ignore[attr-defined, unused-ignore]
    except ImportError:  # an editable install, or a build without the hook
        return None
    report: Report = _checked_report.REPORT
    return report if text == _checked_report.TEXT else None


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
    """Parse with PyYAML's safe parser, and build the values with `_build`: no duplicate keys,
    aliases or merge keys, only text as keys, only the tags the format uses, and whole numbers
    in range."""
    import yaml

    try:
        return _build(_compose(text))
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


def _compose(text: str) -> Any:
    """The document as PyYAML's nodes, each with its resolved tag and its place."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # the C parser, if PyYAML has it
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


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
_BOOL = f"{YAML}bool"
_NULL = f"{YAML}null"
_TIMESTAMP = f"{YAML}timestamp"
_SEQ = f"{YAML}seq"
_MAP = f"{YAML}map"
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


def _build(root: Any) -> Any:
    """Plain values from PyYAML's nodes: dicts, lists, text, whole numbers, booleans, dates and
    None. Written here rather than left to PyYAML's safe constructor so that everything the
    format cannot use is refused with its place:

    - an alias (*name): a report has no use for one, and aliases are how a small file expands
      into a huge one ("billion laughs"). An anchor (&name) on its own is harmless and passes;
    - a duplicate key, and a merge key (<<), which would copy keys in past the duplicate check;
    - a key that is not text: a number, a boolean, a date, null, a list or a mapping;
    - a tag the format does not use (`!!float`, `!!binary`, `!!set`, `!!omap`, a file's own);
    - a value its tag cannot have (`!!bool maybe`, `!!int ""`, `!!timestamp garbage`, the date
      2026-02-30), where PyYAML would raise whatever error its constructor happens to raise;
    - a whole number out of range, refused by its length before it is built, so that no base
      (2, 8, 16, or 60, where Python's limit on decimal digits does not apply) builds a huge one.

    It is also a good deal quicker than the constructor, which matters for a 1 MiB file.
    """
    from yaml.constructor import ConstructorError, SafeConstructor
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from reportinfo.validate import MAX_WHOLE

    dates = SafeConstructor()  # PyYAML's reading of a date, for !!timestamp
    booleans = SafeConstructor.bool_values
    visited: set[int] = set()  # every node is held by the tree, so no id is reused

    def refuse(reason: str, node: Any) -> ConstructorError:
        return ConstructorError(None, None, reason, node.start_mark)

    def build(node: Any) -> Any:
        if id(node) in visited:
            raise refuse("aliases (*name) are not allowed", node)
        visited.add(id(node))
        tag = _STR if node.tag in _TEXT_TAGS else node.tag
        if tag == _FLOAT:
            raise refuse(
                f"'{_value(node)}' is a number with a fraction (YAML's float); report files use "
                "whole numbers only (quote it if it is text)",
                node,
            )
        what = _WHAT.get(tag)
        if what is None:
            raise refuse(f"the tag {_tag_name(tag)} is not used in report files", node)
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value
            if tag == _INT:
                return whole(node)
            if tag == _NULL:
                return None
            if tag == _BOOL and node.value.lower() in booleans:
                return booleans[node.value.lower()]
            if tag == _TIMESTAMP:
                try:
                    return dates.construct_yaml_timestamp(node)
                except (ValueError, TypeError, AttributeError, OverflowError):
                    pass
            raise refuse(f"'{_value(node)}' is not {what}", node)
        if isinstance(node, SequenceNode) and tag == _SEQ:
            return [build(item) for item in node.value]
        if isinstance(node, MappingNode) and tag == _MAP:
            return mapping(node)
        found = "a list" if isinstance(node, SequenceNode) else "a mapping"
        raise refuse(f"expected {what}, found {found}", node)

    def mapping(node: Any) -> dict[str, Any]:
        built: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if id(key_node) in visited:
                raise refuse("aliases (*name) are not allowed", key_node)
            tag = key_node.tag
            if tag == _MERGE:
                raise refuse("merge keys (<<) are not allowed", key_node)
            if not isinstance(key_node, ScalarNode):
                raise refuse("a key must be text, not a list or a mapping", key_node)
            if tag != _STR and tag not in _TEXT_TAGS:
                reads = _KEY_READ_AS.get(tag) or _tag_name(tag)
                raise refuse(
                    f"the key '{_value(key_node)}' is not text (YAML reads it as {reads}); "
                    "quote it",
                    key_node,
                )
            key = key_node.value
            if key in built:
                raise refuse(f"the key '{shown(key)}' appears twice", key_node)
            visited.add(id(key_node))
            built[key] = build(value_node)
        return built

    def whole(node: Any) -> int:
        digits = node.value.replace("_", "").lstrip("+-").lstrip("0")
        if len(digits) <= _LONGEST_WHOLE:
            try:
                number: int = dates.construct_yaml_int(node)
            except (ValueError, TypeError, IndexError, AttributeError):
                raise refuse(f"'{_value(node)}' is not a whole number", node) from None
            if abs(number) <= MAX_WHOLE:
                return number
        raise refuse(
            f"'{_value(node)}' is out of range: whole numbers in a report file are from "
            f"-{MAX_WHOLE:,} to {MAX_WHOLE:,}",
            node,
        )

    return None if root is None else build(root)
