"""Letterheads are untrusted .docx files: bounded before they are read, no DTDs, and every
DOCX pressgen writes is reopened before it is reported as written.

The hostile files are real: a python-docx letterhead whose header image is swapped for a
deflate stream that unpacks to 1 GiB (1 MB on disk), and letterheads whose XML parts
declare external entities or entity bombs.
"""

from __future__ import annotations

import io
import re
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.export import ExportOptions, export_release
from pressgen.export.package_check import check_xml, verify_docx
from tests.hardening.project import make_project, run_pressgen

MD = "**FOR IMMEDIATE RELEASE**\n\n# A headline\n\n**LONDON, 1 May 2024** – Body text.\n"
GIB = 1 << 30


def tiny_png() -> bytes:
    """A 1x1 white PNG, written here so no image file is needed."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def letterhead_with_logo(path: Path) -> Path:
    from docx import Document

    doc = Document()
    header = doc.sections[0].header.paragraphs[0]
    header.text = "ACME LETTERHEAD"
    header.add_run().add_picture(io.BytesIO(tiny_png()))
    doc.save(str(path))
    return path


def zeros_deflated(size: int) -> tuple[bytes, int]:
    """A raw deflate stream of `size` zero bytes, built in milliseconds from one
    compressed megabyte repeated (each block ends on a full flush), and its CRC-32."""
    mib = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(mib) + c.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(mib, crc)
    return block * (size >> 20) + c.flush(), crc


def rezip(source: Path, target: Path, replace: dict[str, tuple[bytes, int, int]]) -> Path:
    """Copy a zip by hand, putting raw deflate data (data, crc, size) in place of the
    named members: zipfile cannot write data that is already compressed."""
    local = io.BytesIO()
    central = io.BytesIO()
    with zipfile.ZipFile(source) as zf:
        infos = zf.infolist()
        for info in infos:
            if info.filename in replace:
                data, crc, size = replace[info.filename]
            else:
                raw = zf.read(info)
                c = zlib.compressobj(6, zlib.DEFLATED, -15)
                data, crc, size = c.compress(raw) + c.flush(), zlib.crc32(raw), len(raw)
            name = info.filename.encode()
            offset = local.tell()
            local.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc,
                                    len(data), size, len(name), 0))  # fmt: skip
            local.write(name + data)
            central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21,
                                      crc, len(data), size, len(name), 0, 0, 0, 0, 0, offset))  # fmt: skip
            central.write(name)
    cd = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(infos), len(infos), len(cd),
                      local.tell(), 0)  # fmt: skip
    target.write_bytes(local.getvalue() + cd + end)
    return target


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bomb")
    good = letterhead_with_logo(base / "good.docx")
    with zipfile.ZipFile(good) as zf:
        image = next(n for n in zf.namelist() if n.startswith("word/media/"))
    data, crc = zeros_deflated(GIB)
    path = rezip(good, base / "bomb.docx", {image: (data, crc, GIB)})
    assert path.stat().st_size < 2_000_000  # about 1 MB on disk
    return path


def _timed(call: Callable[[], object]) -> tuple[BaseException | None, float, float]:
    tracemalloc.start()
    start = time.process_time()  # CPU time: a loaded machine does not stretch it
    error: BaseException | None = None
    try:
        call()
    except PressgenError as exc:
        error = exc
    elapsed = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return error, elapsed, peak


def test_a_header_image_that_unpacks_to_a_gibibyte_is_refused_at_once(bomb: Path) -> None:
    error, elapsed, peak_mb = _timed(
        lambda: export_release(MD, "docx", ExportOptions(reference_docx=bomb))
    )
    assert isinstance(error, PressgenError)
    assert str(error).startswith(f"{bomb}: letterhead part 'word/media/")
    assert "1,024 MB" in str(error) and "\n" not in str(error)
    assert elapsed < 5.0  # CPU seconds: refused from the zip directory; unpacking took 14
    assert peak_mb < 64


def test_cli_with_a_zip_bomb_letterhead_exits_2_quickly_and_small(
    tmp_path: Path, bomb: Path
) -> None:
    project = make_project(tmp_path)
    target = project.root / "templates" / "bomb.docx"
    target.write_bytes(bomb.read_bytes())
    campaign = project.write_campaign(extra='letterhead = "../templates/bomb.docx"\n')
    out = project.root / "release.docx"
    run = run_pressgen("render", str(campaign), "-f", "docx", "-o", str(out), cwd=project.root)
    assert run.status == 2, run.stderr
    # CPU seconds, not the wall clock: one run took 23 s of wall time at a load of 15.
    # Unpacking the bomb took 14 s of CPU before; refusing it costs the start-up alone.
    assert run.cpu_seconds < 8
    # The old behaviour took 2-3 GB. The figure counts what the child had from pytest
    # when it was forked, so the bound is loose.
    assert run.max_rss_mb < 1000
    assert run.stderr.startswith(f"pressgen: {target}: letterhead part 'word/media/")
    assert not out.exists()


def test_a_part_that_unpacks_far_more_than_it_packs_is_refused(tmp_path: Path) -> None:
    """Under the per-part size limit, but 1000 times its packed size: a bomb all the same."""
    good = letterhead_with_logo(tmp_path / "good.docx")
    data, crc = zeros_deflated(32 << 20)
    path = rezip(good, tmp_path / "ratio.docx", {"word/styles.xml": (data, crc, 32 << 20)})
    with pytest.raises(PressgenError, match=r"'word/styles.xml' unpacks .* times larger"):
        export_release(MD, "docx", ExportOptions(reference_docx=path))


def test_the_total_unpacked_size_is_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = letterhead_with_logo(tmp_path / "good.docx")
    monkeypatch.setenv("PRESSGEN_MAX_LETTERHEAD_MB", "0.01")
    with pytest.raises(PressgenError, match="PRESSGEN_MAX_LETTERHEAD_MB"):
        export_release(MD, "docx", ExportOptions(reference_docx=good))


def _with_part(source: Path, target: Path, part: str, edit: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, edit(body) if info.filename == part else body)
    return target


XXE = b'<!DOCTYPE w:x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    b'<!DOCTYPE w:x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)


def _declare(dtd: bytes, use: bytes) -> Callable[[bytes], bytes]:
    def edit(body: bytes) -> bytes:
        head, sep, rest = body.partition(b"?>")
        rest = rest.replace(b"</w:body>", b"<w:p><w:r><w:t>" + use + b"</w:t></w:r></w:p></w:body>")
        return head + sep + dtd + rest

    return edit


@pytest.mark.parametrize(
    ("part", "dtd", "use"),
    [
        ("word/document.xml", XXE, b"&xxe;"),
        ("word/styles.xml", XXE, b""),
        ("word/document.xml", LAUGHS, b"&d;"),
        ("[Content_Types].xml", b"<!DOCTYPE Types>", b""),
    ],
    ids=["xxe-document", "xxe-styles", "laughs-document", "doctype-content-types"],
)
def test_a_letterhead_declaring_a_dtd_is_refused(
    tmp_path: Path, part: str, dtd: bytes, use: bytes
) -> None:
    good = letterhead_with_logo(tmp_path / "good.docx")
    path = _with_part(good, tmp_path / "dtd.docx", part, _declare(dtd, use))
    out = tmp_path / "release.docx"
    with pytest.raises(PressgenError) as caught:
        from pressgen.export import write_release

        write_release(MD, "docx", ExportOptions(reference_docx=path), out)
    assert str(caught.value).startswith(f"{path}: part {part!r} declares a DTD")
    assert not out.exists()


def test_a_dtd_in_utf16_is_found_too(tmp_path: Path) -> None:
    good = letterhead_with_logo(tmp_path / "good.docx")

    def utf16(body: bytes) -> bytes:
        text = _declare(XXE, b"&xxe;")(body).decode("utf-8")
        return re.sub(r"encoding=.UTF-8.", 'encoding="UTF-16"', text).encode("utf-16")

    path = _with_part(good, tmp_path / "dtd16.docx", "word/document.xml", utf16)
    with pytest.raises(PressgenError, match="declares a DTD"):
        export_release(MD, "docx", ExportOptions(reference_docx=path))


def test_a_letterhead_part_that_is_not_well_formed_is_refused(tmp_path: Path) -> None:
    good = letterhead_with_logo(tmp_path / "good.docx")
    path = _with_part(good, tmp_path / "bad.docx", "word/styles.xml", lambda b: b[:-40])
    with pytest.raises(PressgenError, match=r"'word/styles\.xml' is not well-formed XML"):
        export_release(MD, "docx", ExportOptions(reference_docx=path))


def test_a_sound_letterhead_with_a_logo_still_works(tmp_path: Path) -> None:
    from docx import Document

    good = letterhead_with_logo(tmp_path / "good.docx")
    data = export_release(MD, "docx", ExportOptions(reference_docx=good)).data
    verify_docx(data)
    doc = Document(io.BytesIO(data))
    assert "ACME LETTERHEAD" in doc.sections[0].header.paragraphs[0].text
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert any(n.startswith("word/media/") for n in zf.namelist())


def test_every_docx_written_passes_its_own_reopening() -> None:
    data = export_release(MD, "docx", ExportOptions()).data
    verify_docx(data)


def _docx_with(edit: Callable[[str, bytes], bytes | None]) -> bytes:
    data = export_release(MD, "docx", ExportOptions()).data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = edit(info.filename, src.read(info))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        (lambda: export_release(MD, "docx", ExportOptions()).data[:-100], "not a valid zip"),
        (
            lambda: _docx_with(lambda n, b: b.replace(b"</w:body>", b"") if "document" in n else b),
            "not well-formed",
        ),
        (
            lambda: _docx_with(
                lambda n, b: _declare(XXE, b"")(b) if n == "word/document.xml" else b
            ),
            "declares a DTD",
        ),
        (lambda: _docx_with(lambda n, b: None if n == "word/document.xml" else b), "does not open"),
    ],
    ids=["truncated", "malformed", "dtd", "no-document"],
)
def test_reopening_catches_a_broken_document(broken: Callable[[], bytes], reason: str) -> None:
    with pytest.raises(PressgenError, match=reason):
        verify_docx(broken())


def test_check_xml_fetches_nothing(tmp_path: Path) -> None:
    """The refusal comes from the DOCTYPE itself: the entity's file is never opened."""
    marker = tmp_path / "never-read.txt"
    body = f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "{marker}">]><a>&x;</a>'
    marker.write_text("x", encoding="utf-8")
    before = marker.stat().st_atime_ns
    with pytest.raises(PressgenError, match="declares a DTD"):
        check_xml(body.encode(), "part.xml", None)
    assert marker.stat().st_atime_ns == before
