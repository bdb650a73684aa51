"""The snippet checker itself: a wrong number on a page must fail, naming file and line."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sybil.example import SybilFailure

from scripts.fences import iter_fences
from scripts.snippets import SnippetError, find_snippets, make_sybil, settings

ROOT = Path(__file__).resolve().parent.parent

PAGE = textwrap.dedent(
    """\
    # A page

    Some prose.

    ```python title="entropy of a fair coin" hl_lines="3"
    from infotheory import entropy

    print(f"{entropy([0.5, 0.5], base=2):.4f} bits")
    ```

    ```text title="Output"
    WRONG bits
    ```
    """
)


@pytest.fixture(autouse=True)
def _no_lint(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process evaluations check outputs only; the lint tests turn lint back on."""
    monkeypatch.setattr(settings, "lint", False)
    monkeypatch.setattr(settings, "update", False)


def _project(tmp_path: Path) -> Path:
    """A copy of the project's snippet machinery, with no pages yet."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "conftest.py", project / "conftest.py")
    for name in ("__init__.py", "fences.py"):
        shutil.copy(ROOT / "scripts" / name, project / "scripts" / name)
    shutil.copytree(
        ROOT / "scripts" / "snippets",
        project / "scripts" / "snippets",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (project / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    (project / "ruff.toml").write_text('[lint]\nselect = ["E", "F", "B"]\n')
    return project


def _pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def _write_page(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    page = directory / "page.md"
    page.write_text(text)
    return page


def _evaluate_all_errors(page: Path) -> list[BaseException]:
    """Evaluate every example of a page; return what each failing one raised."""
    errors = []
    for example in make_sybil(page.parent).parse(page).examples():
        try:
            example.evaluate()
        except Exception as exc:
            errors.append(exc)
    return errors


def _evaluate_all(page: Path) -> list[str]:
    """Evaluate every example of a page; return the output-mismatch messages."""
    errors = _evaluate_all_errors(page)
    assert all(isinstance(e, SybilFailure) for e in errors), errors
    return [str(e) for e in errors]


def test_wrong_number_fails_with_file_and_line(tmp_path: Path) -> None:
    page = _write_page(tmp_path, PAGE.replace("WRONG", "1.0001"))
    [message] = _evaluate_all(page)
    assert f"{page}, line 5" in message
    assert "Expected:\n    1.0001 bits" in message
    assert "Got:\n    1.0000 bits" in message


def test_right_number_passes(tmp_path: Path) -> None:
    page = _write_page(tmp_path, PAGE.replace("WRONG", "1.0000"))
    assert _evaluate_all(page) == []


def test_fences_with_attributes_and_indentation_are_collected() -> None:
    text = textwrap.dedent(
        """\
        !!! note "Inside an admonition"
            ```python hl_lines="1"
            print(1)
            ```

            ```text title="Output"
            1
            ```

        === "A tab"

            ``` py title="x.py"
            print(2)
            ```
        """
    )
    snippets = find_snippets(text)
    assert [s.code for s in snippets] == ["print(1)\n", "print(2)\n"]
    assert snippets[0].expected == "1\n"
    assert snippets[1].expected is None
    assert [f.lang for f in iter_fences(text)] == ["python", "text", "py"]


def test_blocks_do_not_share_state(tmp_path: Path) -> None:
    page = _write_page(
        tmp_path,
        "```python\nx = 41\n```\n\n```python\nprint(x + 1)\n```\n\n"
        '```text title="Output"\n42\n```\n',
    )
    [failure] = _evaluate_all_errors(page)
    assert isinstance(failure, NameError)


def test_unshown_output_fails(tmp_path: Path) -> None:
    page = _write_page(tmp_path, "```python\nprint('hidden')\n```\n")
    [message] = _evaluate_all(page)
    assert 'no ```text title="Output" block' in message


def test_warnings_fail(tmp_path: Path) -> None:
    page = _write_page(tmp_path, "```python\nimport numpy as np\nnp.log(0.0)\n```\n")
    [error] = _evaluate_all_errors(page)
    assert isinstance(error, RuntimeWarning)


def test_numpy_print_options_do_not_leak(tmp_path: Path) -> None:
    page = _write_page(
        tmp_path,
        "```python\nimport numpy as np\nnp.set_printoptions(precision=1)\n```\n\n"
        "```python\nimport numpy as np\nprint(np.array([0.123456]))\n```\n\n"
        '```text title="Output"\n[0.123456]\n```\n',
    )
    assert _evaluate_all(page) == []


def test_pycon_blocks_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(SnippetError, match="pycon"):
        find_snippets("```pycon\n>>> 1 + 1\n2\n```\n")


def test_traceback_points_at_the_markdown_line(tmp_path: Path) -> None:
    page = _write_page(tmp_path, "# t\n\n```python\nx = 1\nraise KeyError('boom')\n```\n")
    [error] = _evaluate_all_errors(page)
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != str(page):
        tb = tb.tb_next
    assert tb is not None and tb.tb_lineno == 5


def test_figure_includes_must_point_at_a_figure_source(tmp_path: Path) -> None:
    page = _write_page(
        tmp_path,
        '```python\n--8<-- "scripts/figures/entropy-examples.py"\n```\n\n'
        '```python\n--8<-- "scripts/figures/does-not-exist.py"\n```\n\n'
        '```python\n--8<-- "infotheory/entropy.py"\n```\n',
    )
    messages = _evaluate_all(page)
    assert len(messages) == 2
    assert "does not exist" in messages[0]
    assert "only figure sources" in messages[1]


def test_pytest_run_names_file_and_line(tmp_path: Path) -> None:
    """End to end: `pytest docs/page.md` on a copy of the project fails on a wrong number."""
    project = _project(tmp_path)
    page = _write_page(project / "docs", PAGE.replace("WRONG", "0.9999"))
    proc = _pytest(project, str(page.relative_to(project)))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "docs/page.md, line 5" in proc.stdout
    assert "Expected:\n    0.9999 bits" in proc.stdout
    assert "1 failed" in proc.stdout


UPDATE_PAGE = textwrap.dedent(
    """\
    # A page

    !!! example "In an admonition"

        ```python hl_lines="1"
        print(6 * 7)
        ```

        ``` { .text title="Output" }
        41
        ```

    ```python
    print("no Output block yet")
    print("  indented  ")
    ```

    ```python
    x = 1  # prints nothing: no Output block is created
    ```

    Last line.
    """
)


def test_update_outputs_rewrites_and_creates(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = _write_page(project / "docs", UPDATE_PAGE)
    assert _pytest(project, "docs/page.md").returncode == 1  # the normal run fails
    assert page.read_text() == UPDATE_PAGE

    proc = _pytest(project, "--update-outputs", "docs/page.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "rewrote 2 Output block(s)" in proc.stdout
    expected = UPDATE_PAGE.replace("    41\n", "    42\n").replace(
        'print("  indented  ")\n```\n',
        'print("  indented  ")\n```\n\n```text title="Output"\nno Output block yet\n'
        "  indented\n```\n",
    )
    assert page.read_text() == expected  # fence, attributes and indentation kept

    proc = _pytest(project, "docs/page.md")  # now the normal run passes
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = _pytest(project, "--update-outputs", "docs/page.md")
    assert "rewrote" not in proc.stdout
    assert page.read_text() == expected


def test_update_outputs_refuses_an_ambiguous_block(tmp_path: Path) -> None:
    project = _project(tmp_path)
    text = '!!! note\n\n    ```python\n    print(1)\n    ```\n\n```text title="Output"\n2\n```\n'
    page = _write_page(project / "docs", text)
    proc = _pytest(project, "--update-outputs", "docs/page.md")
    assert proc.returncode != 0
    assert "docs/page.md:7: ambiguous Output block" in proc.stdout
    assert page.read_text() == text


def test_update_outputs_refuses_workers(tmp_path: Path) -> None:
    pytest.importorskip("xdist")
    project = _project(tmp_path)
    _write_page(project / "docs", PAGE)
    proc = _pytest(project, "--update-outputs", "-n", "2", "docs/page.md")
    assert proc.returncode != 0
    assert "--update-outputs rewrites the pages from one process" in proc.stderr


def test_orphan_output_block_is_rejected() -> None:
    with pytest.raises(SnippetError, match=r"page.md:5: orphan Output block"):
        find_snippets(
            '```python\nprint(1)\n```\nprose\n```text title="Output"\n1\n```\n', "page.md"
        )
    with pytest.raises(SnippetError, match=r"page.md:9: orphan Output block"):
        find_snippets(
            '```python\nprint(1)\n```\n\n```text title="Output"\n1\n```\n\n'
            '```text title="Output"\n1\n```\n',
            "page.md",
        )


def test_lint_names_the_markdown_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "lint", True)
    (tmp_path / "ruff.toml").write_text('[lint]\nselect = ["F", "B"]\n')
    page = _write_page(
        tmp_path,
        "# t\n\n!!! note\n\n    ```python\n    import os\n\n"
        "    for a, b in zip([1], [2]):\n        pass\n    ```\n",
    )
    [message] = _evaluate_all(page)
    assert f"{page}:6:12: F401" in message
    assert f"{page}:8:17: B905" in message


def test_lint_end_to_end_and_noqa(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _write_page(project / "docs", "# t\n\n```python\nimport os\nimport sys  # noqa: F401\n```\n")
    proc = _pytest(project, "docs/page.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "docs/page.md:4:8: F401" in proc.stdout
    assert "sys" not in proc.stdout.split("F401", 1)[1].split("\n", 1)[0]
    assert "page.md:5" not in proc.stdout
    assert _pytest(project, "--no-lint-snippets", "docs/page.md").returncode == 0
