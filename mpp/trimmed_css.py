"""Bootstrap's stylesheet cut down to the classes this project's templates, forms and
scripts can use, so that a phone does not load all of Bootstrap. Built from the installed
Bootstrap package by `manage.py build_css` (make's set-up, and before collectstatic in
production), never committed."""

import re
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings

OUTPUT = "css/bootstrap.trimmed.css"
CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")
WORD = re.compile(r"[A-Za-z0-9_-]+")
# `class="alert-{{ message.tags }}"` and the like: every class with that prefix may appear.
DYNAMIC_PREFIX = re.compile(r"([A-Za-z][A-Za-z0-9_-]*-)\{[{%]")


def bootstrap_source() -> Path:
    import bootstrap

    return Path(bootstrap.__file__).parent / "static" / "bootstrap" / "css" / "bootstrap.min.css"


def source_files() -> Iterable[Path]:
    """Everything that can put a class on a page: templates (ours and crispy-bootstrap5's,
    which renders our forms), Python code (form widgets' attributes) and our scripts."""
    import crispy_bootstrap5

    base = Path(settings.BASE_DIR)
    yield from sorted((base / "templates").rglob("*.html"))
    for app in ("common", "mpp", "services", "counters", "umkm"):
        yield from sorted((base / app).rglob("*.html"))
        yield from sorted(p for p in (base / app).rglob("*.py") if "migrations" not in p.parts)
    yield from sorted((base / "static" / "js").rglob("*.js"))
    yield from sorted(Path(crispy_bootstrap5.__file__).parent.rglob("*.html"))


def used_words(files: Iterable[Path]) -> tuple[set[str], tuple[str, ...]]:
    """Every word of the sources (a class may sit in any string) and the prefixes of the
    classes that templates compose."""
    words, prefixes = set(), set()
    for path in files:
        text = path.read_text(errors="replace")
        words.update(WORD.findall(text))
        prefixes.update(DYNAMIC_PREFIX.findall(text))
    return words, tuple(sorted(prefixes))


def split_top_level(text: str, separator: str) -> list[str]:
    """Split at separators outside parentheses and brackets (`:not(.a,.b)`)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def blocks(css: str) -> Iterable[tuple[str, str]]:
    """(prelude, body) of each top-level rule of minified CSS; body without its braces."""
    index = 0
    while index < len(css):
        opening = css.find("{", index)
        if opening == -1:
            return
        depth, cursor = 1, opening + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[cursor], 0)
            cursor += 1
        yield css[index:opening].strip(), css[opening + 1 : cursor - 1]
        index = cursor


def keep_selector(selector: str, words: set[str], prefixes: tuple[str, ...]) -> bool:
    return all(name in words or name.startswith(prefixes) for name in CLASS.findall(selector))


def trim(css: str, words: set[str], prefixes: tuple[str, ...]) -> str:
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith(("@media", "@supports", "@container", "@layer")):
            inner = trim(body, words, prefixes)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @keyframes, @font-face: kept whole
        else:
            selectors = [
                selector
                for selector in split_top_level(prelude, ",")
                if keep_selector(selector, words, prefixes)
            ]
            if selectors:
                out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def build() -> str:
    css = bootstrap_source().read_text()
    # `@charset` and the licence comment stay in front.
    header = css[: css.find("*/") + 2] if css.startswith(("@charset", "/*")) else ""
    words, prefixes = used_words(source_files())
    return f"{header}\n{trim(css[len(header) :], words, prefixes)}\n"


def output_path() -> Path:
    return Path(settings.BASE_DIR) / "static" / OUTPUT
