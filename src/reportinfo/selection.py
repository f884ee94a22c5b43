"""Part of a section, asked for: finding N or `--for GROUP`, checked against the report in use.

Imported only when one is asked for; `--for` may name a group by its start.
"""

from __future__ import annotations

import click

from reportinfo.errors import shown
from reportinfo.model import Report
from reportinfo.render import Request

MOST_GROUPS_LISTED = 20  # in the message for an unknown --for: more is a wall of ids


def resolve(ctx: click.Context, /, report: Report, request: Request) -> Request:
    """The request with its group named in full, or a usage error that says what there is."""
    if request.finding is not None and not 1 <= request.finding <= len(report.findings):
        count = len(report.findings)
        raise click.BadParameter(
            f"there is no finding {request.finding}; the report has {count} (1 to {count})",
            ctx=ctx,
            param_hint="'N'",
        )
    ids = [g.id for g in report.groups]
    if request.group is None or request.group in ids:
        return request
    starting = [i for i in ids if request.group and i.startswith(request.group)]
    if len(starting) == 1:
        return request._replace(group=starting[0])
    from reportinfo.validate import (
        closest,
    )  # only to say what was meant: a wheel's run has no validator

    close = closest(request.group, ids)
    guesses = starting[:MOST_GROUPS_LISTED] or ([close] if close else [])
    quoted = " or ".join(f"'{guess}'" for guess in guesses)
    hint = f"Did you mean {quoted}? " if quoted else ""
    listed = ", ".join(ids[:MOST_GROUPS_LISTED])
    if len(ids) > MOST_GROUPS_LISTED:
        listed += f" and {len(ids) - MOST_GROUPS_LISTED:,} more"
    raise click.BadParameter(
        f"no group '{shown(request.group)}'. {hint}The groups are: {listed}",
        ctx=ctx,
        param_hint="'--for'",
    )
