"""HTML export: a standalone, email-safe page with escaped data."""

from __future__ import annotations

from html.parser import HTMLParser

from pressgen.export import ExportOptions, export_release


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def _html(md: str, options: ExportOptions | None = None) -> str:
    return export_release(md, "html", options).data.decode("utf-8")


def test_standalone_page_with_metadata(sample_md: str, options: ExportOptions) -> None:
    html = _html(sample_md, options)
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    page = _parse(html)
    names = [t for t, _ in page.tags]
    assert names.count("html") == names.count("head") == names.count("body") == 1
    metas = {a.get("name"): a.get("content") for t, a in page.tags if t == "meta" and "name" in a}
    assert metas["author"] == "Example Hosting"
    assert metas["keywords"] == "Metropolitan Police, cyber crime"
    assert "<title>Met sends thousands of new recruits on cyber crime courses</title>" in html


def test_email_safe_no_scripts_styles_or_remote_resources(sample_md: str) -> None:
    page = _parse(_html(sample_md + "\n![chart](https://evil.example/pixel.png)\n"))
    names = {t for t, _ in page.tags}
    assert not names & {"script", "style", "link", "img", "iframe", "object", "embed", "form"}
    for _, attrs in page.tags:
        assert "src" not in attrs
        assert not any(k.startswith("on") for k in attrs)
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert hrefs == [
        "https://www.example.com/cyber-report?src=release&id=1",
        "mailto:press@example.com",
    ]
    # Styles are inline on the elements themselves.
    assert all("style" in a for t, a in page.tags if t in ("p", "h1", "table", "blockquote"))


def test_data_is_escaped() -> None:
    md = (
        "# A <script>alert('x')</script> headline\n\n"
        'Body with <img src="http://x/y.png" onerror="alert(1)"> & "quotes"\n'
    )
    html = _html(md, ExportOptions(author='Acme "<Org>"'))
    page = _parse(html)
    assert not {t for t, _ in page.tags} & {"script", "img"}
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert '&lt;img src="http://x/y.png" onerror="alert(1)"&gt; &amp; "quotes"' in html
    assert 'content="Acme &quot;&lt;Org&gt;&quot;"' in html
    assert "A <script>alert('x')</script> headline" in "".join(page.text)


def test_parts_of_the_release(sample_md: str) -> None:
    page = _parse(_html(sample_md))
    names = [t for t, _ in page.tags]
    assert names.count("h1") == 1 and names.count("blockquote") == 2
    assert names.count("ul") == 1 and names.count("ol") == 1
    assert names.count("th") == 5 and names.count("td") == 15 + 2  # two layout cells
    text = "".join(page.text)
    assert "ENDS" in text and "— Aisha Rahman, Community Safety Campaigner" in text
    release = next(a for t, a in page.tags if t == "p" and "#c00000" in (a.get("style") or ""))
    assert release  # the embargo line is red
    right = [a for t, a in page.tags if t == "td" and "text-align:right" in (a.get("style") or "")]
    assert len(right) == 12


def test_ordered_list_start_is_kept() -> None:
    page = _parse(_html("# H\n\n3. three\n4. four\n"))
    (ol,) = [a for t, a in page.tags if t == "ol"]
    assert ol["start"] == "3"
