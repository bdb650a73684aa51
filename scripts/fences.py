"""The one Markdown fence lexer of the project.

Every tool that looks at code blocks in the pages (the snippet tests, the
notebook builder, the API-docs checks) reads them through this module, so they
all agree on where a block starts and where it ends.

The rules (CommonMark's, restricted to what the pages use):

* a fence opens on a line made of an indentation (spaces or tabs), a marker of
  three or more backticks or tildes, and an info string (for a backtick
  fence, the info string may not contain a backtick);
* it closes only on a line made of the *same* indentation and a marker of the
  same character, at least as long as the opening one, followed by nothing
  but spaces.  A shorter marker, the other character or another indentation
  is body text: this is what makes fences nested in admonitions and content
  tabs (indented by four spaces) and fences that show fences work;
* a fence that never closes is an error (:class:`FenceError`, naming the
  line), never "the rest of the file";
* the body lines lose the fence's indentation.

The info string is split into a language (its first word, ``python`` in both
```` ```python title="x" ```` and ```` ``` { .python title="x" } ````) and
attributes (``title="Output"`` -> ``{"title": "Output"}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Fence", "FenceError", "iter_fences", "line_offsets", "parse_info", "prose_lines"]

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>`{3,}|~{3,})(?P<info>.*?)[ \t]*$")
_ATTR = re.compile(
    r"""(?P<key>[A-Za-z_][\w-]*)=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s}]+))"""
)


class FenceError(ValueError):
    """A fence that cannot be read (for example one that is never closed)."""


@dataclass(frozen=True)
class Fence:
    """One fenced code block.

    ``start_line`` and ``end_line`` are the 1-based numbers of the opening and
    closing fence lines; ``body_start`` is the number of the first body line
    (``start_line + 1``, also when the body is empty).  ``lines`` are the body
    lines with the fence's indentation removed and no line endings.
    """

    lang: str
    info: str
    attrs: dict[str, str] = field(hash=False)
    indent: str
    marker: str
    start_line: int
    end_line: int
    body_start: int
    lines: tuple[str, ...]

    @property
    def body(self) -> str:
        """The body as text, each line ending with a newline."""
        return "".join(line + "\n" for line in self.lines)


def parse_info(info: str) -> tuple[str, str, dict[str, str]]:
    """Split an info string into (language, rest, attributes).

    >>> parse_info('python title="A coin" hl_lines="2 3"')
    ('python', 'title="A coin" hl_lines="2 3"', {'title': 'A coin', 'hl_lines': '2 3'})
    >>> parse_info('{ .text title="Output" }')
    ('text', 'title="Output"', {'title': 'Output'})
    """
    info = info.strip()
    braced = info.startswith("{")
    inner = info[1:].rstrip().removesuffix("}").strip() if braced else info
    words = inner.split(maxsplit=1)
    if not words:
        return "", "", {}
    first = words[0]
    if braced and not first.startswith("."):
        lang, rest = "", inner  # {title="x"}: attributes only
    else:
        lang, rest = first.removeprefix(".").lower(), words[1].strip() if len(words) > 1 else ""
    attrs = {
        m["key"]: next(v for v in (m["dq"], m["sq"], m["bare"]) if v is not None)
        for m in _ATTR.finditer(rest)
    }
    return lang, rest, attrs


def _split(text: str) -> list[str]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def _opening(line: str) -> re.Match[str] | None:
    m = _OPEN.match(line)
    if m is None or (m["marker"][0] == "`" and "`" in m["info"]):
        return None
    return m


def _dedent(line: str, indent: str) -> str:
    if line.startswith(indent):
        return line[len(indent) :]
    # A blank or less indented line inside the fence: drop what indentation it has.
    stripped = line.lstrip(" \t")
    return stripped if len(line) - len(stripped) < len(indent) else line[len(indent) :]


def iter_fences(text: str) -> Iterator[Fence]:
    """Yield the fenced code blocks of a Markdown document, in order.

    Raises :class:`FenceError` for a fence that is never closed.

    >>> text = '!!! note\\n    ```python title="x"\\n    print(1)\\n    ```\\n'
    >>> [(f.lang, f.attrs, f.indent, f.start_line, f.lines) for f in iter_fences(text)]
    [('python', {'title': 'x'}, '    ', 2, ('print(1)',))]
    """
    lines = _split(text)
    i = 0
    while i < len(lines):
        m = _opening(lines[i])
        if m is None:
            i += 1
            continue
        indent, marker = m["indent"], m["marker"]
        char = re.escape(marker[0])
        closing = re.compile(rf"^{re.escape(indent)}{char}{{{len(marker)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        if j == len(lines):
            raise FenceError(
                f"line {i + 1}: the fence {marker!r} opened here is never closed (a closing "
                f"fence needs the same indentation ({len(indent)} characters) and at least "
                f"{len(marker)} {marker[0]!r})"
            )
        lang, info, attrs = parse_info(m["info"])
        yield Fence(
            lang=lang,
            info=info,
            attrs=attrs,
            indent=indent,
            marker=marker,
            start_line=i + 1,
            end_line=j + 1,
            body_start=i + 2,
            lines=tuple(_dedent(line, indent) for line in lines[i + 1 : j]),
        )
        i = j + 1


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line number, line)`` for every line outside fenced code blocks."""
    lines = _split(text)
    inside: set[int] = set()
    for fence in iter_fences(text):
        inside.update(range(fence.start_line, fence.end_line + 1))
    for number, line in enumerate(lines, start=1):
        if number not in inside:
            yield number, line


def line_offsets(text: str) -> list[int]:
    """Return the character offset of the start of each line (index 0 is line 1).

    One more entry than there are lines: the last one is ``len(text)``.
    """
    offsets = [0]
    for line in text.split("\n")[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    if offsets[-1] < len(text):  # a last line without a newline
        offsets.append(len(text))
    return offsets
