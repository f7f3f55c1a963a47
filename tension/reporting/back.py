"""Back pages: data quality (what was read, dated and rejected), coverage and intensity by outlet, and how to read
the index (tension/data/report_methodology.md)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from tension.config import DATA_DIR
from tension.reporting.data import ReportData
from tension.reporting.layout import FRAME_PADDING, MARGIN, PAGE, paragraph, wrapped_table
from tension.reporting.scope import Scope


def quality_section(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> list:
    """The data-quality page: what was read, where dates came from, coverage by outlet, rejections by reason."""
    q, span = data.quality, scope.label
    share = f" ({q['unresolved_in_range'] / q['statements_in_range']:.0%})" if q["statements_in_range"] else ""
    rows = [["Check", f"In {span}", "All weeks", "What it means"],
            ["Documents read and stored", str(q["documents_in_range"]), str(q["documents"]),
             "by publication date, every copy of a story; the pair pages count a story carried by several outlets, "
             "or revised, once a week; the outlet table counts it with each outlet that carried it, its statements "
             "once"],
            ["Documents without any statement", str(q["documents_without_statements_in_range"]),
             str(q["documents_without_statements"]), "read, but no sentence was attributed to an actor"],
            ["Statements extracted", str(q["statements_in_range"]), str(q["statements"]),
             "including those that bear on no configured pair"],
            ["Statements bearing on a pair (all voices)", str(q["pair_statements_in_range"]),
             str(q["pair_statements"]),
             "speaker in one country of a pair, the other among its targets; each statement once, though it can "
             "bear on two pairs (Seoul condemning Pyongyang and Moscow together: DPRK–ROK and Russia–ROK) and then "
             "counts on both pair pages, whose counts can add up to more; by publication date here, in the week it "
             "happened on the pair pages"],
            ["… of them state voices (the kinds the index counts)", str(q["counted_statements_in_range"]),
             str(q["counted_statements"]),
             "the kinds in index_kinds.tsv, state voices by default; a headline its lead repeats counts once in the "
             "index, as its lead, so the pair pages' counts can be smaller"],
            ["Statements without a resolved speaker", f"{q['unresolved_in_range']}{share}", str(q["unresolved"]),
             "the speaker was not resolved to a country: they count for no pair"],
            ["Rejected documents", "—", str(q["rejected"]),
             "quarantined at ingest with a reason (by reason below)" if q["rejected"] else
             "none: every file and record was read (a rejected one has no trusted date, so no week)"]]
    dates = [["Where the publication date came from", "Inferred?", f"In {span}", "All weeks"]] + [
        [escape(str(r.date_source)), "yes: from the text" if r.inferred else "no: metadata", str(r.in_range),
         str(r.total)] for r in q["date_sources"].itertuples(index=False)]
    story = [PageBreak(), paragraph("Data quality", styles["h1"]),
             wrapped_table(rows, [7.0, 3.2, 3.2, 12.0], styles), Spacer(1, 8),
             paragraph("Publication dates", styles["h2"]), wrapped_table(dates, [12.0, 4.0, 3.2, 3.2], styles),
             Spacer(1, 8), *_outlet_section(data, scope, styles)]
    rejected = q["rejections"]
    if not rejected.empty:
        table = [["Reason", "Documents", "Example"]] + [
            [escape(str(r.reason)), str(r.n), escape(str(r.example))]
            for r in rejected.head(40).itertuples(index=False)]
        story += [Spacer(1, 8), CondPageBreak(3 * cm), paragraph("Rejected documents by reason", styles["h2"]),
                  wrapped_table(table, [14.6, 2.6, 9.2], styles)]  # "Documents" fits its header on one line
    return story


MAX_OUTLETS = 8
# The outlet table's own columns (outlet, documents, days or weeks read) and each pair's two (statements, its part of
# the intensity), in cm: a table holds as many pairs as fit across the page; more pairs go on to the next table (a
# Japan desk's five pairs ran off the page's right edge in one table, the fifth pair's columns unseen).
OUTLET_WIDTHS = [3.9, 2.5, 2.2]
PAIR_WIDTHS = [2.4, 2.4]


def outlet_table_pairs(pairs: list) -> list[list]:
    """The pairs cut into the outlet tables' groups in their order, as many to a table as fit the page's width and
    the groups as even as can be (5 pairs at up to 3 a table: 3 and 2)."""
    room = (PAGE[0] - 2 * MARGIN - 2 * FRAME_PADDING) / cm - sum(OUTLET_WIDTHS)
    per_table = max(1, int(room // sum(PAIR_WIDTHS)))
    tables = max(1, -(-len(pairs) // per_table))
    small, larger = divmod(len(pairs), tables)
    bounds = [0]
    for number in range(tables):
        bounds.append(bounds[-1] + small + (number < larger))
    return [pairs[a:b] for a, b in zip(bounds, bounds[1:])]


def _outlet_section(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> list:
    """Coverage and intensity by outlet: what was read from each, and how much of each pair's intensity it gave."""
    frame = data.outlets
    if frame.empty:
        return []
    pairs = list(data.pairs.itertuples(index=False))
    wide = frame.pivot_table(index="outlet", columns="pair_id", values=["statements", "intensity"], aggfunc="sum")
    read = frame.groupby("outlet")[["documents", "weeks_read", "weeks", "days_read"]].first()
    read = read.join(wide.set_axis([f"{a}|{b}" for a, b in wide.columns], axis=1)).fillna(0)
    intensity_columns = [f"intensity|{pair_id}" for pair_id, _ in pairs if f"intensity|{pair_id}" in read]
    read["total_intensity"] = read[intensity_columns].sum(axis=1) if intensity_columns else 0.0
    silent = sorted(read.index[read["documents"] == 0])
    read = read[read["documents"] > 0].sort_values(["total_intensity", "documents"], ascending=False)
    where = "days of 7" if not scope.is_period else "weeks read"

    def cells(label: str, part: pd.DataFrame, chunk: list) -> list[str]:
        reach = (f"{int(part['days_read'].sum())}" if not scope.is_period
                 else f"{int(part['weeks_read'].max())} of {int(part['weeks'].max())}")
        out = [label, str(int(part["documents"].sum())), reach]
        for pair_id, _ in chunk:
            statements = part.get(f"statements|{pair_id}", pd.Series(0.0)).sum()
            intensity = part.get(f"intensity|{pair_id}", pd.Series(0.0)).sum()
            out += [str(int(statements)), f"{intensity:.1f}" if statements else "—"]
        return out

    rest = read.iloc[MAX_OUTLETS:]
    tables = []
    for chunk in outlet_table_pairs(pairs):
        head = ["Outlet", "Documents (its repeats once)", f"Read on ({where})"]
        for _, name in chunk:
            head += [f"{escape(name)}: state-voice statements", f"{escape(name)}: its part of the intensity"]
        rows = [head] + [cells(escape(str(outlet)), read.loc[[outlet]], chunk) for outlet in read.index[:MAX_OUTLETS]]
        if not rest.empty:
            rows.append(cells(f"{len(rest)} more outlets", rest, chunk))
        tables.append(wrapped_table(rows, OUTLET_WIDTHS + PAIR_WIDTHS * len(chunk), styles))
    intro = ("What was read from each outlet and how much of each pair's intensity came from it (its hostile "
             "state-voice statements per 100 documents of typical coverage"
             + (", averaged over the weeks read" if scope.is_period else "") + "; the parts add up to the pair's "
             + ("mean weekly intensity" if scope.is_period else "intensity") + "). Largest part first. A story "
             "carried by several outlets is a document of each (an outlet's own repeats and revisions count once a "
             "week), but its statements count once, with the outlet whose copy the index counts."
             + (f" {len(pairs)} pairs do not fit one table across the page: {len(tables)} tables, the same outlets "
                "in each, with the pairs in the order of the pairs file." if len(tables) > 1 else ""))
    story = [CondPageBreak(4 * cm), paragraph("Coverage and intensity by outlet", styles["h2"]),
             paragraph(intro, styles["note"]), Spacer(1, 2)]
    for number, table in enumerate(tables):
        story += [Spacer(1, 6)] * (number > 0) + [table]
    if silent:
        story.append(paragraph(f"Nothing read in {scope.label} from {len(silent)} outlet{'s' * (len(silent) != 1)} "
                               f"seen in other weeks (a gap in those feeds): {escape(', '.join(silent))}.",
                               styles["note"]))
    return story


def method_section(styles: dict[str, ParagraphStyle]) -> list:
    """The last page: how to read the index, from tension/data/report_methodology.md."""
    story: list = [PageBreak()]
    for block in (DATA_DIR / "report_methodology.md").read_text(encoding="utf-8").split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            story.append(paragraph(escape(block[3:]), styles["h1"]))
        elif block:
            text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(block))
            text = re.sub(r"`(.+?)`", r"“\1”", text)  # a command in quotes (the embedded font has no fixed-width face)
            story.append(paragraph(text, styles["body"]))
    return story

