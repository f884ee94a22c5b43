"""Renderers: each turns the model into one output format and returns it; none prints.

- `plain`: text for pipes and files, one item per line.
- `terminal`: rich renderables for a terminal (the only module that imports rich).
- `jsonout`: the documented JSON shape.
- `phrases`: the sentences every format shares, so that all three say the same thing.
"""

from typing import Literal

Section = Literal["summary", "findings", "help-contacts", "sources"]
SECTIONS: tuple[Section, ...] = ("summary", "findings", "help-contacts", "sources")
