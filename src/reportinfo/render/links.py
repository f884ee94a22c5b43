"""Where a phone number, text line, email or web address links to: the only place links are built.

Every link is tel, sms, mailto, http or https, built from validated values; `SAFE_TARGET` is
the one shape each may have, and nothing of another shape is ever written (`safe`).
"""

from __future__ import annotations

import re

from reportinfo.model import Channel

_DIGITS = frozenset("0123456789")


def dialled(number: str) -> str:
    """The number as dialled: "+" (if written) and its ASCII digits, in international form for
    UK numbers; short codes (999, 101, 116 123) as they are. "" if it has no digits."""
    plus = "+" if number.startswith("+") else ""
    digits = "".join(c for c in number if c in _DIGITS)
    if plus:
        return plus + digits
    if digits.startswith("00"):  # already international: 00 stands for +
        return f"+{digits[2:]}"
    if digits.startswith("0") and len(digits) > 4:  # a UK number: the 0 becomes +44
        return f"+44{digits[1:]}"
    return digits


def tel_target(number: str) -> str:
    """The tel: link for a number as written: `tel:`, an optional `+` and ASCII digits only."""
    return f"tel:{dialled(number)}"


def sms_target(number: str, message: str | None) -> str:
    """An sms: link (RFC 5724) to the number, with the message to send, percent-encoded."""
    body = f"?&body={_percent_encoded(message)}" if message else ""
    return f"sms:{dialled(number)}{body}"


def web_target(address: str) -> str:
    """An https: link to a web address as written (http: or https: kept if it gives one)."""
    url = address if address.startswith(("http://", "https://")) else f"https://{address}"
    return _percent_encoded(url, _IN_URL)


def email_target(address: str) -> str:
    return f"mailto:{_percent_encoded(address, _IN_EMAIL)}"


def channel_target(channel: Channel) -> str | None:
    """The link a channel's value is written as (tel:, sms:, mailto: or https:), if it has the
    shape of one (`safe`): the one gate for the links content gives JSON, JSON-LD and the
    text formats alike."""
    if channel.kind == "phone":
        return safe(tel_target(channel.value))
    if channel.kind == "text":
        return safe(sms_target(channel.value, channel.message))
    if channel.kind == "email":
        return safe(email_target(channel.value))
    return safe(web_target(channel.value))


# The only links ever written, each in the one shape the tool builds it.
SAFE_TARGET = re.compile(
    r"tel:\+?[0-9]+"
    r"|sms:\+?[0-9]+(?:\?&body=[A-Za-z0-9%._~-]*)?"
    r"|mailto:[A-Za-z0-9%._~+-]+@[A-Za-z0-9.-]+"
    r"|https?://[A-Za-z0-9.-]+(?:[/?#][A-Za-z0-9%._~!$&'()*+,;=:@/?#-]*)?"
)


def safe(target: str | None) -> str | None:
    """The target, if it has the shape of a link the tool writes; else None. A target of any
    other shape (a script, a header in a mailto:, a space) is never written."""
    if target and SAFE_TARGET.fullmatch(target):
        return target
    return None


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_IN_URL = _UNRESERVED | frozenset("!$&'()*+,;=:@/?#%")  # sub-delims, ":@/?#", escapes
_IN_EMAIL = _UNRESERVED | frozenset("+@")


def _percent_encoded(text: str, keep: frozenset[str] = _UNRESERVED) -> str:
    """Every character not in `keep` as %XX bytes of its UTF-8, in linear time."""
    return "".join(c if c in keep else "".join(f"%{b:02X}" for b in c.encode()) for c in text)
