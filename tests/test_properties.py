"""Any bytes, any YAML value: loading ends in a valid report or a clean DataError, quickly."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportinfo import loader
from reportinfo.errors import DataError, shown
from reportinfo.model import Report
from reportinfo.validate import is_misprint, marked
from tests.conftest import bundled_yaml

BUNDLED = bundled_yaml()

yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def load_ends_cleanly(path: Path) -> None:
    try:
        result = loader.load(str(path))
    except DataError as error:
        problems = error.problems
    else:
        assert isinstance(result, Report)
        return
    assert problems
    for problem in problems:
        assert problem.reason.strip(), problem  # every problem says what is wrong
        assert str(problem).isprintable(), problem  # in one line, nothing a terminal acts on


@PROPERTY_SETTINGS
@given(content=st.binary(max_size=2000))
def test_any_bytes(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.yaml"
    path.write_bytes(content)
    load_ends_cleanly(path)


@PROPERTY_SETTINGS
@given(value=yaml_values)
def test_any_yaml_value(tmp_path: Path, value: object) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(yaml.safe_dump(value), encoding="utf-8")
    load_ends_cleanly(path)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_any_field_replaced_by_any_value(tmp_path: Path, data: st.DataObject) -> None:
    """Swap one field somewhere in the real report for an arbitrary value."""
    report = copy.deepcopy(BUNDLED)
    target: Any = report
    while True:
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        key = data.draw(st.sampled_from(keys))
        if not isinstance(target[key], dict | list) or not target[key] or data.draw(st.booleans()):
            target[key] = data.draw(yaml_values)
            break
        target = target[key]
    path = tmp_path / "report.yaml"
    path.write_text(yaml.safe_dump(report, allow_unicode=True), encoding="utf-8")
    load_ends_cleanly(path)


# Text made of the characters that matter to each function, and a few others.
QUOTE_TEXT = st.text(alphabet='ab “”"', max_size=40)
QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")


@PROPERTY_SETTINGS
@given(text=QUOTE_TEXT)
def test_marked_finds_what_the_pattern_found(text: str) -> None:
    """The one-pass quote finder gives the same words as the pattern it replaced."""
    assert marked(text) == [a or b for a, b in QUOTED.findall(text)]


@PROPERTY_SETTINGS
@given(text=st.text(max_size=60))
def test_shown_is_one_printable_line_and_stable(text: str) -> None:
    once = shown(text)
    assert once.isprintable()
    assert shown(once) == once
    if text.isprintable() and len(text) <= 200:
        assert once == text  # nothing to escape: shown as it is


@PROPERTY_SETTINGS
@given(
    before=st.text(alphabet="ab0123456789 ,-", max_size=12),
    separators=st.lists(
        st.sampled_from([" ", "-", ".", "\u00a0", "", " - ", "/"]), min_size=2, max_size=2
    ),
    after=st.text(alphabet="ab ,", max_size=6),
)
def test_the_misprint_is_found_between_any_words(
    before: str, separators: list[str], after: str
) -> None:
    middle = f"0808{separators[0]}500{separators[1]}1111"
    text = f"{before} {middle}{after}"
    assert is_misprint(text)
