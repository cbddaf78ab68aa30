"""Tests of quotetrack.svg: the sentiment chart as well-formed, accessible, escaped SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.svg import Point, sentiment_chart

NS = {"s": "http://www.w3.org/2000/svg"}

MONTHS = [
    Point("2024-01", 0.5, 3),
    Point("2024-02", -0.4, 1),
    Point("2024-03", 0.0, 7),
    Point("2024-04", 0.9, 2),
]


def parse(svg: str) -> ET.Element:
    """Parse the chart as XML (it must be well formed)."""
    return ET.fromstring(svg)


def points(root: ET.Element) -> list[ET.Element]:
    """The per-period marker groups."""
    return [g for g in root.iter(f"{{{NS['s']}}}g") if "point" in g.get("class", "").split()]


def test_one_marker_per_period_in_order() -> None:
    """Each period gets exactly one marker group, in the order given."""
    root = parse(sentiment_chart(MONTHS, title="Smith"))
    groups = points(root)
    assert [g.get("data-label") for g in groups] == [p.label for p in MONTHS]
    assert [int(g.get("data-count", "0")) for g in groups] == [3, 1, 7, 2]


def test_marker_shape_and_class_follow_sentiment() -> None:
    """Positive, neutral and negative periods differ in class and shape, not only colour."""
    root = parse(sentiment_chart(MONTHS, title="Smith"))
    kinds = [(g.get("class"), next(iter(g)).tag.split("}")[1]) for g in points(root)]
    shapes = [child for g in points(root) for child in g if not child.tag.endswith("title")]
    assert [k for k, _ in kinds] == [
        "point positive",
        "point negative",
        "point neutral",
        "point positive",
    ]
    tags = [el.tag.split("}")[1] for el in shapes]
    assert tags == ["polygon", "polygon", "circle", "polygon"]


def test_accessible_title_desc_and_point_titles() -> None:
    """The chart is an img named by its <title> and described by its <desc>; each marker
    has a <title> with its period, mean and count."""
    root = parse(sentiment_chart(MONTHS, title="Smith over time", ident="c1"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    title = root.find("s:title", NS)
    desc = root.find("s:desc", NS)
    assert title is not None
    assert title.get("id") == "c1-title"
    assert title.text == "Smith over time"
    assert desc is not None
    assert desc.text is not None
    assert "4 periods from 2024-01 to 2024-04" in desc.text
    first = points(root)[0].find("s:title", NS)
    assert first is not None
    assert first.text == "2024-01: mean +0.50 (positive), 3 quotes"


def test_axis_labels_present() -> None:
    """Y ticks run from −1 to +1 and every x label is shown when there is room."""
    root = parse(sentiment_chart(MONTHS, title="t"))
    texts = ["".join(t.itertext()) for t in root.iter(f"{{{NS['s']}}}text")]
    for tick in ("\u22121", "\u22120.5", "0", "+0.5", "+1", "mean sentiment"):
        assert tick in texts
    for p in MONTHS:
        assert p.label in texts


def test_crowded_x_labels_are_thinned() -> None:
    """With many periods, only some x labels are drawn but every period keeps its marker."""
    many = [Point(f"2024-W{i:02d}", 0.1, 1) for i in range(52)]
    root = parse(sentiment_chart(many, title="t"))
    x_axis = next(g for g in root.iter(f"{{{NS['s']}}}g") if g.get("class") == "x-axis")
    shown = [t.text for t in x_axis]
    assert 4 <= len(shown) < 52
    assert shown[0] == "2024-W00"
    assert len(points(root)) == 52


def test_values_map_to_the_fixed_axis() -> None:
    """+1 is drawn at the top of the plot, −1 at the bottom, and out-of-range values clamp."""
    root = parse(
        sentiment_chart(
            [Point("a", 1.0), Point("b", -1.0), Point("c", 3.0), Point("d", 0.0)], title="t"
        )
    )
    line = root.find("s:polyline", NS)
    assert line is not None
    ys = [float(xy.split(",")[1]) for xy in line.get("points", "").split()]
    assert ys[0] == ys[2] < ys[3] < ys[1]


def test_empty_chart_says_so() -> None:
    """No points: no markers, no line, and a visible note."""
    svg = sentiment_chart([], title="nobody")
    root = parse(svg)
    assert points(root) == []
    assert root.find("s:polyline", NS) is None
    assert "no quotes in this range" in svg


@pytest.mark.parametrize(
    "evil", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "a & b"]
)
def test_text_is_escaped(evil: str) -> None:
    """Titles, descriptions and labels are escaped: the SVG stays well formed and inert."""
    svg = sentiment_chart([Point(evil, 0.2)], title=evil, desc=evil, ident="x")
    root = parse(svg)
    assert not list(root.iter("script"))
    assert not list(root.iter(f"{{{NS['s']}}}script"))
    assert "<script" not in svg
    assert "<img" not in svg
    title = root.find("s:title", NS)
    assert title is not None
    assert title.text == evil


@settings(max_examples=100)
@given(
    st.lists(
        st.builds(
            Point,
            st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=12),
            st.none() | st.floats(allow_nan=False, allow_infinity=False, min_value=-5, max_value=5),
            st.integers(0, 10_000),
        ),
        max_size=60,
    )
)
def test_any_data_gives_well_formed_svg(data: list[Point]) -> None:
    """Whatever the labels and values, the chart is well-formed XML with one marker each."""
    svg = sentiment_chart(data, title="t")
    assert len(points(parse(svg))) == len(data)


def test_periods_without_values_keep_their_place() -> None:
    """A period with no scored quote gets a hollow tick, and the line breaks (dashed) there."""
    # d's +0.2 is positive by VADER's cut-offs (the default model's call it neutral)
    d = Point("d", 0.2, 1, model="vader")
    data = [Point("a", 0.5, 2), Point("b", None, 0), Point("c", -0.5, 1), d]
    root = parse(sentiment_chart(data, title="t"))
    groups = points(root)
    assert [g.get("class") for g in groups] == [
        "point positive",
        "point empty",
        "point negative",
        "point positive",
    ]
    empty_title = groups[1].find("s:title", NS)
    assert empty_title is not None
    assert empty_title.text == "b: no quotes"
    assert len(root.findall(".//s:line[@class='gap']", NS)) == 1
    (line,) = root.findall(".//s:polyline", NS)
    assert len(line.get("points", "").split()) == 2  # c and d; a stands alone
    assert "highest +0.50 in a, lowest \u22120.50 in c" in (root.find("s:desc", NS).text or "")
