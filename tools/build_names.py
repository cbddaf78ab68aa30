"""Build quotetrack/data/first_names.tsv and surnames.txt from the US Census 1990 lists.

Source: US Census Bureau, 1990 (public domain), shipped in ../shared/data/names/.
Run: python tools/build_names.py ../shared/data/names
"""

from __future__ import annotations

import sys
from pathlib import Path

SURNAMES_KEPT = 20000  # the most frequent surnames: enough to tell names from words


def read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main(src: Path, dst: Path) -> None:
    female = read(src / "dist.female.first")
    male = read(src / "dist.male.first")
    rows = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        rows.append(f"{name}\t{f / (f + m):.3f}")
    header = "# US Census Bureau, 1990 (public domain). name<TAB>share of bearers who are female\n"
    (dst / "first_names.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    last = list(read(src / "dist.all.last"))[:SURNAMES_KEPT]
    header = (
        f"# US Census Bureau, 1990 (public domain). The {SURNAMES_KEPT} most frequent surnames.\n"
    )
    (dst / "surnames.txt").write_text(header + "\n".join(last) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "quotetrack" / "data")
