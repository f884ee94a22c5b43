"""A JSON Schema for report files, generated from the model's records, for editors and CI.

Walks the same type hints as the validator, so the two cannot disagree about keys and types.
The rules that span fields (references between ids, quotes, hours) stay with `validate`.
Imported only by `reportinfo schema` and the docs generator.
"""

from __future__ import annotations

import json
import types
from datetime import date
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from reportinfo import validate
from reportinfo.model import Group, Report, Source, WeeklyOpening, yaml_key

# Forms a string field must have, where the validator checks one: (record, field) -> pattern.
_PATTERNS = {
    (Source, "url"): validate._URL.pattern,
    (Group, "id"): validate.GROUP_ID.pattern,
    (WeeklyOpening, "opens"): validate._TIME.pattern,
    (WeeklyOpening, "closes"): validate._TIME.pattern,
}
_NON_EMPTY_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}


def schema() -> dict[str, Any]:
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reportinfo report file",
        "description": "One report: what it is, its summary and findings, where to find help, "
        "and the sources of every fact. Run 'reportinfo validate' for the rules that span fields.",
        **_record(Report),
    }
    channel = document["properties"]["contacts"]["items"]["properties"]["channels"]["items"]
    channel["properties"]["value"]["anyOf"] = [
        {"pattern": f"^(?:{validate._PHONE.pattern})$"},
        {"pattern": f"^(?:{validate._EMAIL.pattern})$"},
        {"pattern": f"^(?:{validate._DOMAIN.pattern})$"},
    ]
    return document


def to_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def _record(cls: Any) -> dict[str, Any]:
    hints = get_type_hints(cls)
    properties = {}
    for name in cls._fields:
        prop = _type(hints[name], allow_empty=name in cls._field_defaults)
        pattern = _PATTERNS.get((cls, name))
        if pattern:
            prop = {**prop, "pattern": f"^(?:{pattern})$"}
        properties[yaml_key(cls, name)] = prop
    required = [yaml_key(cls, name) for name in cls._fields if name not in cls._field_defaults]
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type(tp: Any, allow_empty: bool) -> dict[str, Any]:
    origin = get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):
        return _record(tp)
    if origin in (Union, types.UnionType):
        (inner,) = (arg for arg in get_args(tp) if arg is not type(None))
        return _type(inner, allow_empty)
    if origin is tuple:
        items = {"type": "array", "items": _type(get_args(tp)[0], allow_empty=False)}
        return items if allow_empty else {**items, "minItems": 1}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if tp is str:
        return dict(_NON_EMPTY_TEXT)
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": -validate.MAX_WHOLE, "maximum": validate.MAX_WHOLE}
    if tp is date:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    raise TypeError(f"the model uses a type the schema does not know: {tp!r}")
