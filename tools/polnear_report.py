"""Print the PolNeAR corpus analysis of ``docs/polnear-analysis.md`` (Markdown).

    PYTHONPATH=. .venv/bin/python tools/polnear_report.py ../shared/data/polnear/train

It may be pointed at dev to check that the figures generalise; it writes nothing.
Standard library only.
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from build_lexicon import (
    DATA_DIR,
    KIND_OF,
    PRONOUNS,
    build_cues,
    gold_cues,
    is_capitalised,
    np_words,
)
from polnear_gold import (
    CLASSES,
    DQUOTES,
    FUNCTION_WORDS,
    OPENERS,
    Doc,
    Lemmatizer,
    Span,
    load_split,
    phrase,
    quoted_regions,
)

# ---------------------------------------------------------------------------------------------
# Analysis report
# ---------------------------------------------------------------------------------------------
# The rough sentence splitter's abbreviations. Not quotetrack.lexicon.ABBREVIATIONS on
# purpose: the figures of docs/polnear-analysis.md were counted with this list (which also
# holds initials such as "r", "d", "u.s"), and the package's changes them (checked).
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "lt", "gen", "col", "st",
    "jr", "sr", "rev", "prof", "u.s", "d.c", "inc", "corp", "co", "vs", "no", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "ft", "pres", "gop", "r", "d", "i",
}  # fmt: skip
TITLES = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "lt.", "gen.",
    "rev.", "prof.", "president", "senator", "sen", "rep", "gov", "governor", "secretary",
    "speaker", "judge", "justice", "former", "vice", "pope", "gen", "sir", "rabbi", "mayor",
    "congressman", "congresswoman", "representative", "chairman", "attorney", "general",
    "lt", "dr", "mr", "mrs", "ms", "state", "sec.", "dame", "lord", "prime", "minister",
    "chancellor", "supreme", "leader", "majority", "minority", "democratic", "republican",
    "presidential", "candidate", "nominee", "u.s.",
}  # fmt: skip  # words (lowercased) stripped from the front of a name to count its tokens
SENT_END_RE = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])|\n+")


def sentence_ids(text: str) -> list[int]:
    """Sentence number of each character (a rough splitter, good enough for counting)."""
    ids = [0] * (len(text) + 1)
    n, pos = 0, 0
    for m in SENT_END_RE.finditer(text):
        before = re.search(r"([\w.]+)[.!?]$", text[max(0, m.start() - 12) : m.start() + 1])
        if m.group()[0] in ".!?" and before and before.group(1).lower() in ABBREVIATIONS:
            continue
        ids[pos : m.end()] = [n] * (m.end() - pos)
        n, pos = n + 1, m.end()
    ids[pos:] = [n] * (len(ids) - pos)
    return ids


def position(span: Span | None, extent: Span, sent: list[int]) -> str:
    """Where a span stands relative to the content extent."""
    if span is None:
        return "none"
    (s, e), (cs, ce) = span, extent
    if s < ce and cs < e:
        return "inside"
    if e <= cs:
        return "before" if sent[max(s, e - 1)] == sent[cs] else "before, other sentence"
    return "after" if sent[s] == sent[max(cs, ce - 1)] else "after, other sentence"


def pct(n: int, d: int) -> str:
    return f"{n} ({100 * n / d:.1f}%)" if d else str(n)


def table(title: str, counts: dict[str, Counter[str]], keys: Iterable[str]) -> None:
    """Print a markdown table of per-class counts with column shares."""
    keys = list(keys)
    cols = [c for c in (*CLASSES, "all") if c in counts]
    print(f"\n**{title}**\n")
    print("| | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for k in keys:
        cells = [pct(counts[c][k], sum(counts[c].values())) for c in cols]
        print(f"| {k} | " + " | ".join(cells) + " |")


def snippet(text: str, s: int, e: int, width: int = 90) -> str:
    out = " ".join(text[s:e].split())
    return out if len(out) <= width else out[: width - 3] + "..."


def source_shape(text: str) -> tuple[str, bool]:
    """(shape, has_appositive) of a gold Source span's text."""
    t = " ".join(text.split())
    appositive = re.search(r"\w,\s+\S|\(", t) is not None
    words = np_words(t)
    if not words:
        return "other", appositive
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS | {"i"}:
        kind = "relative" if low[0] in ("who", "which", "that", "whose") else "personal"
        return f"pronoun ({kind})", appositive
    if any(re.search(r"\w's?$", w) and i < len(words) - 1 for i, w in enumerate(words)):
        return "possessive NP (Trump's campaign)", appositive
    core = words[1:] if low[0] in ("the", "a", "an") and len(words) > 1 else list(words)
    titled = False
    while len(core) > 1 and core[0].lower() in TITLES:
        core, titled = core[1:], True
    if all(is_capitalised(w) or w.lower() in ("de", "van", "von", "al", "bin") for w in core):
        if low[0] in ("the", "a", "an"):
            return "the + proper (the Washington Post)", appositive
        n = len(core)
        size = "1 token" if n == 1 else "2 tokens" if n == 2 else "3+ tokens"
        return f"proper name, {size}" + (", with title" if titled else ""), appositive
    if is_capitalised(words[-1]):
        return "descriptor + name (campaign manager Robby Mook)", appositive
    if low[0] in ("the", "a", "an", "this", "that", "these", "those"):
        return "nominal with article (the senator, a source)", appositive
    if KIND_OF.get(low[-1]) == "partitive" or re.match(r"\d", words[0]):
        return "partitive / number (60 percent of voters)", appositive
    return "bare nominal (officials, Democrats' aides)", appositive


def report(docs: list[Doc], lem: Lemmatizer) -> None:
    """Print the corpus figures of docs/polnear-analysis.md as markdown."""
    n_att = sum(len(d.atts) for d in docs)
    print(f"docs: {len(docs)}; gold attributions with content: {n_att}")
    report_classes(docs)
    report_positions(docs)
    report_sources(docs)
    report_boundaries(docs)
    report_cues(docs, lem)
    report_lookalikes(docs)
    report_unattributed_quotes(docs)


def report_classes(docs: list[Doc]) -> None:
    print("\n## 1. Class mix")
    c: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    for d in docs:
        for a in d.atts:
            for k in (a.cls, "all"):
                c[k]["attributions"] += 1
                c[k]["with Source"] += bool(a.source)
                c[k]["with Cue"] += bool(a.cue)
                c[k]["with both"] += bool(a.source and a.cue)
                c[k]["several Content spans"] += len(a.content) > 1
    n = c["all"]["attributions"]
    print("\n| | " + " | ".join((*CLASSES, "all")) + " |\n|---|---|---|---|---|")
    for key in ("attributions", "with Source", "with Cue", "with both", "several Content spans"):
        cells = []
        for k in (*CLASSES, "all"):
            base = n if key == "attributions" else c[k]["attributions"]
            cells.append(pct(c[k][key], base))
        print(f"| {key} | " + " | ".join(cells) + " |")


def report_positions(docs: list[Doc]) -> None:
    print("\n## 2. Where source and cue stand relative to the content")
    src: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    cue: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    order: dict[str, Counter[str]] = {k: Counter() for k in (*CLASSES, "all")}
    examples: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        sent = sentence_ids(d.text)
        for a in d.atts:
            ext = a.extent
            sp = position(a.source[0] if a.source else None, ext, sent)
            cp = position(a.cue[0] if a.cue else None, ext, sent)
            for k in (a.cls, "all"):
                src[k][sp] += 1
                cue[k][cp] += 1
            if a.source and a.cue:
                marks = sorted(
                    [(a.source[0][0], "S"), (a.cue[0][0], "V"), (ext[0], "C")],
                    key=lambda x: x[0],
                )
                pattern = " ".join(m for _, m in marks)
                for k in (a.cls, "all"):
                    order[k][pattern] += 1
                if len(examples[a.cls + pattern]) < 2:
                    lo = min(a.source[0][0], a.cue[0][0], ext[0])
                    hi = max(a.source[0][1], a.cue[0][1], ext[1])
                    examples[a.cls + pattern].append(snippet(d.text, lo, hi))
    pos_keys = ("before", "before, other sentence", "after", "after, other sentence", "inside")
    table("Source position", src, (*pos_keys, "none"))
    table("Cue position", cue, (*pos_keys, "none"))
    table(
        "Order of Source (S), Cue (V), Content start (C), where both S and V exist",
        order,
        [k for k, _ in order["all"].most_common()],
    )
    print()
    for cls in CLASSES:
        for pattern, _ in order[cls].most_common(3):
            for ex in examples[cls + pattern][:1]:
                print(f"- {cls}, {pattern}: {ex}")


def report_sources(docs: list[Doc]) -> None:
    print("\n## 3. Source span shapes")
    shapes: Counter[str] = Counter()
    appos: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    n = 0
    for d in docs:
        for a in d.atts:
            for s, e in a.source[:1]:
                n += 1
                shape, ap = source_shape(d.text[s:e])
                shapes[shape] += 1
                appos[shape] += ap
                if len(examples[shape]) < 3 and len(d.text[s:e]) < 70:
                    examples[shape].append(" ".join(d.text[s:e].split()))
    print(f"\nAttributions with a Source span: {n}\n")
    print("| shape | count | with appositive | examples |\n|---|---|---|---|")
    for shape, k in shapes.most_common():
        ex = "; ".join(examples[shape])
        print(f"| {shape} | {pct(k, n)} | {appos[shape]} | {ex} |")
    print(f"\nAll spans with an appositive (comma or bracket): {pct(sum(appos.values()), n)}")


def report_boundaries(docs: list[Doc]) -> None:
    print("\n## 4. Content boundaries")
    ind: Counter[str] = Counter()
    dq: Counter[str] = Counter()
    for d in docs:
        t = d.text
        for a in d.atts:
            cs, ce = a.extent
            body = t[cs:ce]
            stripped = body.strip()
            if not stripped:
                continue
            if a.cls == "indirect":
                ind["indirect attributions"] += 1
                if re.match(r"that\b", stripped, re.I):
                    ind["content starts with 'that'"] += 1
                elif re.search(r"\bthat\s*$", t[max(0, cs - 10) : cs], re.I):
                    ind["'that' just before, outside the content"] += 1
                if re.match(r"(whether|if|to|how|why|what)\b", stripped, re.I):
                    ind["content starts with whether/if/to/how/why/what"] += 1
                if stripped[-1] in ".!?":
                    ind["content ends with . ! or ?"] += 1
                elif t[ce : ce + 1] in (".", "!", "?"):
                    ind["sentence-final . right after, outside the content"] += 1
            if a.cls == "direct":
                dq["direct attributions"] += 1
                first, last = stripped[0], stripped[-1]
                if first in DQUOTES or t[cs : cs + 2] == "''":
                    dq["content starts with its opening quote mark"] += 1
                elif t[:cs].rstrip()[-1:] in DQUOTES:
                    dq["opening mark just outside the content"] += 1
                if last in DQUOTES or stripped.endswith("''"):
                    dq["content ends with its closing quote mark"] += 1
                    inner = stripped.rstrip(DQUOTES + "'")[-1:]
                    if inner in ",":
                        dq["... with a comma before the closing mark"] += 1
                    elif inner in ".!?":
                        dq["... with . ! ? before the closing mark"] += 1
                elif t[ce : ce + 1] in DQUOTES:
                    dq["closing mark just outside the content"] += 1
                if "\n" in body.strip():
                    dq["content crosses a paragraph break"] += 1
                if len(a.content) > 1:
                    dq["several Content spans"] += 1
    print("\n| indirect | count |\n|---|---|")
    for k, v in ind.items():
        print(f"| {k} | {pct(v, ind['indirect attributions'])} |")
    print("\n| direct | count |\n|---|---|")
    for k, v in dq.items():
        print(f"| {k} | {pct(v, dq['direct attributions'])} |")
    report_multi_paragraph(docs)
    report_split_quotes(docs)


def report_multi_paragraph(docs: list[Doc]) -> None:
    """Paragraphs that continue a quote left open at the end of the previous paragraph."""
    c: Counter[str] = Counter()
    for d in docs:
        t = d.text
        para_starts = [0] + [m.end() for m in re.finditer(r"\n+", t)]
        owner: dict[int, set[int]] = defaultdict(set)  # char -> attributions covering it
        for i, a in enumerate(d.atts):
            for s, e in a.content:
                for j in range(s, e):
                    owner[j].add(i)
        for p0, p1 in itertools.pairwise(para_starts):
            prev = t[p0:p1].rstrip("\n")
            if not prev or not d.mask[p0 + len(prev) - 1]:
                continue  # previous paragraph does not end inside a quote
            nxt = t[p1:].lstrip()[:1]
            if nxt not in OPENERS and nxt != '"':
                continue
            c["quote continued into the next paragraph"] += 1
            a_prev = owner.get(p0 + len(prev) - 2, set())
            a_next = owner.get(p1 + 2, set())
            if a_prev & a_next:
                c["... both paragraphs in one attribution"] += 1
            elif a_prev and a_next:
                c["... separate attributions"] += 1
            else:
                c["... one or both paragraphs unattributed"] += 1
    print("\n| multi-paragraph quotes | count |\n|---|---|")
    for k, v in c.items():
        print(f"| {k} | {v} |")


SPLIT_RE = re.compile(
    r"[,?!][\"\u201d]\s+(?:[\w.'\u2019-]+\s+){0,5}?(?:said|says|added|asked|told\s+\w+)"
    r"(?:\s+[\w.'\u2019-]+){0,5}?[.,]\s+[\"\u201c]"
)


def report_split_quotes(docs: list[Doc]) -> None:
    """How '"A," she said. "B."' is annotated: one event with two Content spans, or two."""
    c: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for d in docs:
        t = d.text
        for m in SPLIT_RE.finditer(t):
            left, right = m.start() - 2, m.end() + 1  # inside the first and second quotes
            cov_l = {i for i, a in enumerate(d.atts) if any(s <= left < e for s, e in a.content)}
            cov_r = {i for i, a in enumerate(d.atts) if any(s <= right < e for s, e in a.content)}
            if cov_l & cov_r:
                same = next(iter(cov_l & cov_r))
                key = (
                    "one attribution, two Content spans"
                    if len(d.atts[same].content) > 1
                    else "one attribution, one Content span running over the cue"
                )
            elif cov_l and cov_r:
                key = "two attributions"
            elif cov_l or cov_r:
                key = "only one half attributed"
            else:
                key = "neither half attributed"
            c[key] += 1
            examples.setdefault(key, snippet(t, m.start() - 30, m.end() + 30))
    print('\n| split quotes \'"A," she said. "B."\' | count | example |\n|---|---|---|')
    for k, v in c.most_common():
        print(f"| {k} | {v} | {examples[k]} |")


BELIEF_LEMMAS = {
    "believe", "think", "want", "hope", "expect", "feel", "fear", "worry", "know", "doubt",
    "wish", "prefer", "plan", "intend", "seek", "aim", "like", "consider", "suspect",
    "assume", "seem", "appear",
}  # fmt: skip


def report_cues(docs: list[Doc], lem: Lemmatizer) -> None:
    print("\n## 5. Cue forms")
    single, multi = build_cues(docs, lem)
    top = sorted(single, key=lambda r: -int(r[2]))[:60]
    print("\n| form | gold | text | precision | outside quotes | kinds |")
    print("|---|---|---|---|---|---|")
    for f, _, g, n, p, k, po in top:
        print(f"| {f} | {g} | {n} | {p} | {po} | {k} |")
    print("\n**Belief / intention cues**\n")
    print("| form | gold | text | precision | outside quotes | kinds |\n|---|---|---|---|---|---|")
    for f, lm, g, n, p, k, po in single:
        if lm in BELIEF_LEMMAS and int(g) >= 3:
            print(f"| {f} | {g} | {n} | {p} | {po} | {k} |")
    print("\n**Multiword cues (top 25 of the multi rows)**\n")
    print("| phrase | gold | text | precision | outside quotes |\n|---|---|---|---|---|")
    for f, _, g, n, p, _, po in multi[:25]:
        print(f"| {f} | {g} | {n} | {p} | {po} |")
    punct: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    by_class: dict[str, Counter[str]] = {c: Counter() for c in CLASSES}
    for d in docs:
        cues, pc = gold_cues(d)
        punct += pc
        for (lo, hi), cue in cues.items():
            heads[phrase(d.tokens, lo, hi)] += 1
            for cls in cue.classes:
                by_class[cls][phrase(d.tokens, lo, hi)] += 1
    print("\n**Top cue heads per class**\n")
    for cls in CLASSES:
        n = sum(by_class[cls].values())
        top8 = ", ".join(f"{h} {100 * v / n:.1f}%" for h, v in by_class[cls].most_common(8))
        print(f"- {cls}: {top8}")
    fw = sum(v for h, v in heads.items() if h in FUNCTION_WORDS)
    print(f"\nCue spans without a word (punctuation only): {dict(punct.most_common(5))}")
    print(f"Cue heads that are function words (in, for, to, ...; left out): {fw}")
    once = sum(v == 1 for v in heads.values())
    print(f"Distinct cue heads: {len(heads)}; heads seen once: {once}")
    lexicon = DATA_DIR / "cues.tsv"
    if lexicon.exists():  # on dev: how much of the gold the train lexicon covers
        rows = [ln.split("\t") for ln in lexicon.read_text(encoding="utf-8").splitlines()]
        n = sum(heads.values())
        for col, name in ((4, "precision"), (6, "precision_outside_quotes")):
            listed = {r[0]: float(r[col]) for r in rows if len(r) == 7 and r[5][0] != "m"}
            for floor in (0.0, 0.3, 0.5):
                hit = sum(v for h, v in heads.items() if listed.get(h, -1.0) >= floor)
                print(f"Gold cue heads listed in cues.tsv with {name} >= {floor}: {pct(hit, n)}")
    report_cues_in_quotes(docs, [r[0] for r in top[:15]])


def report_cues_in_quotes(docs: list[Doc], forms: list[str]) -> None:
    """Precision of cue words inside vs outside quoted regions (nested speech in quotes)."""
    counts: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    seqs = {tuple(f.split()) for f in forms}
    for d in docs:
        heads = {lo for lo, _ in gold_cues(d)[0]}
        forms_at = [t.form for t in d.tokens]
        for i, t in enumerate(d.tokens):
            for seq in seqs:
                if tuple(forms_at[i : i + len(seq)]) == seq:
                    cell = counts[" ".join(seq), bool(d.mask[t.start])]
                    cell[0] += i in heads
                    cell[1] += 1
    print("\n| form | outside quotes: gold/text | inside quotes: gold/text |\n|---|---|---|")
    for f in forms:
        (go, no), (gi, ni) = counts[f, False], counts[f, True]
        print(f"| {f} | {go}/{no} ({go / max(no, 1):.2f}) | {gi}/{ni} ({gi / max(ni, 1):.2f}) |")


LOOKALIKES = {
    "according to": r"\baccording to\b",
    "according to + plan/law/rules/data/...": (
        r"\baccording to (?:the )?(?:plan|law|rules?|data|polls?|records|statistics|reports?|"
        r"figures|estimates|the (?:survey|study|report|poll))\b"
    ),
    "according to + person/outlet (capitalised)": r"(?-i:\b[Aa]ccording to (?:[A-Z]|the [A-Z]))",
    "that said / having said that (discourse)": r"\b(?:that said|having said that)\b",
    "needless to say / let's say / have a say": r"\b(?:needless to say|let's say|a say)\b",
    "told + object + to-infinitive": r"\btold (?:\w+ ){1,3}to (?!be\b)\w+",
    "was/were told": r"\b(?:was|were) told\b",
    "said + to be (reported belief)": r"\b(?:is|are|was|were) said to\b",
    "so-called": r"\bso-called\b",
    "called + name/label (a group called X)": r"\b(?:a|an|the) \w+ called\b",
    "called it / called him / called her (labelling)": r"\bcalled (?:it|him|her|them)\b",
    "called for / called on": r"\bcalled (?:for|on)\b",
    "says who / that says": r"\bthat says\b",
    "to say (infinitive)": r"\bto say\b",
    "asked to (request)": r"\basked (?:\w+ )?to\b",
    "(when) asked about": r"\basked about\b",
    "claims (noun after article/possessive)": r"\b(?:the|his|her|their|these|those|such) claims\b",
    "report (noun after article)": r"\b(?:a|the) report\b",
    "show (noun after article)": r"\b(?:a|the|his|her) show\b",
    "statement (noun)": r"\bstatement\b",
    "think tank": r"\bthink tanks?\b",
    "suggested + noun phrase (suggested changes)": r"\bsuggested \w+s\b",
    "noted (adjective: a noted critic)": r"\b(?:a|the) noted\b",
    "known as (naming)": r"\bknown as\b",
}


def report_lookalikes(docs: list[Doc]) -> None:
    """Precision of cue-word patterns: the cue-word token inside a gold Cue span or not."""
    print("\n## 6. Look-alikes: how often a cue-word pattern is a gold cue")
    print("\n| pattern | matches | cue word inside a gold Cue | example of a non-cue |")
    print("|---|---|---|---|")
    for name, rx in LOOKALIKES.items():
        pat = re.compile(rx, re.I)
        n = hit = 0
        example = ""
        for d in docs:
            cue_chars = bytearray(len(d.text))
            for a in d.atts:
                for s, e in a.cue:
                    cue_chars[s:e] = b"\x01" * (e - s)
            for m in pat.finditer(d.text):
                n += 1
                # the cue word: 'according', 'told', 'said', 'called', ... (first or key word)
                key = re.search(
                    r"according|told|said|called|says|say|asked|claims|report|show|statement|"
                    r"think|suggested|noted|known",
                    m.group(),
                )
                at = m.start() + (key.start() if key else 0)
                if cue_chars[at]:
                    hit += 1
                elif not example:
                    example = snippet(d.text, max(0, m.start() - 40), m.end() + 30)
        print(f"| {name} | {n} | {pct(hit, n)} | {example} |")


def report_unattributed_quotes(docs: list[Doc]) -> None:
    print("\n## 7. Quoted regions with no gold attribution overlapping them")
    buckets = ("1", "2-3", "4-7", "8+")
    total: Counter[str] = Counter()
    orphan: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        covered = bytearray(len(d.text))
        for a in d.atts:
            for s, e in a.content:
                covered[s:e] = b"\x01" * (e - s)
        for s, e in quoted_regions(d.mask):
            n = len(re.findall(r"[^\W_]+", d.text[s:e]))
            if n == 0:
                continue
            b = "1" if n == 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8+"
            total[b] += 1
            if not any(covered[s:e]):
                orphan[b] += 1
                if len(examples[b]) < 3:
                    examples[b].append(snippet(d.text, max(0, s - 1), e + 1, 60))
    print("\n| words | quoted regions | with no attribution | examples |\n|---|---|---|---|")
    for b in buckets:
        ex = "; ".join(examples[b])
        print(f"| {b} | {total[b]} | {pct(orphan[b], total[b])} | {ex} |")
    n, o = sum(total.values()), sum(orphan.values())
    print(f"| all | {n} | {pct(o, n)} | |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("split", type=Path, help="PolNeAR split directory (train or dev)")
    args = ap.parse_args(argv)
    docs = load_split(args.split)
    report(docs, Lemmatizer(Counter(t.form for d in docs for t in d.tokens)))


if __name__ == "__main__":
    main()
