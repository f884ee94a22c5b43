"""The mutation score of one module after `mutmut run`, and whether it reaches a threshold.

    python .ci/mutation_score.py hours --at-least 95

Run where mutmut ran (the project's root): it reads mutmut's own results there
(mutants/src/reportinfo/MODULE.py.meta). A mutant counts as killed when a test failed or timed
out on it (the tests noticed); every other outcome counts against the score, a mutant not
checked included, so an interrupted run cannot pass. The survivors are listed, with a note of
those that mutmut-survivors.md does not explain yet. Exit 1 below the threshold or with no
results.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SURVIVORS = ROOT / "mutmut-survivors.md"
# mutmut's exit codes (mutmut/stats.py): 1 and 3 a failed test, 24, 152, 255 and -24 a timeout.
KILLED = {1, 3, 24, 152, 255, -24}
SURVIVED = 0


def say(line: str) -> None:
    sys.stdout.write(f"{line}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("module", help="a module of the package: hours, validate")
    parser.add_argument("--at-least", type=float, default=0.0, help="the lowest passing score, %%")
    args = parser.parse_args()
    meta = Path("mutants", "src", "reportinfo", f"{args.module}.py.meta")  # where mutmut ran
    if not meta.is_file():
        sys.exit(f"no mutmut results for {args.module}: run mutmut first")
    outcomes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))[
        "exit_code_by_key"
    ]
    if not outcomes:
        sys.exit(f"no mutants of {args.module}")
    killed = sum(code in KILLED for code in outcomes.values())
    score = 100 * killed / len(outcomes)
    say(f"{args.module}: {killed} of {len(outcomes)} mutants killed ({score:.1f}%)")
    explained = SURVIVORS.read_text(encoding="utf-8") if SURVIVORS.is_file() else ""
    for name, code in sorted(outcomes.items()):
        if code in KILLED:
            continue
        outcome = "survived" if code == SURVIVED else f"exit code {code}"
        note = "" if f"`{name}`" in explained else "  (not in mutmut-survivors.md)"
        say(f"  {name}: {outcome}{note}")
    if score < args.at_least:
        say(f"{args.module}: below the {args.at_least:g}% needed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
