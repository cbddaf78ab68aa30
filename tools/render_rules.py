"""Write the rule tables of docs/explanation.md from quotetrack/rules.py.

Usage::

    PYTHONPATH=. .venv/bin/python tools/render_rules.py [--check]

Each table sits between ``<!-- rules:STAGE -->`` and ``<!-- /rules:STAGE -->``;
``--check`` only reports whether the page is up to date (exit status 1 when not).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from quotetrack.rules import markdown_table

PAGE = Path(__file__).resolve().parent.parent / "docs" / "explanation.md"
_BLOCK = re.compile(r"(<!-- rules:(\w+) -->\n)(.*?)(<!-- /rules:\2 -->)", re.DOTALL)


def render(page: str) -> str:
    """``page`` with every rule table written afresh from the rules data."""
    return _BLOCK.sub(lambda m: m.group(1) + markdown_table(m.group(2)) + m.group(4), page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    args = parser.parse_args(argv)
    old = PAGE.read_text(encoding="utf-8")
    new = render(old)
    if args.check:
        print("up to date" if new == old else f"{PAGE} is stale: run tools/render_rules.py")
        return int(new != old)
    PAGE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
