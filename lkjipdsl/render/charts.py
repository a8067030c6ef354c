"""Charts of the evaluated Result as PNG (matplotlib, the `charts` extra; imported only when used).

Three charts, each drawn from values the Result already holds (nothing is computed here):
- `capaian`: capaian per indikator against the 100 % line, bars in the predikat's colour;
- `anggaran`: realisasi anggaran per program as a share of its pagu, labelled in rupiah;
- `craapk`: the monthly (or quarterly) cumulative realisation against the plan, one panel per
  budget item that has periods (the CRAAPK appendix).
Values become floats only here, at the edge, to be drawn; every label is formatted by format.py.
"""

from __future__ import annotations

import io
import textwrap
from decimal import Decimal

from ..format import angka, persen, rupiah
from ..results import NodeResult, Result

BUDGET_KINDS = ("program", "kegiatan", "subkegiatan")
NEUTRAL = "#6e7781"
PLAN = "#8c959f"
SPENT = "#1f6feb"

TEXT = {
    "id": {"capaian": "Capaian indikator kinerja terhadap target (100 %)",
           "anggaran": "Realisasi anggaran per program (% dari pagu)",
           "craapk": "Realisasi kumulatif terhadap rencana aksi (CRAAPK)",
           "target": "target 100 %", "tanpa": "belum ada realisasi", "dari": "dari",
           "rencana": "rencana (kumulatif)", "realisasi": "realisasi (kumulatif)", "juta": "juta Rp",
           "capaian_axis": "capaian (%)", "serapan_axis": "realisasi terhadap pagu (%)"},
    "en": {"capaian": "Indicator achievement against target (100 %)",
           "anggaran": "Budget realisation per program (% of ceiling)",
           "craapk": "Cumulative realisation against the action plan (CRAAPK)",
           "target": "target 100 %", "tanpa": "no actual yet", "dari": "of",
           "rencana": "plan (cumulative)", "realisasi": "actual (cumulative)", "juta": "million Rp",
           "capaian_axis": "achievement (%)", "serapan_axis": "spent against ceiling (%)"},
}


class MissingExtra(Exception):
    """An optional dependency is not installed: the message names the extra to install."""

    def __init__(self, module: str, extra: str, what: str):
        super().__init__(f"{what} needs the '{module}' package: pip install 'lkjipdsl[{extra}]'")


def _figure_class():
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise MissingExtra("matplotlib", "charts", "charts") from exc
    return Figure, FigureCanvasAgg


def _f(value: Decimal | None) -> float:
    """A Decimal as a float for drawing (NaN for no value): the only float conversion of the charts."""
    return float("nan") if value is None else float(value)


def _wrap(text: str, width: int = 42, lines: int = 2) -> str:
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …"))


def indikator_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "indikator"]


def program_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind == "program" and n.dokumen is None and n.anggaran]


def periode_nodes(result: Result) -> list[NodeResult]:
    return [n for n in result.nodes if n.kind in BUDGET_KINDS and any(p.realisasi is not None for p in n.periode)]


def available(result: Result) -> list[str]:
    """The charts this Result has data for, in report order."""
    wanted = {"capaian": indikator_nodes, "anggaran": program_nodes, "craapk": periode_nodes}
    return [name for name, nodes in wanted.items() if nodes(result)]


def caption(name: str, lang: str = "id") -> str:
    return TEXT[lang][name]


def png(result: Result, name: str, lang: str = "id", dpi: int = 150, title: bool = True) -> bytes:
    """One chart as PNG bytes; title=False leaves the title to the caption of the page it goes on."""
    figure_class, canvas_class = _figure_class()
    figure = {"capaian": _capaian, "anggaran": _anggaran, "craapk": _craapk}[name](figure_class, result, lang)
    if not title:
        figure.suptitle("")
        for axes in figure.axes:
            if axes.get_title(loc="left") == TEXT[lang][name]:
                axes.set_title("", loc="left")
    canvas_class(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()


def _bars(figure_class, labels: list[str], title: str, height_per_bar: float = 0.55):
    figure = figure_class(figsize=(8, 1.4 + height_per_bar * max(len(labels), 1)), layout="constrained")
    axes = figure.add_subplot()
    axes.set_title(title, loc="left", fontsize=11, fontweight="bold")
    axes.set_yticks(range(len(labels)), labels, fontsize=8)
    axes.invert_yaxis()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _capaian(figure_class, result: Result, lang: str):
    text = TEXT[lang]
    nodes = indikator_nodes(result)
    figure, axes = _bars(figure_class, [_wrap(f"{n.id} {n.name}") for n in nodes], text["capaian"])
    values = [_f(n.capaian) for n in nodes]
    colors = [n.predikat.warna if n.predikat else NEUTRAL for n in nodes]
    axes.barh(range(len(nodes)), [0 if v != v else v for v in values], color=colors, height=0.6)
    top = max([v for v in values if v == v] + [100])
    axes.set_xlim(0, top * 1.18)
    axes.axvline(100, color="#1f2328", linewidth=1, linestyle="--")
    axes.annotate(text["target"], (100, 0), xycoords=("data", "axes fraction"), xytext=(3, 3),
                  textcoords="offset points", fontsize=8)
    for index, node in enumerate(nodes):
        label = f"{persen(node.capaian, lang)} %" if node.capaian is not None else text["tanpa"]
        axes.annotate(label, (values[index] if node.capaian is not None else 0, index), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=8)
    axes.set_xlabel(text["capaian_axis"], fontsize=8)
    return figure


def _anggaran(figure_class, result: Result, lang: str):
    text = TEXT[lang]
    nodes = program_nodes(result)
    figure, axes = _bars(figure_class, [_wrap(f"{n.id} {_title(n.name)}") for n in nodes], text["anggaran"])
    positions = range(len(nodes))
    axes.barh(positions, [100] * len(nodes), color="#d0d7de", height=0.6)
    axes.barh(positions, [_f(n.capaian_anggaran) for n in nodes], height=0.6,
              color=[n.predikat_anggaran.warna if n.predikat_anggaran else SPENT for n in nodes])
    for index, node in enumerate(nodes):
        label = (f"{persen(node.capaian_anggaran, lang)} %\nRp {rupiah(node.realisasi_anggaran, lang)} "
                 f"{text['dari']} Rp {rupiah(node.anggaran, lang)}")
        axes.annotate(label, (100, index), xytext=(4, 0), textcoords="offset points", va="center", fontsize=7)
    axes.set_xlim(0, 200)
    axes.set_xticks([0, 25, 50, 75, 100])
    axes.set_xlabel(text["serapan_axis"], fontsize=8)
    return figure


def _craapk(figure_class, result: Result, lang: str):
    from matplotlib.ticker import FuncFormatter

    text = TEXT[lang]
    nodes = periode_nodes(result)
    columns = 2 if len(nodes) > 1 else 1
    rows = (len(nodes) + columns - 1) // columns
    figure = figure_class(figsize=(8, 0.6 + 2.2 * rows), layout="constrained")
    figure.suptitle(text["craapk"] + _years(result, nodes), x=0.01, ha="left", fontsize=11, fontweight="bold")
    millions = FuncFormatter(lambda value, _: _millions(value, lang))
    for index, node in enumerate(nodes):
        axes = figure.add_subplot(rows, columns, index + 1)
        labels = [p.periode[:3].title() for p in node.periode]
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
