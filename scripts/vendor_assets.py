"""Fetch the site's third-party assets (KaTeX, axe-core) at their pinned versions.

The pins live in ``pyproject.toml`` under ``[tool.infotheory.vendor.*]``: a
registry tarball URL, its Subresource-Integrity hash, the files to serve
(``files``) and the files used only while building (``build_files``, never
served).  Each tarball is downloaded once into ``.cache/vendor/``, verified,
and the listed files are extracted to ``.cache/vendor/<name>-<version>/``.  The
MkDocs hook (``scripts/hooks/vendor_files.py``) calls :func:`ensure` on every
build and copies the served files into the site, so the site never loads them
from a CDN.  A pin with ``serve = false`` (axe-core, which only the browser
test injects) is fetched and verified the same way but not copied into the site.

Run it directly to fetch ahead of time (for example before going offline)::

    python scripts/vendor_assets.py
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import shutil
import sys
import tarfile
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "vendor"


def pins() -> dict[str, dict]:
    """Return the ``[tool.infotheory.vendor]`` table of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["tool"]["infotheory"]["vendor"]


def _check_integrity(data: bytes, integrity: str, name: str) -> None:
    algo, _, expected = integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if digest != expected:
        raise RuntimeError(
            f"{name}: downloaded tarball does not match the integrity hash pinned in "
            f"pyproject.toml ({integrity[:24]}...); refusing to use it"
        )


def _download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=60) as resp:
            return resp.read()
    except OSError as exc:
        raise RuntimeError(
            f"could not download {url} ({exc}). The site serves KaTeX itself and "
            "fetches it once from the npm registry; run `python scripts/vendor_assets.py` "
            "on a machine with access to registry.npmjs.org, then build offline."
        ) from None


def matches(rel: str, pattern: str) -> bool:
    """Whether the package path ``rel`` is one of ``pattern``'s files."""
    if pattern.endswith("/"):
        return rel.startswith(pattern)
    return fnmatch.fnmatchcase(rel, pattern)


def served(name: str, pin: dict, directory: Path) -> list[tuple[Path, str]]:
    """Return ``(file, URL below assets/vendor/<name>/)`` for each file to serve."""
    out = []
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory).as_posix()
        if path.is_file() and any(matches(rel, w) for w in pin["files"]):
            out.append((path, f"{name}/{rel.removeprefix(pin.get('root', ''))}"))
    return out


def ensure(name: str, pin: dict) -> Path:
    """Make sure ``name``'s files are extracted; return the directory holding them."""
    target = CACHE / f"{name}-{pin['version']}"
    stamp = target / ".complete"
    if stamp.exists():
        return target
    tarball = CACHE / Path(pin["tarball"]).name
    if tarball.exists():
        data = tarball.read_bytes()
    else:
        print(f"vendor: fetching {name} {pin['version']} from {pin['tarball']}", file=sys.stderr)
        data = _download(pin["tarball"])
    _check_integrity(data, pin["integrity"], name)
    CACHE.mkdir(parents=True, exist_ok=True)
    tarball.write_bytes(data)

    if target.exists():
        shutil.rmtree(target)
    wanted = list(pin["files"]) + list(pin.get("build_files", []))
    found = dict.fromkeys(wanted, False)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            # npm tarballs put everything under "package/".
            rel = member.name.removeprefix("package/")
            hit = next((w for w in wanted if matches(rel, w)), None)
            if hit is None or not member.isfile():
                continue
            found[hit] = True
            out = target / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            src = tar.extractfile(member)
            assert src is not None
            out.write_bytes(src.read())
    missing = [w for w, ok in found.items() if not ok]
    if missing:
        raise RuntimeError(f"{name}: the tarball has no {missing}; check pyproject.toml")
    stamp.write_text(pin["version"])
    return target


def ensure_all() -> dict[str, Path]:
    """Fetch every pinned asset; return ``{name: directory}``."""
    return {name: ensure(name, pin) for name, pin in pins().items()}


if __name__ == "__main__":
    for name, path in ensure_all().items():
        n = sum(1 for p in path.rglob("*") if p.is_file()) - 1
        print(f"{name}: {n} files in {path.relative_to(ROOT)}")
