"""A JSON Schema for report files, generated from the model's records, for editors and CI.

Written from the validator's own description of each field (`validate.fields`) and its
patterns, so the two cannot disagree about keys, types or forms. The rules that span fields
(references between ids, quotes, hours) stay with `validate`. Imported only by
`reportinfo schema` and the docs generator.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reportinfo import validate
from reportinfo.model import Report

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
    channel["properties"]["value"]["anyOf"] = [  # the form of each kind
        {"pattern": _whole(pattern)}
        for pattern in dict.fromkeys(validate.CHANNEL_PATTERNS.values())
    ]
    return document


def to_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def _record(record: Any) -> dict[str, Any]:
    fields = validate.fields(record)
    properties = {}
    for key, field in fields.items():
        prop = _type(field.shape, allow_empty=not field.required)
        if field.pattern:
            prop = {**prop, "pattern": _whole(field.pattern)}
        properties[key] = prop
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key, field in fields.items() if field.required],
        "additionalProperties": False,
    }


def _type(shape: validate.Shape, allow_empty: bool) -> dict[str, Any]:
    kind = shape.kind
    if kind == "record":
        return _record(shape.of)
    if kind == "optional":
        return _type(shape.of, allow_empty)
    if kind == "list":
        items = {"type": "array", "items": _type(shape.of, allow_empty=False)}
        return items if allow_empty else {**items, "minItems": 1}
    if kind == "literal":
        return {"enum": list(shape.of)}
    if kind == "text":
        return dict(_NON_EMPTY_TEXT)
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "whole":
        return {"type": "integer", "minimum": -validate.MAX_WHOLE, "maximum": validate.MAX_WHOLE}
    return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def _whole(pattern: re.Pattern[str]) -> str:
    """A pattern the validator matches whole (fullmatch), for JSON Schema's search semantics."""
    return f"^(?:{pattern.pattern})$"
