"""Readable tables of figures for the terminal (`pressgen figures` without --json)."""

from __future__ import annotations

from typing import Any

from pressgen.figures.model import STATED


def figures_table(rows: list[dict[str, Any]]) -> str:
    """One block per figure: name, text, exact value, method, filter, rows, warnings."""
    out: list[str] = []
    for item in rows:
        prov = item["provenance"]
        value = item["value"]
        if item["kind"] == "table" and isinstance(value, list):
            columns = len(item["extra"].get("columns", ()))
            value = f"{len(value)} rows x {columns} columns, with totals"
        elif isinstance(value, list):
            value = f"{len(value)} groups"
        out.append(f"{item['name']}  [{item['kind']}]")
        if item.get("label"):
            out.append(f"  what:     {item['label']}")
        out.append(f"  text:     {item['text']}")
        out.append(f"  exact:    {value}")
        out.append(f"  method:   {prov['method']}")
        if prov["filter"]:
            out.append(f"  filter:   {prov['filter']}")
        if prov["method"] == STATED:
            # a constant: say where the campaign says it comes from, not which rows
            out.append(f"  source:   {prov['source']}")
        elif prov["inputs"] and not prov["rows"]:
            # computed from other figures, not read from rows: say which
            out.append(f"  computed from: {', '.join(prov['inputs'])}")
        else:
            source = prov["source"] or ", ".join(prov["inputs"])
            out.append(f"  rows:     {prov['rows']} matched in {source}")
        numbers = prov.get("row_numbers") or []
        if numbers and (item["warnings"] or len(numbers) <= 10):
            # the rows behind a figure, above all a small one a person must decide on
            shown = ", ".join(str(n) for n in numbers[:20]) + (", …" if len(numbers) > 20 else "")
            out.append(f"  row numbers: {shown}")
        if prov["suppressed"]:
            out.append(f"  suppressed cells: {prov['suppressed']}")
        for w in item["warnings"]:
            out.append(f"  warning:  {w}")
        out.append("")
    return "\n".join(out)
