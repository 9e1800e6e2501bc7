"""Write the adversarial corpus: bad datasets, templates, campaigns and quote sets, and
`cases.toml`, the table of what pressgen must say about each.

The folder is a small pressgen project (campaigns/, datasets/, quotes/, templates/), so
every bad dataset or template is also reached the way a user reaches it, by rendering a
campaign. Run `python tests/bad_inputs/make_corpus.py` to regenerate; the files are
committed so a reviewer can open any of them.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass
class Case:
    name: str
    note: str
    expect: str
    commands: tuple[str, ...]  # "validate" (the dataset/template/campaign file) and/or "render"
    kind: str  # dataset, template, campaign, quotes
    file: str = ""  # the quote set's file name, for kind "quotes"


# The cases about a time or memory limit, or about input that once crashed a reader
# library: test_corpus runs their first command in a child process, whose wall time and
# peak memory it measures (and whose crash cannot take the test run with it). Every
# other case runs in the test process.
ISOLATED = {
    "csv_oversized_field", "xlsx_far_cell", "xlsx_dimension_lie", "xlsx_entity",
    "xlsx_cell_below_its_row",
    "xlsx_zip_bomb", "json_deep", "json_huge_int", "toml_deep_nesting",
    "campaign_deep_inline", "tpl_string_repeat", "tpl_power", "tpl_nested_range",
    "tpl_output_flood", "tpl_recursive_macro", "tpl_concat_doubling", "tpl_center",
    "tpl_ljust_method", "tpl_format_width", "tpl_str_format_width", "tpl_replace_blowup",
    "tpl_batch_fill",
}  # fmt: skip


CASES: list[Case] = []
GOOD_MANIFEST = """title = "{title}"
file = "{file}"
{extra}
[source]
publisher = "Corpus"

[columns.area]
type = "text"

[columns.n]
type = "int"
"""


def dataset(
    name: str, data: bytes, expect: str, note: str, *, suffix: str = "csv", extra: str = ""
) -> None:
    file = f"{name}.{suffix}"
    (HERE / "datasets" / file).write_bytes(data)
    (HERE / "datasets" / f"{name}.toml").write_text(
        GOOD_MANIFEST.format(title=note.replace('"', "'"), file=file, extra=extra), "utf-8"
    )
    campaign(name, dataset_ref=name)
    CASES.append(Case(name, note, expect, ("validate", "render"), "dataset"))


def manifest_only(name: str, text: bytes, expect: str, note: str) -> None:
    (HERE / "datasets" / f"{name}.toml").write_bytes(text)
    campaign(name, dataset_ref=name)
    CASES.append(Case(name, note, expect, ("validate", "render"), "dataset"))


def template(name: str, body: str, expect: str, note: str) -> None:
    (HERE / "templates" / f"{name}.md.j2").write_text(body, "utf-8")
    campaign(name, template_ref=name)
    CASES.append(Case(name, note, expect, ("render",), "template"))


def quotes_case(name: str, file: str, text: str, expect: str, note: str) -> None:
    (HERE / "quotes" / file).write_text(text, "utf-8")
    camp = CAMPAIGN.format(dataset="good", template="ok").replace(
        'quotes = "good"', f'quotes = "../quotes/{file}"'
    )
    (HERE / "campaigns" / f"{name}.toml").write_text(camp, "utf-8")
    CASES.append(Case(name, note, expect, ("validate", "render"), "quotes", file=file))


CAMPAIGN = """title = "corpus case"
dataset = "{dataset}"
quotes = "good"
template = "{template}"

[release]
headline = "A headline"
dateline = "LONDON"
date = 2024-05-01
organisation = "Corpus Org"
boilerplate = "About us."

[release.contact]
name = "Press Office"

[figures.total]
label = "total"
method = "sum"
column = "n"
"""


def campaign(name: str, *, dataset_ref: str = "good", template_ref: str = "ok") -> None:
    (HERE / "campaigns" / f"{name}.toml").write_text(
        CAMPAIGN.format(dataset=dataset_ref, template=template_ref), "utf-8"
    )


def campaign_case(name: str, text: str, expect: str, note: str) -> None:
    (HERE / "campaigns" / f"{name}.toml").write_text(text, "utf-8")
    CASES.append(Case(name, note, expect, ("validate", "render"), "campaign"))


# --- XLSX built from raw parts, so every byte is under control ------------------------

CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{styles}
</Types>"""
CT_STYLES = """
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WB = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{styles}
</Relationships>"""
WB_RELS_STYLES = """
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"""
# Cell style 1 is Excel's built-in short date (number format 14), as Excel saves a date.
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""
SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}
<sheetData>{rows}</sheetData></worksheet>"""


def cell(ref: str, value: str | int | None = None, *, formula: str | None = None,
         error: str | None = None) -> str:  # fmt: skip
    if error is not None:
        return f'<c r="{ref}" t="e"><v>{error}</v></c>'
    f = f"<f>{formula}</f>" if formula else ""
    if isinstance(value, int):
        return f'<c r="{ref}">{f}<v>{value}</v></c>'
    if value is None:
        return f'<c r="{ref}">{f}</c>'
    return f'<c r="{ref}" t="inlineStr">{f}<is><t>{value}</t></is></c>'


def number(ref: str, stored: str, *, date: bool = False) -> str:
    """A number cell holding exactly `stored` (as Excel writes it: '1E+30', '45000');
    with `date`, formatted as a date (needs `xlsx(..., styles=True)`)."""
    style = ' s="1"' if date else ""
    return f'<c r="{ref}"{style}><v>{stored}</v></c>'


def row(r: int, *cells: str) -> str:
    return f'<row r="{r}">{"".join(cells)}</row>'


def xlsx(rows: list[str], *, sheet: str = "Sheet1", dimension: str = "", prolog: str = "",
         extra: dict[str, bytes] | None = None, styles: bool = False) -> bytes:  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:

        def put(name: str, data: str | bytes) -> None:
            # A fixed timestamp: the corpus is the same bytes each time it is built.
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

        put("[Content_Types].xml", CT.format(styles=CT_STYLES if styles else ""))
        put("_rels/.rels", RELS)
        put("xl/workbook.xml", WB.format(sheet=sheet))
        put("xl/_rels/workbook.xml.rels", WB_RELS.format(styles=WB_RELS_STYLES if styles else ""))
        if styles:
            put("xl/styles.xml", STYLES)
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        put(
            "xl/worksheets/sheet1.xml",
            SHEET.format(prolog=prolog, dimension=dim, rows="".join(rows)),
        )
        for name, data in (extra or {}).items():
            put(name, data)
    return buf.getvalue()


GOOD_ROWS = [
    row(1, cell("A1", "area"), cell("B1", "n")),
    row(2, cell("A2", "North"), cell("B2", 5)),
]


def build() -> None:
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
        (HERE / folder).mkdir()
    (HERE / "quotes" / "good.toml").write_text(
        'title = "corpus quotes"\n\n[speakers.a]\nname = "A Person"\nrole = "Director"\n'
        'organisation = "Corpus Org"\n\n[[quotes]]\nid = "q1"\nspeaker = "a"\n'
        'text = "We welcome the figures."\napproved = true\napproved_by = "A Person"\n'
        "approved_on = 2024-04-01\n",
        "utf-8",
    )
    (HERE / "templates" / "ok.md.j2").write_text(
        "# {{ release.headline }}\n\nThe total was {{ f.total }}.\n", "utf-8"
    )
    (HERE / "datasets" / "good.csv").write_bytes(b"area,n\nNorth,5\nSouth,7\n")
    (HERE / "datasets" / "good.toml").write_text(
        GOOD_MANIFEST.format(title="good", file="good.csv", extra=""), "utf-8"
    )
    csv_cases()
    xlsx_cases()
    json_cases()
    parquet_cases()
    toml_cases()
    template_cases()
    control_cases()
    spec_cases()
    write_cases()
    missing = ISOLATED - {c.name for c in CASES}
    assert not missing, missing


def csv_cases() -> None:
    dataset("csv_cp1252", "area,n\nSaint-Étienne,5\n".encode("cp1252"),
            "not UTF-8 (byte 0xC9)", "Windows-1252 bytes in a file read as UTF-8")  # fmt: skip
    dataset("csv_cp1252_late", b"area,n\n" + b"North,5\n" * 9000 + "Orléans,6\n".encode("cp1252"),
            "not UTF-8", "a Windows-1252 byte after the 64 KB preview")  # fmt: skip
    dataset("csv_utf16_no_bom", "area,n\nNorth,5\n".encode("utf-16-le"),
            "NUL byte", "UTF-16 without a byte-order mark")  # fmt: skip
    dataset("csv_utf16_bom_ragged", "area,n\nNorth,5\nSouth,6,7\n".encode("utf-16"),
            "has 3 fields, the header has 2", "UTF-16 with BOM is read; its ragged row is not")  # fmt: skip
    dataset("csv_nul", b"area,n\nNorth,5\nSo\x00uth,6\n", "NUL byte", "a NUL byte in a field")
    dataset("csv_ragged_long", b"area,n\nNorth,5\nSouth,6,7\n",
            "has 3 fields, the header has 2", "a row with an extra field")  # fmt: skip
    dataset("csv_ragged_short", b"area,n,note\nNorth,5,x\nSouth\n",
            "ragged row", "a row with a missing field", extra="")  # fmt: skip
    dataset("csv_unterminated_quote", b'area,n\nNorth,5\n"South,6\nEast,7\n',
            "unterminated quote", "a quote that never closes")  # fmt: skip
    dataset("csv_stray_quote", b'area,n\nNorth,5\nSo"uth,6\n',
            "inside an unquoted field", "a quote inside an unquoted field")  # fmt: skip
    dataset("csv_oversized_field", b'area,n\n"' + b"x" * 200_000 + b'",5\n',
            "longer than the limit", "a 200,000-character field")  # fmt: skip
    dataset("csv_duplicate_header", b"area,n,area\nNorth,5,x\n",
            "columns 1 and 3 have the same name", "the same header twice")  # fmt: skip
    dataset("csv_nbsp_header", "area\u00a0,n\nNorth,5\n".encode(),
            "NO-BREAK SPACE", "a header with a no-break space")  # fmt: skip
    dataset("csv_zero_width_header", "ar\u200bea,n\nNorth,5\n".encode(),
            "ZERO WIDTH SPACE", "a header with a zero-width space")  # fmt: skip
    dataset("csv_homoglyph_header", "\u0430rea,n\nNorth,5\n".encode(),
            "CYRILLIC SMALL LETTER A", "a header with a Cyrillic a")  # fmt: skip
    dataset("csv_lookalike_duplicates", "area,n,\u0430rea\nNorth,5,x\n".encode(),
            "names that look the same", "two headers that look the same")  # fmt: skip
    dataset("csv_decimal_comma", b"area;n\nNorth;1,5\nSouth;2\n",
            "'1,5' is not a whole number", "semicolon file with a decimal comma in an int column")  # fmt: skip
    dataset("csv_ambiguous_delimiter", b"area,x;n\nNorth,1;5\nSouth,2;6\n",
            "cannot tell the delimiter", "comma and semicolon both split every line")  # fmt: skip
    dataset("csv_unknown_marker", b"area,n\nNorth,5\nSouth,n.a.\n",
            "'n.a.' is not a whole number", "a missing-value marker the manifest does not list")  # fmt: skip
    dataset("csv_bad_grouping", b'area,n\nNorth,"1,23"\n',
            "'1,23' is not a whole number", "digits grouped wrongly")  # fmt: skip
    dataset("csv_huge_int", b"area,n\nNorth,99999999999999999999999999\n",
            "is not a whole number", "an integer beyond 64 bits")  # fmt: skip
    dataset("csv_empty", b"", "file is empty", "an empty file")
    dataset("csv_blank_header", b"\nNorth,5\n", "first line is empty", "no header line")
    dataset("csv_missing_column", b"region,n\nNorth,5\n",
            "column 'area' named in the manifest is missing", "a column the manifest names is absent")  # fmt: skip
    dataset("csv_binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "not UTF-8", "a PNG renamed to .csv")  # fmt: skip
    dataset("csv_exponent", b"area,n\nNorth,1e5\n",
            "'1e5' is not a whole number", "scientific notation in an int column")  # fmt: skip
    manifest_only("csv_data_missing", GOOD_MANIFEST.format(title="x", file="nowhere.csv",
                  extra="").encode(), "data file 'nowhere.csv' not found", "the data file is absent")  # fmt: skip


def xlsx_cases() -> None:
    x = "xlsx"
    dataset("xlsx_far_cell", xlsx([*GOOD_ROWS, row(1048576, cell("XFD1048576", "boom"))]),
            "more than the limit", "cells at A1 and XFD1048576 (aborts calamine)", suffix=x)  # fmt: skip
    dataset("xlsx_dimension_lie", xlsx(GOOD_ROWS, dimension="A1:XFD1048576"),
            "more than the limit", "a dimension element claiming the whole sheet", suffix=x)  # fmt: skip
    dataset("xlsx_beyond_excel", xlsx([*GOOD_ROWS, row(3, cell("ZZZZ3", 1))]),
            "beyond Excel's last", "a cell reference past XFD", suffix=x)  # fmt: skip
    dataset("xlsx_cell_below_its_row", xlsx([*GOOD_ROWS, row(3, cell("A3", "x"), cell("B99999999", 1))]),
            "beyond Excel's last", "a cell in row 3 whose reference says row 99,999,999 "
            "(calamine placed it there: 10 GB)", suffix=x)  # fmt: skip
    bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    dataset("xlsx_entity", xlsx(GOOD_ROWS, prolog=bomb),
            "entity expansion", "a DTD with entities (billion laughs)", suffix=x)  # fmt: skip
    dataset("xlsx_encrypted", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504,
            "password-protected", "an encrypted workbook (an OLE container)", suffix=x)  # fmt: skip
    good = xlsx(GOOD_ROWS)
    dataset("xlsx_truncated", good[: len(good) // 2],
            "damaged or truncated", "half a workbook", suffix=x)  # fmt: skip
    dataset("xlsx_not_zip", b"area,n\nNorth,5\n",
            "not a zip archive", "a CSV renamed to .xlsx", suffix=x)  # fmt: skip
    dataset("xlsx_formula_no_value",
            xlsx([*GOOD_ROWS, row(3, cell("A3", "Total"), cell("B3", formula="SUM(B2:B2)"))]),
            "with no saved value", "a formula never calculated (as openpyxl writes)", suffix=x)  # fmt: skip
    dataset("xlsx_error_cell", xlsx([*GOOD_ROWS, row(3, cell("A3", "x"), cell("B3", error="#DIV/0!"))]),
            "spreadsheet error #DIV/0!", "a cell holding #DIV/0!", suffix=x)  # fmt: skip
    zeros = b"\x00" * (40 * 1024 * 1024)
    dataset("xlsx_zip_bomb", xlsx(GOOD_ROWS, extra={"xl/media/pad.bin": zeros}),
            "zip bomb", "a part that unzips 1000 times larger", suffix=x)  # fmt: skip
    dataset("xlsx_missing_sheet", xlsx(GOOD_ROWS), "no sheet 'Data'",
            "the manifest names a sheet the workbook lacks", suffix=x, extra='sheet = "Data"')  # fmt: skip
    dataset("xlsx_duplicate_header",
            xlsx([row(1, cell("A1", "area"), cell("B1", "n"), cell("C1", "n")), GOOD_ROWS[1]]),
            "have the same name", "the same header twice in a sheet", suffix=x)  # fmt: skip
    dataset("xlsx_bad_number",
            xlsx([*GOOD_ROWS, row(3, cell("A3", "South"), cell("B3", "12a"))]),
            "'12a' is not a whole number", "a typo in a number column", suffix=x)  # fmt: skip


def json_cases() -> None:
    j = "json"
    dataset("json_duplicate_key", b'[{"area": "North", "n": 5, "n": 6}]',
            "duplicate key 'n'", "a record with the same key twice", suffix=j)  # fmt: skip
    dataset("json_nan", b'[{"area": "North", "n": NaN}]',
            "NaN is not a number", "NaN in a record", suffix=j)  # fmt: skip
    dataset("json_infinity", b'[{"area": "North", "n": -Infinity}]',
            "-Infinity is not a number", "-Infinity in a record", suffix=j)  # fmt: skip
    dataset("json_deep", b"[" * 100_000 + b"]" * 100_000,
            "nested too deeply", "100,000 nested arrays", suffix=j)  # fmt: skip
    dataset("json_huge_int", b'[{"area": "North", "n": ' + b"9" * 5000 + b"}]",
            "a number with 5,000 digits", "a 5,000-digit integer", suffix=j)  # fmt: skip
    dataset("json_nested_value", b'[{"area": "North", "n": [5]}]',
            "holds a list", "a list where a value should be", suffix=j)  # fmt: skip
    dataset("json_not_records", b'{"area": "North", "n": 5}',
            "expected a list of records", "an object, not a list of records", suffix=j)  # fmt: skip
    dataset("json_syntax", b'[{"area": "North",\n "n": 5,}]',
            "invalid JSON", "a trailing comma", suffix=j)  # fmt: skip
    dataset("json_float_in_int", b'[{"area": "North", "n": 5.5}]',
            "'5.5' is not a whole number", "a fraction in an int column", suffix=j)  # fmt: skip


def parquet_cases() -> None:
    p = "parquet"
    dataset("parquet_not_parquet", b"area,n\nNorth,5\n",
            "is not a Parquet file", "a CSV renamed to .parquet", suffix=p)  # fmt: skip
    dataset("parquet_truncated", b"PAR1" + os.urandom(0) + b"\x15\x00" * 40,
            "cannot read PARQUET data", "a file with the magic and nothing valid", suffix=p)  # fmt: skip


def toml_cases() -> None:
    deep = "title = 'x'\nfile = 'good.csv'\nx = " + "[" * 5000 + "]" * 5000 + "\n"
    manifest_only("toml_deep_nesting", deep.encode(), "nested", "5,000 nested arrays")
    manifest_only("toml_invalid_escape", b'title = "bad \\q escape"\n',
                  "invalid TOML", "an escape TOML does not define")  # fmt: skip
    manifest_only("toml_not_utf8", 'title = "Orléans"\n'.encode("cp1252"),
                  "not valid UTF-8", "a manifest saved as Windows-1252")  # fmt: skip
    manifest_only("toml_unknown_field", (GOOD_MANIFEST.format(title="x", file="good.csv",
                  extra="delimeter = ';'")).encode(), "unknown field", "a misspelt option")  # fmt: skip
    campaign_case("campaign_deep_inline", 'title = "x"\nrelease = ' + "{a = " * 2000 + "1"
                  + "}" * 2000 + "\n", "nested", "2,000 nested inline tables")  # fmt: skip
    campaign_case("campaign_missing_dataset",
                  CAMPAIGN.format(dataset="../nowhere/x.toml", template="ok"),
                  "not found", "a dataset path that leads nowhere")  # fmt: skip
    manifest_only("dataset_file_escape", GOOD_MANIFEST.format(title="x",
                  file="../../../../../../../../etc/hostname", extra="").encode(),
                  "outside the manifest's folder", "a data file path that climbs out")  # fmt: skip
    manifest_only("dataset_file_absolute", GOOD_MANIFEST.format(title="x",
                  file="/etc/hostname", extra="").encode(),
                  "outside the manifest's folder", "an absolute data file path")  # fmt: skip


def template_cases() -> None:
    t = template
    t("tpl_string_repeat", "{{ 'A' * 10**9 }}", "repeated string", "'A' * 10**9")
    t("tpl_power", "{{ 2 ** 40000000000 }}", "a power", "2 ** 40000000000")
    t("tpl_nested_range", "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}"
      "{% endfor %}", "took longer than", "10 billion loop turns")  # fmt: skip
    t("tpl_output_flood", "{% for i in range(99999) %}{{ 'x' * 999 }}{% endfor %}",
      "longer than the limit", "100 MB of output")  # fmt: skip
    t("tpl_recursive_macro", "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
      "recursion is too deep", "a macro that calls itself forever")  # fmt: skip
    t("tpl_concat_doubling", "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}"
      "{% endmacro %}{{ f('ab', 40) }}", "joined string", "a string doubled 40 times")  # fmt: skip
    t("tpl_center", "{{ 'x' | center(10**9) }}", "larger than the limit", "center(10**9)")
    t("tpl_ljust_method", "{{ 'x'.ljust(10**9) }}", "larger than the limit", "str.ljust(10**9)")
    t("tpl_format_width", "{{ '%0999999999d' % 1 }}", "width", "a 1 GB printf width")
    t("tpl_str_format_width", "{{ '{:>999999999}'.format(1) }}", "width", "a 1 GB format width")
    t("tpl_replace_blowup", "{{ ('A' * 100000).replace('', 'B' * 1000) }}",
      "replaced string", "replace('', big) on a long string")  # fmt: skip
    t("tpl_batch_fill", "{{ [1] | batch(10**9, 'x') | list }}", "larger than the limit",
      "batch() padding to a billion")  # fmt: skip
    t("tpl_private_attr", "{{ ''.__class__.__mro__ }}", "unsafe", "reaching Python internals")
    t("tpl_mutate_list", "{% set x = [] %}{{ x.append(1) }}", "unsafe",
      "mutating a list in the immutable sandbox")  # fmt: skip
    t("tpl_lipsum", "{{ lipsum() }}", "'lipsum', which is not defined", "a removed global")
    t("tpl_include_traversal", '{% include "../datasets/good.csv" %}', "template not found",
      "including a file outside the template folder")  # fmt: skip
    t("tpl_syntax", "{% for x in %}", "template syntax", "a broken tag")
    link = HERE / "templates" / "tpl_symlink_escape.md.j2"
    target = Path("..") / "datasets" / "good.csv"
    t("tpl_symlink_escape", "", "outside the template folders", "a symlink to a data file")
    link.unlink()
    os.symlink(target, link)


def control_cases() -> None:
    """Text that would drive a terminal or spoof the order a reader sees (issue 12)."""
    dataset("csv_bidi", "area,n\nNorth,\u202e15\n".encode(), "RIGHT-TO-LEFT OVERRIDE",
            "a right-to-left override in a cell")  # fmt: skip
    dataset("xlsx_exponent", xlsx([*GOOD_ROWS, row(3, cell("A3", "Far"), number("B3", "1E+30"))]),
            "stored as '1E+30'", "1E+30 in a number column (calamine prints 31 digits)",
            suffix="xlsx")  # fmt: skip
    dataset("xlsx_serial_60",
            xlsx([*GOOD_ROWS, row(3, cell("A3", "Leap"), number("B3", "60", date=True))], styles=True),
            "29 February 1900", "date serial 60, a day Excel shows but that never was",
            suffix="xlsx")  # fmt: skip
    quotes_case("quotes_yaml", "quotes_yaml.yaml",
                "title: corpus quotes\nspeakers:\n  a:\n    name: A Person\n",
                "quote sets are TOML", "a quote set written as YAML")  # fmt: skip
    quotes_case("quotes_yaml_in_toml", "quotes_yaml_in_toml.toml",
                "# saved by an editor that likes YAML\ntitle: corpus quotes\nquotes:\n  - id: q1\n",
                "this file is YAML", "YAML in a file named .toml")  # fmt: skip
    quotes_case("quotes_json_in_toml", "quotes_json_in_toml.toml",
                '{"title": "corpus quotes", "quotes": []}\n',
                "this file is JSON", "JSON in a file named .toml")  # fmt: skip
    quotes_case("quotes_bidi", "quotes_bidi.toml",
                (HERE / "quotes" / "good.toml").read_text("utf-8").replace(
                    "We welcome", "We \\u202Ewelcome"),
                "RIGHT-TO-LEFT OVERRIDE", "a right-to-left override in a quote")  # fmt: skip
    campaign_case("campaign_bidi",
                  CAMPAIGN.format(dataset="good", template="ok").replace(
                      "A headline", "A \\u2067headline"),
                  "RIGHT-TO-LEFT ISOLATE", "a bidirectional isolate in the headline")  # fmt: skip


def spec_cases() -> None:
    """Figure specs that once printed 0, a traceback or a Pydantic message (issue 15
    item 13): each is one line naming the campaign and the field."""
    good = CAMPAIGN.format(dataset="good", template="ok")
    group = '\n[figures.g]\nmethod = "group"\nby = "area"\ncolumn = "n"\n'
    campaign_case("spec_where_typo", good + 'where = { area = "north" }\n',
                  "figures.total.where.area: no row has area = 'north'; did you mean 'North'?",
                  "a filter value in the wrong case (printed 0)")  # fmt: skip
    campaign_case("spec_part_typo", good + '\n[figures.s]\nmethod = "share"\n'
                  'part = { area = ["North", "Suoth"] }\n', "did you mean 'South'?",
                  "a misspelt value in a share's part (printed 0 per cent)")  # fmt: skip
    campaign_case("spec_condition_name", good + group + '\n[figures.c]\n'
                  'method = "count_groups"\nof = "g"\ncondition = { ge = "figure_name" }\n',
                  "figures.c.condition.ge: 'figure_name' is neither a number nor the name of a "
                  "figure", "a condition naming no figure (a 39-line traceback)")  # fmt: skip
    campaign_case("spec_condition_nan", good + group + '\n[figures.c]\n'
                  'method = "count_groups"\nof = "g"\ncondition = { gt = nan }\n',
                  "nan is not a number a figure can use", "a TOML nan in a condition")  # fmt: skip
    campaign_case("spec_unknown_kind", good + 'kind = "moneyy"\n',
                  "kind: Input should be 'count', 'number', 'money'",
                  "a kind that does not exist (was accepted)")  # fmt: skip
    campaign_case("spec_constant_clash", good + '\n[constants.total]\nvalue = 44\n'
                  'source = "a note"\n', "constant 'total' has the name of a figure",
                  "a constant named like a figure")  # fmt: skip
    campaign_case("campaign_style_table", good.replace(
                      'template = "ok"', 'template = "ok"\n\n[style]\npercent_word = "%"\n'),
                  "style: style is the name of a preset (such as 'uk-press'); rules that "
                  "change it go in a [style_overrides] table",
                  "a [style] table, as docs/formatting.md once said")  # fmt: skip
    template("tpl_percent_string", "{{ f.total | percent('1') }}",
             "percent: decimals must be a whole number from 0 to 12, not '1'",
             "percent('1'): a string for decimals (a Python comparison error)")  # fmt: skip


def write_cases() -> None:
    lines = [
        "# The adversarial corpus: each case, the commands run on it and the words its",
        "# one-line error must contain. Generated by make_corpus.py; test_corpus.py runs it.",
        "",
    ]
    for c in CASES:
        file = f"campaigns/{c.name}.toml"
        target = {
            "dataset": f"datasets/{c.name}.toml",
            "template": f"templates/{c.name}.md.j2",
            "campaign": file,
            "quotes": f"quotes/{c.file}",
        }[c.kind]
        lines += [
            "[[case]]",
            f'name = "{c.name}"',
            f"note = {_toml_str(c.note)}",
            f"commands = {list(c.commands)!r}".replace("'", '"'),
            f'target = "{target}"',
            f'campaign = "{file}"',
            f"expect = {_toml_str(c.expect)}",
            *(["isolate = true"] if c.name in ISOLATED else []),
            "",
        ]
    (HERE / "cases.toml").write_text("\n".join(lines), "utf-8")


def _toml_str(s: str) -> str:
    return "'" + s + "'" if "'" not in s else '"' + s.replace('"', '\\"') + '"'


if __name__ == "__main__":
    build()
    print(f"{len(CASES)} cases")
