"""The Markdown fence lexer (scripts/fences.py) every tool reads code blocks through."""

from __future__ import annotations

import textwrap

import pytest

from scripts.fences import Fence, FenceError, iter_fences, line_offsets, parse_info, prose_lines


def _fences(text: str) -> list[Fence]:
    return list(iter_fences(textwrap.dedent(text)))


def test_plain_fence_with_attributes() -> None:
    [fence] = _fences(
        """\
        # Title

        ```python title="A coin" hl_lines="2"
        x = 1
        print(x)
        ```
        """
    )
    assert fence.lang == "python"
    assert fence.info == 'title="A coin" hl_lines="2"'
    assert fence.attrs == {"title": "A coin", "hl_lines": "2"}
    assert (fence.indent, fence.marker) == ("", "```")
    assert (fence.start_line, fence.body_start, fence.end_line) == (3, 4, 6)
    assert fence.lines == ("x = 1", "print(x)")
    assert fence.body == "x = 1\nprint(x)\n"


def test_braced_attributes() -> None:
    assert parse_info('{ .python title="x" }') == ("python", 'title="x"', {"title": "x"})
    assert parse_info("{.text title='Output'}")[2] == {"title": "Output"}
    assert parse_info("") == ("", "", {})
    assert parse_info("PY")[0] == "py"


def test_nested_indentation_closes_at_the_same_indent() -> None:
    fences = _fences(
        """\
        !!! note "An admonition"
            ```python
            print(1)
            ```

            ```text title="Output"
            1
            ```

        === "A tab"

            ```python
            if True:
                print(2)
            ```
        """
    )
    assert [(f.lang, f.indent, f.start_line, f.end_line) for f in fences] == [
        ("python", "    ", 2, 4),
        ("text", "    ", 6, 8),
        ("python", "    ", 12, 15),
    ]
    assert fences[2].lines == ("if True:", "    print(2)")


def test_a_fence_at_another_indentation_does_not_close() -> None:
    [fence] = _fences(
        """\
        ```markdown
            ```
        still inside
        ```
        """
    )
    assert fence.lines == ("    ```", "still inside")


def test_tildes_and_backticks_do_not_close_each_other() -> None:
    [outer, after] = _fences(
        """\
        ~~~markdown
        ```python
        print(1)
        ```
        ~~~

        ```text
        x
        ```
        """
    )
    assert outer.marker == "~~~" and outer.lang == "markdown"
    assert outer.lines == ("```python", "print(1)", "```")
    assert after.lang == "text" and after.start_line == 7


def test_a_longer_marker_needs_a_closing_fence_as_long() -> None:
    [fence] = _fences(
        """\
        ````markdown
        ```python
        print(1)
        ```
        `````
        """
    )
    assert fence.marker == "````"
    assert fence.end_line == 5
    assert fence.lines == ("```python", "print(1)", "```")


def test_unclosed_fence_names_its_line() -> None:
    with pytest.raises(FenceError, match="line 3"):
        _fences(
            """\
            text

            ```python
            print(1)
            """
        )
    with pytest.raises(FenceError, match="line 2"):
        _fences("!!! note\n    ```python\n    print(1)\n```\n")


def test_backticks_in_a_backtick_info_string_are_not_a_fence() -> None:
    assert _fences("```inline``` code\n") == []


def test_prose_lines_skip_fences() -> None:
    text = "a\n```python\nx\n```\nb\n    ~~~\n    y\n    ~~~\nc\n"
    assert list(prose_lines(text)) == [(1, "a"), (5, "b"), (9, "c")]


def test_line_offsets() -> None:
    text = "ab\n\ncd"
    assert line_offsets(text) == [0, 3, 4, 6]
    assert line_offsets("ab\n") == [0, 3]
