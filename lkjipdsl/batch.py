"""Many specs at once: `lkjipdsl check` and `eval` over files and folders, on every core.

A Bappeda evaluates all its perangkat daerah together. Each spec is loaded, evaluated and
rendered in a worker process; results come back as text and one roll-up row per spec, printed
in the order the files were named. A broken spec yields its diagnostics and does not stop the
others. On a terminal, a progress line shows how far the run is.
"""

from __future__ import annotations

import os
import sys
from .records import field, record
from decimal import Decimal
from pathlib import Path

from . import api, i18n
from .diagnostics import USAGE_CODES, Diagnostic, Severity, render, shown_path, sort_key
from .spec_files import expand  # noqa: F401  (batch.expand: the files of check, eval and fmt)
from .assemble import has_blocking
from .format import display_rounding
from .results import picked, span_of
from .i18n import N_, _
from .limits import Limits
from .render.table import Table, money, percent
from .render.tables import assertion_message
from .results import DISAGREEMENT_KINDS


@record
class Outcome:
    """What checking one spec gave: its exit code, the text to print and its roll-up row."""

    path: str
    code: int
    text: str
    row: dict = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # what `text` shows, as data (--format json, sarif)

    def summary(self) -> Outcome:
        """The outcome without its text and diagnostics: what a roll-up and the overall count read,
        kept for every spec of a run over thousands of them once its text has been printed."""
        return Outcome(self.path, self.code, "", self.row)


def check_one(path: str, errors_only: bool = False, limits: Limits | None = None) -> Outcome:
    """Load, evaluate and describe one spec, as `lkjipdsl check` prints it."""
    loaded = api.load(path, limits=limits or Limits())
    usage = any(d.code in USAGE_CODES for d in loaded.diagnostics)
    result = api.evaluate(loaded, limits=limits or Limits()) if loaded.ok and not usage else None
    with api.gc_paused():  # thousands of lines made while the whole result is alive: no collections
        return describe(path, loaded, result, errors_only)


def describe(path: str, loaded: api.LoadedSpec, result, errors_only: bool = False) -> Outcome:
    """What `lkjipdsl check` prints for a loaded spec and its result (None when not evaluated)."""
    if any(d.code in USAGE_CODES for d in loaded.diagnostics):
        return Outcome(path, 2, "\n".join(render(d, loaded.sources) for d in loaded.diagnostics),
                       {"file": shown_path(path), "errors": sum(d.is_error for d in loaded.diagnostics)},
                       list(loaded.diagnostics))
    problems = list(loaded.diagnostics)
    failed = 0
    if loaded.ok and result is not None:
        problems = [as_diagnostic(d) for d in result.diagnostics]
        with display_rounding(result.spec.pembulatan):  # the computed figures as the report shows them
            problems += [_assertion_diagnostic(a) for a in result.failed_assertions]
            problems += [_rounding_note(a) for a in picked(result, "assertions", _agrees_with_a_note)]
        problems += [_finding_diagnostic(f) for f in result.findings]
        failed = len(result.failed_assertions)
        blocking = has_blocking(result)
    else:
        blocking = True
    # the narrative of the full report, when the planner writes one beside the spec (lkjipdsl.narasi)
    from . import narasi

    story, story_sources = narasi.diagnostics_for_check(path)
    problems += story
    blocking = blocking or any(d.is_error for d in story)
    sources = {**loaded.sources, **story_sources} if story_sources else loaded.sources
    problems.sort(key=sort_key)
    shown = [d for d in problems if not (errors_only and not d.is_error)]
    lines = [render(d, sources) for d in shown]
    errors = sum(d.is_error for d in problems) - failed
    warnings = sum(not d.is_error for d in problems)
    lines.append(_("{file}: {errors} error(s), {failed} printed figure(s) that disagree, "
                   "{warnings} warning(s) and notes").format(file=shown_path(path), errors=errors, failed=failed,
                                                             warnings=warnings))
    row = _row(path, result, errors, failed)
    row["warnings"] = warnings
    return Outcome(path, 1 if blocking else 0, "\n".join(lines), row, shown)


def _row(path: str, result, errors: int, failed: int) -> dict:
    row = {"file": shown_path(path), "errors": errors, "disagreements": failed}
    if result is None or not result.nodes:
        return row
    total = result.node("total")
    row.update({
        "instansi": result.spec.instansi, "anggaran": total.anggaran, "realisasi": total.realisasi_anggaran,
        "serapan": total.serapan, "capaian": total.capaian_kinerja,
        "predikat": total.predikat.label if total.predikat else None,
        "findings": sum(f.severity == "error" for f in result.findings),
    })
    return row


def as_diagnostic(d) -> Diagnostic:
    return Diagnostic(d.code, Severity(d.severity), d.message, span_of(d.location), tuple(d.hints))


def _assertion_diagnostic(a) -> Diagnostic:
    malformed = a.printed is None and a.printed_text.strip() not in ("-", "")
    code = "A003" if a.computed_text is not None else "A002" if malformed else "A001"
    return Diagnostic(code, Severity.ERROR, assertion_message(a), span_of(a.location),
                      (_("kind: {kind} — {meaning}").format(kind=a.kind, meaning=_(DISAGREEMENT_KINDS[a.kind])),)
                      if a.kind else ())


def _agrees_with_a_note(assertion) -> bool:
    """A printed figure that agrees, with a note: within the rounding of a printed input."""
    return assertion.ok and bool(assertion.note)


def _rounding_note(a) -> Diagnostic:
    """A printed figure that agrees only within the rounding of a printed input (`dibulatkan`)."""
    return Diagnostic("A004", Severity.INFO, f"{assertion_message(a.model_copy(update={'note': None}))}; {a.note}",
                      span_of(a.location))


def _finding_diagnostic(f) -> Diagnostic:
    return Diagnostic(f.rule, Severity(f.severity), f.message, span_of(f.location))


def _check_job(job: tuple[str, bool, Limits, str, bool]) -> Outcome:
    path, errors_only, limits, lang, with_diagnostics = job
    with i18n.using(lang):  # a worker process does not inherit the language chosen by --lang
        try:
            outcome = check_one(path, errors_only, limits)
            if not with_diagnostics:  # not sent back from a worker only to be dropped
                outcome.diagnostics = []
            return outcome
        except Exception as exc:  # a bug in one spec's run must not stop the others
            shown = shown_path(path)
            return Outcome(path, 3, _("{file}: internal error: {problem}").format(
                file=shown, problem=f"{type(exc).__name__}: {exc}"), {"file": shown})


def run(paths: list[str], errors_only: bool = False, limits: Limits | None = None, jobs: int | None = None,
        progress=None, lang: str | None = None, diagnostics: bool = True):
    """Check every spec; yields Outcomes in the order of `paths`. jobs=1 runs in this process.
    Messages are in `lang` (default: the language in force). diagnostics=False: the outcomes carry
    their text but not the Diagnostic records it shows (for a caller that only prints it)."""
    limits = limits or Limits()
    lang = lang or i18n.language()
    work = [(path, errors_only, limits, lang, diagnostics) for path in paths]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if jobs == 1:
        for index, job in enumerate(work, 1):
            outcome = _check_job(job)
            if progress:
                progress(index, len(work), job[0])
            yield outcome
        return
    from concurrent.futures import ProcessPoolExecutor  # imported only for several specs: one does not need it

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for index, outcome in enumerate(pool.map(_check_job, work, chunksize=1), 1):
            if progress:
                progress(index, len(work), outcome.path)
            yield outcome


def terminal_progress(stream=sys.stderr):
    """A one-line progress display for terminals; None (no display) when `stream` is not a tty.
    Its `clear()` wipes the line, for text printed between two updates."""
    if not stream.isatty():
        return None
    width = 24

    def clear() -> None:
        stream.write("\r" + " " * (width + 50) + "\r")
        stream.flush()

    def show(done: int, total: int, path: str) -> None:
        filled = width * done // total
        name = shown_path(Path(path).name)[:40]
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done == total:
            stream.write("\r" + " " * (width + 50) + "\r")
        stream.flush()

    show.clear = clear
    return show


ROLLUP_HEADINGS = (N_("Spec"), N_("Agency"), N_("Budget (Rp)"), N_("Spent (Rp)"), N_("Absorption (%)"),
                   N_("Achievement (%)"), N_("Rating"), N_("Errors"), N_("Disagreeing figures"), N_("Findings"))


def rollup_table(outcomes: list[Outcome], lang: str | None = None) -> Table:
    """One row per spec: anggaran, realisasi, serapan, mean capaian and predikat, what was found;
    its headings and numbers in `lang` (default: the language in force)."""
    lang = lang or i18n.language()
    with i18n.using(lang):
        table = Table("rekap", _("Roll-up"), [_(heading) for heading in ROLLUP_HEADINGS],
                      ["left", "left", "right", "right", "right", "right", "left", "right", "right", "right"])
    for outcome in outcomes:
        row = outcome.row
        # number cells keep their values beside the text: a CSV of the roll-up writes them as numbers
        table.add([row.get("file", outcome.path), row.get("instansi") or "",
                   money(row.get("anggaran"), lang), money(row.get("realisasi"), lang),
                   percent(row.get("serapan"), lang), percent(row.get("capaian"), lang),
                   row.get("predikat") or "", str(row.get("errors", "")), str(row.get("disagreements", "")),
                   str(row.get("findings", "")) if "findings" in row else ""])
    if len(outcomes) > 1:
        total = grand_total(outcomes)
        with i18n.using(lang):
            label = _("Total")
        table.add([label, "", money(total["anggaran"], lang), money(total["realisasi"], lang),
                   percent(total["serapan"], lang), "", "", str(total["errors"]), str(total["disagreements"]),
                   str(total["findings"])])
    return table


def grand_total(outcomes: list[Outcome]) -> dict:
    """The roll-up's grand total: the number of specs; the sums of anggaran, realisasi and of what
    was found; and the serapan of the sums (realisasi / anggaran × 100, not a mean of the specs'
    serapan). A spec without a figure adds nothing to its sum; no spec with one: None."""
    rows = [outcome.row for outcome in outcomes]

    def added(key: str):
        present = [row[key] for row in rows if row.get(key) is not None]
        return sum(present, Decimal(0)) if present else None

    anggaran, realisasi = added("anggaran"), added("realisasi")
    serapan = realisasi / anggaran * 100 if anggaran and realisasi is not None else None
    counts = {key: sum(row.get(key) or 0 for row in rows) for key in ("errors", "disagreements", "warnings",
                                                                         "findings")}
    return {"specs": len(outcomes), "anggaran": anggaran, "realisasi": realisasi, "serapan": serapan, **counts}


def overall(outcomes: list[Outcome]) -> str:
    """One line for a run over several specs: how many, and what was found in them all."""
    total = grand_total(outcomes)
    return _("In all: {specs} spec(s), {errors} error(s), {failed} printed figure(s) that disagree, "
             "{warnings} warning(s) and notes").format(specs=total["specs"], errors=total["errors"],
                                                       failed=total["disagreements"], warnings=total["warnings"])
