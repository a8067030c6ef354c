"""Charts of the evaluated Result as PNG (matplotlib, the `charts` extra; imported only when used).

Three charts, each drawn from values the Result already holds (nothing is computed here):
- `capaian`: capaian per indikator against the 100 % line, bars in the predikat's colour;
- `anggaran`: realisasi anggaran per program as a share of its pagu, labelled in rupiah;
- `craapk`: the monthly (or quarterly) cumulative realisation against the plan, one panel per
  budget item that has periods (the CRAAPK appendix).
Values become floats only here, at the edge, to be drawn; every label is formatted by format.py.
`rendered_png` is the renderer of the format png in the registry of formats.py (one chart, named by
--chart); html and docx embed every chart through `drawn_charts`.

Every text a chart draws comes from the spec and is drawn as it is: matplotlib's math syntax
(`$a^b$`) and TeX are off while a chart is made, so a `$` in a name is a dollar sign. The work is
bounded by the chart, not by the spec: at most MAX_BARS bars and MAX_PANELS CRAAPK panels (of at
most 12 months each), labels cut to a few lines; a chart that leaves items out says so below it
("showing the first 40 of 1,234 indicators").
"""

from __future__ import annotations

import io
from decimal import Decimal

from ..format import angka, persen, rupiah
from ..i18n import N_, _
from ..results import NodeResult, Result
from .extras import MissingExtra, require
from .format_request import FormatRequest, UsageError
from .headings import short_period
from .table import BUDGET_KINDS
from .xmltext import xml_text

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import BinaryIO

    from .format_request import Rendered

MAX_BARS = 40  # capaian and anggaran: one bar per indikator or program
MAX_PANELS = 8  # craapk: one panel per budget item with periods (at most 12 months each)
# Drawn literally: no mathtext, no TeX (a spec's "$a^b^c$" is text, not a formula to parse)
LITERAL_TEXT = {"text.parse_math": False, "text.usetex": False}
NEUTRAL = "#6e7781"
PLAN = "#8c959f"
SPENT = "#1f6feb"
PAGU = "#d0d7de"
TARGET = "#1f2328"
LEGEND_COLUMNS, LEGEND_ROW = 4, 0.2  # a legend's entries per row, and the inches a row takes

TEXT = {
    "id": {"capaian": "Capaian indikator kinerja terhadap target (100 %)",
           "anggaran": "Realisasi anggaran per program (% dari pagu)",
           "craapk": "Realisasi kumulatif terhadap rencana aksi (CRAAPK)",
           "target": "target 100 %", "tanpa": "belum ada realisasi", "dari": "dari",
           "tanpa_predikat": "tanpa predikat", "pagu": "pagu (100 %)", "terserap": "realisasi",
           "rencana": "rencana (kumulatif)", "realisasi": "realisasi (kumulatif)", "juta": "juta Rp",
           "capaian_axis": "capaian (%)", "serapan_axis": "realisasi terhadap pagu (%)",
           "sebagian": "menampilkan {shown} pertama dari {total} {what}",
           "capaian_items": "indikator", "anggaran_items": "program", "craapk_items": "item anggaran"},
    "en": {"capaian": "Indicator achievement against target (100 %)",
           "anggaran": "Budget realisation per program (% of ceiling)",
           "craapk": "Cumulative realisation against the action plan (CRAAPK)",
           "target": "target 100 %", "tanpa": "no actual yet", "dari": "of",
           "tanpa_predikat": "no rating", "pagu": "ceiling (100 %)", "terserap": "spent",
           "rencana": "plan (cumulative)", "realisasi": "actual (cumulative)", "juta": "million Rp",
           "capaian_axis": "achievement (%)", "serapan_axis": "spent against ceiling (%)",
           "sebagian": "showing the first {shown} of {total} {what}",
           "capaian_items": "indicators", "anggaran_items": "programs", "craapk_items": "budget items"},
}


def _figure_class():
    with require("charts", N_("charts")):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    return Figure, FigureCanvasAgg


def _f(value: Decimal | None) -> float:
    """A Decimal as a float for drawing (NaN for no value): the only float conversion of the charts."""
    return float("nan") if value is None else float(value)


def _wrap(text: str, width: int = 42, lines: int = 2) -> str:
    # textwrap reads the whole text before it keeps `lines` of it: give it only what could show
    import textwrap

    shown = xml_text(text[:4 * width * lines])
    return "\n".join(textwrap.wrap(shown, width, max_lines=lines, placeholder=" …"))


def indikator_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "indikator"]


def program_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "program" and n.dokumen is None and n.anggaran]


def periode_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind in BUDGET_KINDS and any(p.realisasi is not None for p in n.periode)]


SOURCES = {"capaian": indikator_nodes, "anggaran": program_nodes, "craapk": periode_nodes}
CHARTS = tuple(SOURCES)  # the names --chart takes (formats.CHARTS: the same, without importing this module)
SHOWN = {"capaian": MAX_BARS, "anggaran": MAX_BARS, "craapk": MAX_PANELS}


def available(result: Result) -> list[str]:
    """The charts this Result has data for, in report order."""
    return [name for name, nodes in SOURCES.items() if nodes(result)]


def shown_nodes(result: Result, name: str) -> tuple[list[NodeResult], int]:
    """The items a chart draws (the first SHOWN[name] in report order) and how many there are."""
    nodes = SOURCES[name](result)
    return nodes[:SHOWN[name]], len(nodes)


def partial_note(result: Result, name: str, lang: str = "id") -> str:
    """'menampilkan 40 pertama dari 1.234 indikator' when the chart leaves items out, else ''."""
    shown, total = shown_nodes(result, name)
    if len(shown) == total:
        return ""
    text = TEXT[lang]
    return text["sebagian"].format(shown=angka(Decimal(len(shown)), 0, lang), total=angka(Decimal(total), 0, lang),
                                   what=text[f"{name}_items"])


def caption(name: str, lang: str = "id", result: Result | None = None) -> str:
    """The chart's caption; given the result, with the note of items left out."""
    note = partial_note(result, name, lang) if result is not None else ""
    return f"{TEXT[lang][name]} ({note})" if note else TEXT[lang][name]


def png(result: Result, name: str, lang: str = "id", dpi: int = 150, title: bool = True) -> bytes:
    """One chart as PNG bytes; title=False leaves the title to the caption of the page it goes on."""
    import warnings

    figure_class, canvas_class = _figure_class()
    from matplotlib import rc_context

    with rc_context(LITERAL_TEXT), warnings.catch_warnings():
        # a character the font lacks is drawn as a box; the warning would only repeat the spec's text
        warnings.filterwarnings("ignore", "Glyph .* missing from", UserWarning)
        figure = {"capaian": _capaian, "anggaran": _anggaran, "craapk": _craapk}[name](figure_class, result, lang)
        if not title:
            figure.suptitle("")
            for axes in figure.axes:
                if axes.get_title(loc="left") == TEXT[lang][name]:
                    axes.set_title("", loc="left")
        note = partial_note(result, name, lang)
        if note:
            figure.supxlabel(note, x=0.01, y=0.01, ha="left", va="bottom", fontsize=8, color=NEUTRAL)
        canvas = canvas_class(figure)
        if name == "craapk":
            _place_panels(figure, title, bool(note))
        else:
            _place_bars(figure, canvas.get_renderer(), title, bool(note))
        out = io.BytesIO()
        # zlib level 3: as small as the default 6 for these flat-coloured images, at half the time
        figure.savefig(out, format="png", dpi=dpi, metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    return out.getvalue()


def drawn_charts(result: Result, lang: str, wanted: bool = True) -> tuple[dict[str, bytes], list[str]]:
    """Every chart the result has data for, as PNG bytes by name (without their titles, which the page's
    captions give), and notes for standard error: none drawn, with a note, when matplotlib is missing."""
    if not wanted:
        return {}, []
    try:
        return {name: png(result, name, lang, title=False) for name in available(result)}, []
    except MissingExtra as exc:
        return {}, [_("charts left out: {reason}").format(reason=exc)]


def rendered_png(request: FormatRequest) -> Rendered:
    """The one chart --chart names, as PNG."""
    names = available(request.result)
    chart = request.chart
    if chart is None:
        if not names:
            raise UsageError(_("--format png writes one chart: give --chart NAME (none available)"))
        raise UsageError(_("--format png writes one chart: give --chart NAME ({charts})").format(
            charts=", ".join(names)))
    if chart not in names:
        if not names:
            raise UsageError(_("no data for the chart '{chart}' in this spec (available: none)").format(chart=chart))
        raise UsageError(_("no data for the chart '{chart}' in this spec (available: {charts})").format(
            chart=chart, charts=", ".join(names)))
    data = png(request.result, chart, request.lang)

    def write(file: BinaryIO) -> None:
        file.write(data)

    return write, []


# Margins in inches, set once from what the chart holds: matplotlib's constrained layout would find
# much the same by measuring every text twice, which took half of the drawing time
TOP, TITLE, BOTTOM, NOTE, RIGHT = 0.1, 0.28, 0.5, 0.25, 0.2
PANEL_LEFT, PANEL_GAP_WIDTH, PANEL_GAP_HEIGHT, PANEL_TITLE = 0.7, 0.7, 0.5, 0.2


def _place_bars(figure, renderer, titled: bool, noted: bool) -> None:
    """The bar chart's axes, with room on the left for the widest label (at most two wrapped lines)."""
    width, height = figure.get_size_inches()
    axes = figure.axes[0]
    labels = max((label.get_window_extent(renderer).width for label in axes.get_yticklabels()), default=0)
    left = labels / figure.dpi + 0.15
    top = TOP + (TITLE if titled else 0)
    bottom = BOTTOM + (NOTE if noted else 0)
    for legend in figure.legends:  # under the axis label, above the note of items left out
        rows = -(-len(legend.get_texts()) // LEGEND_COLUMNS)
        legend.set_bbox_to_anchor((left / width, (0.06 + (NOTE if noted else 0)) / height),
                                  transform=figure.transFigure)
        bottom += LEGEND_ROW * rows
    figure.subplots_adjust(left=left / width, right=1 - RIGHT / width, top=1 - top / height, bottom=bottom / height)


def _place_panels(figure, titled: bool, noted: bool) -> None:
    """The CRAAPK panels in their grid: room for the tick labels in millions, the panel titles and months."""
    width, height = figure.get_size_inches()
    rows, columns = figure.axes[0].get_subplotspec().get_gridspec().get_geometry()
    top = TOP + PANEL_TITLE + (TITLE if titled else 0)
    bottom = BOTTOM - 0.2 + (NOTE if noted else 0)
    panel_width = (width - PANEL_LEFT - RIGHT - (columns - 1) * PANEL_GAP_WIDTH) / columns
    panel_height = (height - top - bottom - (rows - 1) * PANEL_GAP_HEIGHT) / rows
    figure.subplots_adjust(left=PANEL_LEFT / width, right=1 - RIGHT / width, top=1 - top / height,
                           bottom=bottom / height, wspace=PANEL_GAP_WIDTH / panel_width,
                           hspace=PANEL_GAP_HEIGHT / panel_height)


def _bars(figure_class, labels: list[str], title: str, height_per_bar: float = 0.55):
    figure = figure_class(figsize=(8, 1.4 + height_per_bar * max(len(labels), 1)))
    axes = figure.add_subplot()
    axes.set_title(title, loc="left", fontsize=11, fontweight="bold")
    axes.set_yticks(range(len(labels)), labels, fontsize=8)
    axes.invert_yaxis()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _capaian(figure_class, result: Result, lang: str):
    text = TEXT[lang]
    nodes, _ = shown_nodes(result, "capaian")
    figure, axes = _bars(figure_class, [_wrap(f"{n.id} {n.name}") for n in nodes], text["capaian"])
    values = [_f(n.capaian) for n in nodes]
    colors = [n.predikat.warna if n.predikat else NEUTRAL for n in nodes]
    axes.barh(range(len(nodes)), [0 if v != v else v for v in values], color=colors, height=0.6)
    top = max([v for v in values if v == v] + [100])
    axes.set_xlim(0, top * 1.18)
    axes.axvline(100, color=TARGET, linewidth=1, linestyle="--")
    for index, node in enumerate(nodes):
        label = f"{persen(node.capaian, lang)} %" if node.capaian is not None else text["tanpa"]
        # past the 100 % line, never across it: a bar short of the target has its label beyond the line
        at = max(values[index], 100) if node.capaian is not None else 0
        axes.annotate(label, (at, index), xytext=(4, 0), textcoords="offset points", va="center", fontsize=8)
    axes.set_xlabel(text["capaian_axis"], fontsize=8)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    used = {n.predikat.skala for n in nodes if n.predikat}
    handles = [Patch(color=band.warna, label=band.label) for scale in result.skala if scale.id in used
               for band in scale.pita]
    if any(n.predikat is None for n in nodes):
        handles.append(Patch(color=NEUTRAL, label=text["tanpa_predikat"]))
    handles.append(Line2D([], [], color=TARGET, linewidth=1, linestyle="--", label=text["target"]))
    _legend(figure, handles)
    return figure


def _legend(figure, handles: list) -> None:
    """What each colour of the chart means, below it (placed by `_place_bars`), in rows of four."""
    figure.legend(handles=handles, loc="lower left", ncol=min(LEGEND_COLUMNS, len(handles)), frameon=False,
                  fontsize=7, handlelength=1.4, columnspacing=1.2, borderaxespad=0)


def _anggaran(figure_class, result: Result, lang: str):
    text = TEXT[lang]
    nodes, _ = shown_nodes(result, "anggaran")
    figure, axes = _bars(figure_class, [_wrap(f"{n.id} {_title(n.name)}") for n in nodes], text["anggaran"])
    positions = range(len(nodes))
    axes.barh(positions, [100] * len(nodes), color=PAGU, height=0.6)
    axes.barh(positions, [_f(n.serapan) for n in nodes], height=0.6,
              color=[n.predikat_serapan.warna if n.predikat_serapan else SPENT for n in nodes])
    for index, node in enumerate(nodes):
        label = (f"{persen(node.serapan, lang)} %\nRp {rupiah(node.realisasi_anggaran, lang)} "
                 f"{text['dari']} Rp {rupiah(node.anggaran, lang)}")
        axes.annotate(label, (100, index), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
    axes.set_xlim(0, 200)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.set_xlabel(text["serapan_axis"], fontsize=8)
    from matplotlib.patches import Patch

    used = {n.predikat_serapan.skala for n in nodes if n.predikat_serapan}
    handles = [Patch(color=PAGU, label=text["pagu"])]
    handles += [Patch(color=band.warna, label=band.label) for scale in result.skala if scale.id in used
                for band in scale.pita]
    if any(n.predikat_serapan is None for n in nodes):
        handles.append(Patch(color=SPENT, label=text["terserap"]))
    _legend(figure, handles)
    return figure


def _craapk(figure_class, result: Result, lang: str):
    from matplotlib.ticker import FuncFormatter

    text = TEXT[lang]
    nodes, _ = shown_nodes(result, "craapk")
    columns = 2 if len(nodes) > 1 else 1
    rows = (len(nodes) + columns - 1) // columns
    height = 0.6 + 2.2 * rows
    figure = figure_class(figsize=(8, height))
    figure.suptitle(text["craapk"] + _years(result, nodes), x=0.01, y=1 - TOP / height, ha="left", va="top",
                    fontsize=11, fontweight="bold")
    millions = FuncFormatter(lambda value, _: _millions(value, lang))
    for index, node in enumerate(nodes):
        axes = figure.add_subplot(rows, columns, index + 1)
        labels = [short_period(lang, p.periode) for p in node.periode]
        axes.plot(labels, [_f(p.target) for p in node.periode], color=PLAN, linestyle="--", marker="o",
                  markersize=3, label=text["rencana"])
        axes.plot(labels, [_f(p.realisasi) for p in node.periode], color=SPENT, marker="o", markersize=3,
                  label=text["realisasi"])
        axes.set_title(_wrap(_title(node.name), 60, 1), fontsize=8, loc="left")
        axes.yaxis.set_major_formatter(millions)
        axes.set_ylabel(text["juta"], fontsize=7)
        axes.tick_params(labelsize=7)
        axes.spines[["top", "right"]].set_visible(False)
        if index == 0:
            axes.legend(fontsize=7, frameon=False)
    return figure


def _millions(value: float, lang: str) -> str:
    """An axis tick in millions of rupiah, with the decimals it needs (at most two)."""
    shown = Decimal(value / 1_000_000).quantize(Decimal("0.01"))
    return angka(shown.normalize() if shown else Decimal(0), None, lang)


SMALL_WORDS = {"dan", "dengan", "di", "yang", "pada", "dari", "untuk", "ke", "atau", "serta", "dalam", "terhadap"}


def _title(name: str) -> str:
    """A program name printed in capitals, in title case with the small words kept small."""
    letters = [ch for ch in name if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return name
    words = name.split(" ")
    return " ".join(w if w != w.upper() else w.lower() if i and w.lower() in SMALL_WORDS
                    else "/".join(part[:1] + part[1:].lower() for part in w.split("/")) for i, w in enumerate(words))


def _years(result: Result, nodes: list[NodeResult]) -> str:
    documents = {n.id: n for n in result.nodes if n.kind == "dokumen"}
    years = sorted({documents[n.dokumen].tahun for n in nodes if n.dokumen in documents and documents[n.dokumen].tahun})
    return f" {', '.join(map(str, years))}" if years else ""
