"""The commands of the way in: `lkjipdsl template` and `lkjipdsl import` (docs/import.md)."""

from __future__ import annotations

from .records import fields as record_fields
import sys

from .diagnostics import Severity, render, shown_path
from .fields import BUDGET_LEVELS
from .i18n import N_, _


def add_parsers(sub) -> None:
    tp = sub.add_parser("template", help=_("write the input workbook planners fill in (.xlsx)"))
    tp.add_argument("-o", "--output", required=True, metavar=_("FILE.xlsx"), help=_("the workbook to write"))
    tp.add_argument("--from", dest="spec", metavar="SPEC", help=_("fill it from this spec"))
    tp.add_argument("--force", action="store_true", help=_("replace the output file even when it is read-only"))
    kind = tp.add_mutually_exclusive_group()
    kind.add_argument("--docx", action="store_true",
                      help=_("write instead a copy of the built-in Word template of the whole LKjIP (lkjip.docx), to "
                             "restyle in Word and use with render --template"))
    kind.add_argument("--narasi", action="store_true",
                      help=_("write instead an empty narrative file (SPEC.narasi.md): every section's heading and "
                             "what to write under it"))

    im = sub.add_parser("import", help=_("a workbook or CSV file (input workbook or realisation export) to a spec"))
    im.add_argument("file", metavar=_("FILE"), help=_("an .xlsx or .csv file"))
    im.add_argument("-o", "--output", metavar="SPEC", help=_("write the spec here (default: standard output)"))
    im.add_argument("--anggaran", choices=("murni", "perubahan"),
                    help=_("which budget of an export (default: perubahan when the export has it)"))
    im.add_argument("--sheet", metavar=_("NAME"), help=_("the sheet of the export to read (default: the first that "
                                                         "has a header)"))
    im.add_argument("--instansi", metavar=_("TEXT"), help=_("the instansi, when the export's title block lacks it"))
    im.add_argument("--tahun", type=int, metavar=_("YEAR"),
                    help=_("the year, when the export's title block lacks it"))
    im.add_argument("--delimiter", metavar=_("CHAR"), help=_("CSV: the delimiter (default: found from the file)"))
    im.add_argument("--encoding", metavar=_("NAME"), help=_("CSV: the encoding (default: UTF-8, else Windows-1252)"))
    im.add_argument("--update", metavar="SPEC", help=_("put the new anggaran, realisasi and monthly figures into "
                                                       "this spec, changing nothing else"))
    im.add_argument("--add", action="store_true", help=_("with --update: add the sub kegiatan the spec lacks"))
    im.add_argument("--force", action="store_true",
                    help=_("write what could be read even when some cells could not (they are listed)"))
    for command in (im,):
        names = ", ".join(f.name for f in record_fields(_limits_class()))
        command.add_argument("--limit", action="append", metavar=_("NAME=VALUE"), default=[],
                             help=_("raise an import limit: {limits}").format(limits=names))


def _limits_class():
    from .limits import ImportLimits  # not importer.sheets: every command builds this parser

    return ImportLimits


def _import_limits(pairs: list[str]):
    cls = _limits_class()
    values = {}
    names = {f.name for f in record_fields(cls)}
    for pair in pairs:
        name, _equals, value = pair.partition("=")
        if name not in names:
            raise ValueError(_("unknown import limit '{name}'; limits: {limits}").format(
                name=name, limits=", ".join(sorted(names))))
        try:
            values[name] = int(value.replace(".", "").replace("_", ""))
        except ValueError:
            raise ValueError(_("--limit {name}: '{value}' is not a whole number").format(name=name, value=value)) \
                from None
        if values[name] <= 0:
            raise ValueError(_("--limit {name}: must be positive").format(name=name))
    return cls(**values)


def import_command(args) -> int:
    from .importer import import_file
    from .render.output import OutputError, destination, emit

    try:
        limits = _import_limits(args.limit)
    except ValueError as exc:
        print(f"lkjipdsl import: {exc}", file=sys.stderr)
        return 2
    if args.update and args.output:
        print("lkjipdsl import: " + _("give either -o (a new spec) or --update (an existing one), not both"),
              file=sys.stderr)
        return 2
    if args.add and not args.update:
        print("lkjipdsl import: " + _("--add goes with --update"), file=sys.stderr)
        return 2
    try:
        where = destination(args.update or args.output, [args.file], args.force)
    except OutputError as exc:
        print(f"lkjipdsl import: {exc}", file=sys.stderr)
        return 2
    written_by_hand = _written_by_hand(where.path) if where.kind == "file" and not args.update else []
    if written_by_hand and not args.force:  # -o typed for --update would lose the planner's own work
        print("lkjipdsl import: " + _("{file} holds {what}, which an import does not write: it is not replaced; "
                                      "fold the export's figures into it with --update {file}, name another file "
                                      "with -o, or give --force to replace it").format(
            file=shown_path(args.output), what=", ".join(written_by_hand)), file=sys.stderr)
        return 2
    from .render.extras import MissingExtra

    try:
        imported = import_file(args.file, args.anggaran, args.sheet, args.delimiter, args.encoding, args.instansi,
                               args.tahun, limits)
    except MissingExtra as exc:
        print(f"lkjipdsl import: {exc}", file=sys.stderr)
        return 2
    for diagnostic in imported.diagnostics:
        print(render(diagnostic), file=sys.stderr)
    errors = sum(d.severity is Severity.ERROR for d in imported.diagnostics)
    if imported.text is None or (errors and not args.force):
        if imported.text is not None:
            said = _("{file}: {errors} error(s); nothing written (--force writes what could be read)")
        else:
            said = _("{file}: {errors} error(s); nothing written")
        print(said.format(file=shown_path(args.file), errors=errors), file=sys.stderr)
        return 1
    if args.update:
        return _update(args, imported, where, errors)
    try:
        emit(imported.text, where, False)
    except OutputError as exc:
        print(f"lkjipdsl import: {exc}", file=sys.stderr)
        return 2
    _summary(imported, args, errors)
    from . import api

    name = shown_path(args.output) if args.output not in (None, "-") else _("standard output")
    written = api.loads(imported.text, name)
    if not written.ok:  # what the file holds cannot be a spec as it is (a negative anggaran, an invisible character)
        _would_not_load(_("{spec}: written, but it does not load as a spec: fix it there, or in {file} and import "
                          "again").format(spec=name, file=shown_path(args.file)), written, {name: imported.text})
        return 1
    return 1 if errors else 0


def _written_by_hand(path: str) -> list[str]:
    """What the spec at `path` holds that only a planner writes (rules, dokumen, ringkasan, pejabat,
    rumus, a scale of its own), counted; [] when there is no such spec there."""
    import os

    from . import api
    from .importer.template import planners_own

    if not os.path.isfile(path) or not path.endswith(".lkj"):
        return []
    own = planners_own(api.load(path).spec)  # by the spec's keywords: the same in either language
    return [f"{own[key]} {key}" for key in ("aturan", "dokumen", "ringkasan", "pejabat", "rumus", "skala") if own[key]]


def _would_not_load(message: str, loaded, sources: dict[str, str], *hints: str) -> None:
    """I304: a spec text that an import made does not load; with the first errors of loading it,
    shown on the text they are about."""
    from .diagnostics import error

    print(render(error("I304", message, None, *hints)), file=sys.stderr)
    for diagnostic in [d for d in loaded.diagnostics if d.is_error][:5]:
        print(render(diagnostic, sources), file=sys.stderr)


def _update(args, imported, where, errors: int) -> int:
    from . import api
    from .importer.update import update
    from .limits import Limits
    from .render.output import OutputError, emit

    shown = shown_path(args.update)
    text = api.read_text(args.update, Limits())
    if isinstance(text, api.LoadedSpec):
        for diagnostic in text.diagnostics:
            print(render(diagnostic, text.sources), file=sys.stderr)
        return 2
    updated = update(text, shown, imported.draft, args.add)
    for diagnostic in updated.diagnostics:
        print(render(diagnostic, {shown: text}), file=sys.stderr)
    if updated.text is None:
        return 1
    if updated.text == text:
        print(_("{spec}: already up to date ({count} figure(s) checked); not rewritten").format(
            spec=shown, count=updated.unchanged), file=sys.stderr)
        return 1 if errors else 0
    again = api.loads(updated.text, shown)
    if not again.ok:  # the export does not fit the spec's shape (monthly figures for a triwulanan periode …)
        _would_not_load(_("{spec}: the figures of {file} would make a spec that does not load; the spec is left "
                          "as it was").format(spec=shown, file=shown_path(args.file)), again, {shown: updated.text},
                        _("bring the spec's shape in line with the export's, or import the export into a new file "
                          "with -o and compare"))
        return 1
    try:
        emit(updated.text, where, False)
    except OutputError as exc:
        print(f"lkjipdsl import: {exc}", file=sys.stderr)
        return 2
    changed = ", ".join(f"{count} {what}" for what, count in updated.changed.items() if count)
    said = [_("{spec} updated from {file}: changed {changed}; {unchanged} unchanged") if changed else
            _("{spec} updated from {file}: changed nothing; {unchanged} unchanged")]
    if updated.added:
        said.append(_("added {count} sub kegiatan").format(count=len(updated.added)))
    if updated.missing_in_spec and not args.add:
        said.append(_("{count} not in the spec (--add adds them)").format(count=len(updated.missing_in_spec)))
    if updated.missing_in_export:
        said.append(_("{count} not in the export").format(count=len(updated.missing_in_export)))
    said[0] = said[0].format(spec=shown, file=shown_path(args.file), changed=changed, unchanged=updated.unchanged)
    print("; ".join(said), file=sys.stderr)
    return 1 if errors else 0


def _summary(imported, args, errors: int) -> None:
    draft = imported.draft
    budget = list(draft.budget())
    counts = {kind: sum(item.kind == kind for item in budget) for kind in BUDGET_LEVELS}
    indikator = sum(len(s.indikator) for s in draft.sasaran)
    target = shown_path(args.output) if args.output not in (None, "-") else _("standard output")
    what = _(_KINDS["isian" if imported.kind == "isian" else "ekspor"])
    said = _("{file} ({what}) → {target}: {sasaran} sasaran, {indikator} indikator, {program} program, "
             "{kegiatan} kegiatan, {subkegiatan} sub kegiatan").format(
        file=shown_path(args.file), what=what, target=target, sasaran=len(draft.sasaran), indikator=indikator,
        program=counts["program"], kegiatan=counts["kegiatan"], subkegiatan=counts["subkegiatan"])
    if errors:
        said += "; " + _("{errors} error(s), the items concerned were left out (--force)").format(errors=errors)
    print(said, file=sys.stderr)


_KINDS = {"isian": N_("input workbook"), "ekspor": N_("realisation export")}


def template_command(args) -> int:
    from . import api
    from .importer.template import write_template
    from .render.output import OutputError, destination, emit

    if args.docx or args.narasi:
        return _report_template(args)

    inputs = [args.spec] if args.spec else []
    try:
        where = destination(args.output, inputs, args.force)
    except OutputError as exc:
        print(f"lkjipdsl template: {exc}", file=sys.stderr)
        return 2
    if where.kind == "stdout" and sys.stdout.isatty():
        print("lkjipdsl template: " + _("refusing to write a workbook to a terminal; give -o FILE.xlsx"),
              file=sys.stderr)
        return 2
    spec = None
    if args.spec:
        loaded = api.load(args.spec)
        if not loaded.ok:
            for diagnostic in loaded.diagnostics:
                if diagnostic.is_error:
                    print(render(diagnostic, loaded.sources), file=sys.stderr)
            print(_("{spec}: the spec has errors; fix them first ('lkjipdsl check')").format(
                spec=shown_path(args.spec)), file=sys.stderr)
            return 1
        spec = loaded.spec
    notes: list[str] = []

    def write(file) -> None:
        notes.extend(write_template(file, spec))

    from .render.extras import MissingExtra

    try:
        emit(write, where, True)
    except (OutputError, MissingExtra) as exc:
        print(f"lkjipdsl template: {exc}", file=sys.stderr)
        return 2
    if notes:
        print(_("note: the workbook has no place for {what}; they stay in the spec "
                "('lkjipdsl import --update' keeps them)").format(what=", ".join(notes)), file=sys.stderr)
    return 0


def _report_template(args) -> int:
    """`template --docx`: the built-in lkjip.docx; `template --narasi`: an empty narrative file."""
    from . import narasi
    from .render.output import OutputError, emit
    from .render.templating import BUILTIN

    if args.docx:
        data = (BUILTIN / "lkjip.docx").read_bytes()
        content, binary = (lambda file: file.write(data)), True
    else:
        content, binary = narasi.skeleton(args.lang or "id"), False
    try:
        emit(content, args.output, binary, [args.spec] if args.spec else [], args.force)
    except OutputError as exc:
        print(f"lkjipdsl template: {exc}", file=sys.stderr)
        return 2
    return 0
