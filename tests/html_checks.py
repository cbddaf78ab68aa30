"""A strict little reader of the pages quotetrack writes, for the view and report tests.

It fails on any badly nested tag, and collects what the tests look at: every element
with its attributes, and the visible text of one element (tooltips left out).
"""

from __future__ import annotations

from html.parser import HTMLParser

import attrs

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
"""HTML elements without an end tag (SVG's self-closing ones come via handle_startendtag)."""


@attrs.define
class Element:
    """One start tag: its name, attributes and the names of its open ancestors."""

    tag: str
    attrs: dict[str, str]
    ancestors: tuple[str, ...]
    text: str = ""
    shown: str = ""  # text outside tooltips nested in this element

    @property
    def classes(self) -> set[str]:
        """The element's classes."""
        return set(self.attrs.get("class", "").split())


class Page(HTMLParser):
    """Parse ``source`` at once; ``elements`` lists every element in document order."""

    def __init__(self, source: str, *, text_of: str = "article") -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[tuple[str, Element]] = []
        self.text_of = text_of
        self.visible: list[str] = []
        self._inside = 0  # depth inside the element whose text we keep, 0 if outside
        self._hidden = 0  # depth inside a tooltip within it
        self.feed(source)
        self.close()
        assert not self.stack, f"unclosed elements: {[t for t, _ in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element and open it (unless void)."""
        el = Element(tag, {k: v or "" for k, v in attrs}, tuple(t for t, _ in self.stack))
        self.elements.append(el)
        if tag in VOID:
            return
        self.stack.append((tag, el))
        if self._inside:
            self._inside += 1
            if self._hidden or "tip" in el.classes:
                self._hidden += 1
        elif el.attrs.get("id") == self.text_of:
            self._inside = 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag (SVG): record it, open nothing."""
        el = Element(tag, {k: v or "" for k, v in attrs}, tuple(t for t, _ in self.stack))
        self.elements.append(el)

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost element, which must be the same tag."""
        assert self.stack, f"</{tag}> closes nothing"
        top, _ = self.stack.pop()
        assert top == tag, f"</{tag}> closes <{top}>: broken nesting"
        if self._inside:
            self._inside -= 1
            if self._hidden:
                self._hidden -= 1

    def handle_data(self, data: str) -> None:
        """Keep text for the open elements and for the visible article text."""
        tips = [i for i, (_, el) in enumerate(self.stack) if "tip" in el.classes]
        last_tip = tips[-1] if tips else -1
        for i, (_, el) in enumerate(self.stack):
            el.text += data
            if i >= last_tip:
                el.shown += data
        if self._inside and not self._hidden:
            self.visible.append(data)

    @property
    def text(self) -> str:
        """The visible text of the element whose id is ``text_of``, tooltips excluded."""
        return "".join(self.visible)

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        """Elements with this tag, class and attribute values (``data_q`` for data-q)."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            el
            for el in self.elements
            if (tag is None or el.tag == tag)
            and (cls is None or cls in el.classes)
            and all(el.attrs.get(k) == v for k, v in want.items())
        ]
