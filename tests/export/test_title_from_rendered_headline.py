"""The document title is the headline the template rendered, not the campaign's static
`release.headline` (issue 15 item 15): a computed headline, and each release of a batch
whose template writes the group's own headline (with the manifest's display label for
the group, issue 15 item 6)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from pressgen.batch import run_batch
from pressgen.export import export_release
from pressgen.release.pipeline import export_options, prepare, render_release
from tests.conftest import ROOT

from ..batch.conftest import TEMPLATE, write_project

DESTATIS = ROOT / "examples" / "destatis-gesundheitsaemter" / "campaigns" / "gesundheitsaemter.toml"


def _title_and_heading(data: bytes) -> tuple[str, str]:
    doc = Document(io.BytesIO(data))
    heading = next(p.text for p in doc.paragraphs if p.style.style_id == "Title")
    return doc.core_properties.title, heading


def test_a_computed_headline_titles_the_docx_and_the_html() -> None:
    prepared = prepare(DESTATIS)
    rendered = render_release(prepared)
    opts = export_options(prepared, rendered.locale)
    title, heading = _title_and_heading(export_release(rendered.markdown, "docx", opts).data)
    static = prepared.loaded.campaign.release.headline
    assert heading != static  # the template writes its own headline from the figures
    assert title == heading
    html = export_release(rendered.markdown, "html", opts).data.decode()
    assert f"<title>{heading}</title>" in html


def test_each_batch_release_is_titled_with_its_group_headline(tmp_path: Path) -> None:
    campaign = write_project(tmp_path / "project")
    template = campaign.parent.parent / "templates" / "t.md.j2"
    template.write_text(
        TEMPLATE.replace(
            '{% extends "base.md.j2" %}',
            '{% extends "base.md.j2" %}\n'
            "{% block headline %}{% if group is defined %}{{ group }}: {{ f.total }} in all"
            "{% else %}{{ release.headline }}{% endif %}{% endblock %}",
        ),
        encoding="utf-8",
    )
    manifest = campaign.parent.parent / "datasets" / "t.toml"
    text = manifest.read_text(encoding="utf-8")
    labelled = text.replace(
        'label = "area"\n', 'label = "area"\nlabels = { North = "The North" }\n'
    )
    manifest.write_text(labelled, encoding="utf-8")
    run_batch(campaign, tmp_path / "out", fmt="docx", jobs=1)
    titles = {}
    for path in sorted((tmp_path / "out").glob("*.docx")):
        title, heading = _title_and_heading(path.read_bytes())
        assert title == heading, path.name
        titles[path.stem] = title
    assert titles["north"] == "The North: 40 in all"  # the manifest's display label
    assert titles["south"] == "South: 40 in all"
    assert "Test" not in titles.values()  # never the campaign's static headline
