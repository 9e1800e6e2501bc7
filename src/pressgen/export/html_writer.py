"""Writing a parsed release as one standalone HTML page that is safe to paste into an email.

Email clients strip <style> blocks, scripts and remote images, so the page has none: every
element carries its style inline, the layout is a centred table (Outlook ignores max-width
on a div), and the only URLs are the release's own links. All text is escaped here, so a
value from a dataset can never become markup.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from pressgen.export.markdown_parse import (
    Block,
    Break,
    CodeBlock,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Quote,
    Release,
    Rule,
    Span,
    Table,
)
from pressgen.export.xmltext import TextGuard
from pressgen.text.phrases import draft_word

if TYPE_CHECKING:
    from pressgen.export import ExportOptions

NAVY = "#1f3864"
RED = "#c00000"
GREY = "#595959"
TEXT = "#222222"
FONT = "Arial, Helvetica, sans-serif"

_STYLE = {
    "draft": f"margin:0 0 20px 0;padding:8px 12px;border:2px solid {RED};color:{RED};"
    "font-size:16px;font-weight:bold;letter-spacing:3px;text-align:center;",
    "org": f"margin:0 0 4px 0;font-size:13px;font-weight:bold;letter-spacing:1px;"
    f"text-transform:uppercase;color:{NAVY};",
    "release": f"margin:0 0 20px 0;font-size:13px;font-weight:bold;letter-spacing:0.5px;"
    f"text-transform:uppercase;color:{NAVY};",
    "embargo": f"margin:0 0 20px 0;font-size:13px;font-weight:bold;letter-spacing:0.5px;"
    f"text-transform:uppercase;color:{RED};",
    "h1": f"margin:0 0 12px 0;font-size:28px;line-height:1.2;font-weight:bold;color:{NAVY};",
    "subhead": f"margin:0 0 24px 0;font-size:18px;line-height:1.35;font-weight:normal;"
    f"color:{GREY};",
    "h2": f"margin:28px 0 8px 0;font-size:17px;line-height:1.3;font-weight:bold;color:{NAVY};",
    "h3": f"margin:20px 0 6px 0;font-size:15px;font-weight:bold;color:{GREY};",
    "p": "margin:0 0 14px 0;",
    "list": "margin:0 0 14px 0;padding:0 0 0 24px;",
    "li": "margin:0 0 6px 0;",
    "quote": f"margin:8px 0 20px 0;padding:2px 0 2px 16px;border-left:4px solid {NAVY};",
    "quote_p": "margin:0 0 8px 0;font-style:italic;color:#333333;",
    "attribution": f"margin:0;font-size:14px;font-weight:bold;color:{GREY};",
    "ends": "margin:24px 0;text-align:center;font-weight:bold;letter-spacing:2px;",
    "table": f"border-collapse:collapse;width:100%;margin:0 0 16px 0;font-size:14px;"
    f"border-top:2px solid {NAVY};border-bottom:2px solid {NAVY};",
    "th": f"padding:6px 8px;background:{NAVY};color:#ffffff;font-weight:bold;",
    "td": "padding:6px 8px;border-top:1px solid #bfbfbf;",
    "code": "font-family:'Courier New', monospace;",
    "a": "color:#0563c1;text-decoration:underline;",
    "rule": "border:0;border-top:1px solid #bfbfbf;margin:20px 0;",
}


def write_html(release: Release, options: ExportOptions) -> tuple[str, tuple[str, ...]]:
    """The release as a complete HTML5 document, plus any warnings."""
    guard = TextGuard(refuse=options.refuse_invalid_text)
    lang = options.locale.replace("_", "-").split(".")[0].split("@")[0] or "en"
    title = guard.clean(options.title or release.headline or "Press release", "title")
    author = guard.clean(options.author, "author")
    subject = guard.clean(options.subject or release.subhead or "", "subject")
    keywords = guard.clean(", ".join(options.keywords), "keywords")
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
    ]
    for name, value in (("author", author), ("description", subject), ("keywords", keywords)):
        if value:
            head.append(f'<meta name="{name}" content="{_attr(value)}">')
    head.append("</head>")
    body: list[str] = [
        '<body style="margin:0;padding:0;background:#f2f2f2;">',
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
        'style="background:#f2f2f2;">',
        '<tr><td align="center" style="padding:24px 12px;">',
        '<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" '
        f'style="width:100%;max-width:640px;background:#ffffff;border-top:6px solid {NAVY};">',
        f'<tr><td style="padding:28px 36px 36px 36px;font-family:{FONT};font-size:16px;'
        f'line-height:1.5;color:{TEXT};text-align:left;">',
    ]
    if options.draft:
        # Above everything, so a pasted draft cannot be mistaken for the release.
        word = draft_word(options.locale)
        body.append(
            f'<p class="draft-banner" role="note" style="{_STYLE["draft"]}">{_text(word)}</p>'
        )
    if author:
        body.append(f'<p style="{_STYLE["org"]}">{_text(author)}</p>')
        body.append(f'<hr style="{_STYLE["rule"]}margin-top:8px;">')
    writer = _HtmlWriter(release)
    for block in release.blocks:
        writer.block(block)
    body.extend(writer.out)
    body.extend(["</td></tr>", "</table>", "</td></tr>", "</table>", "</body>", "</html>"])
    return "\n".join(head + body) + "\n", guard.warnings


class _HtmlWriter:
    def __init__(self, release: Release) -> None:
        self.release = release
        self.out: list[str] = []

    def block(self, block: Block) -> None:
        self.out.append(self.render(block))

    def render(self, block: Block) -> str:
        if isinstance(block, Paragraph):
            return self._paragraph(block)
        if isinstance(block, Heading):
            if block.role == "headline":
                return f'<h1 class="headline" style="{_STYLE["h1"]}">{_inlines(block.inlines)}</h1>'
            if block.role == "subhead":
                return (
                    f'<h2 class="subhead" style="{_STYLE["subhead"]}">'
                    f"{_inlines(block.inlines)}</h2>"
                )
            tag = f"h{min(max(block.level, 2), 6)}"
            style = _STYLE["h2"] if block.level <= 2 else _STYLE["h3"]
            cls = ' class="notes"' if block.role == "notes" else ""
            return f'<{tag}{cls} style="{style}">{_inlines(block.inlines)}</{tag}>'
        if isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = []
            for item in block.items:
                parts = []
                for inner in item.blocks:
                    if isinstance(inner, Paragraph) and len(item.blocks) == 1:
                        parts.append(_inlines(inner.inlines))
                    else:
                        parts.append(self.render(inner))
                items.append(f'<li style="{_STYLE["li"]}">{"".join(parts)}</li>')
            return f'<{tag}{start} style="{_STYLE["list"]}">' + "".join(items) + f"</{tag}>"
        if isinstance(block, Quote):
            parts = []
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    parts.append(f'<p style="{_STYLE["quote_p"]}">{_inlines(inner.inlines)}</p>')
                else:
                    parts.append(self.render(inner))
            if block.attribution is not None:
                parts.append(
                    f'<p class="attribution" style="{_STYLE["attribution"]}">'
                    f"{_inlines(block.attribution.inlines, plain=True)}</p>"
                )
            opening = f'<blockquote class="quote" style="{_STYLE["quote"]}">'
            return opening + "".join(parts) + "</blockquote>"
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, CodeBlock):
            return f'<pre style="{_STYLE["code"]}">{_text(block.text)}</pre>'
        if isinstance(block, Rule):
            return f'<hr style="{_STYLE["rule"]}">'
        return ""

    def _paragraph(self, block: Paragraph) -> str:
        # The role is a class as well as a style, for a reader's own stylesheet or a
        # test; the style is inline because email clients drop <style>.
        role = block.role
        if role in ("release", "embargo", "ends", "attribution"):
            cls = {"release": "release-line", "embargo": "release-line embargo"}.get(role, role)
            return (
                f'<p class="{cls}" style="{_STYLE[role]}">{_inlines(block.inlines, plain=True)}</p>'
            )
        if role == "dateline":
            return f'<p class="dateline" style="{_STYLE["p"]}">{_inlines(block.inlines)}</p>'
        return f'<p style="{_STYLE["p"]}">{_inlines(block.inlines)}</p>'

    def _table(self, block: Table) -> str:
        rows = [f'<table role="table" style="{_STYLE["table"]}">']
        if block.header:
            rows.append("<thead><tr>")
            for col, cell in enumerate(block.header):
                rows.append(f'<th style="{_STYLE["th"]}{_align(block, col)}">{_inlines(cell)}</th>')
            rows.append("</tr></thead>")
        rows.append("<tbody>")
        for row in block.rows:
            cells = "".join(
                f'<td style="{_STYLE["td"]}{_align(block, col)}">{_inlines(cell)}</td>'
                for col, cell in enumerate(row)
            )
            rows.append(f"<tr>{cells}</tr>")
        rows.append("</tbody></table>")
        return "".join(rows)


def _align(block: Table, col: int) -> str:
    align = block.aligns[col] if col < len(block.aligns) else None
    return f"text-align:{align or 'left'};"


def _inlines(inlines: tuple[Inline, ...], *, plain: bool = False) -> str:
    out: list[str] = []
    for item in inlines:
        if isinstance(item, Break):
            out.append("<br>" if item.hard else "\n")
            continue
        out.append(_span(item, plain))
    return "".join(out)


def _span(span: Span, plain: bool) -> str:
    html = _text(span.text)
    if span.code:
        html = f'<code style="{_STYLE["code"]}">{html}</code>'
    if span.italic:
        html = f"<em>{html}</em>"
    if span.bold and not plain:
        html = f"<strong>{html}</strong>"
    if span.href is not None:
        html = f'<a href="{_attr(span.href)}" style="{_STYLE["a"]}">{html}</a>'
    return html


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)
