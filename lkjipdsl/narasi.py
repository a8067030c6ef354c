"""The planner's narrative: what the full LKjIP says that the engine cannot know.

Background, legal basis, organisation, causes of success or failure, solutions, conclusions: a
planner writes them in a Markdown file next to the spec (`seririt-2023.lkj` →
`seririt-2023.narasi.md`), one heading per section, in any order:

    ## Latar Belakang
    Sistem laporan kinerja instansi pemerintah dilaksanakan …

    ## Dasar Hukum
    1. Peraturan Presiden Nomor 29 Tahun 2014 …

A heading names a section by its title (with or without its number: `1.1 Latar Belakang`), in
Indonesian or English, or by its key (`latar_belakang`); a heading naming a chapter (`BAB I`) only
groups; a heading of level 3 or deeper (`###`) inside a section is a sub-heading of it, and a `#` or
`##` heading that names no section is reported (N002) and its text left out. HTML comments
(`<!-- … -->`) are the planner's notes and are left out. Paragraphs, lists (`-`, `1.`,
`a.`) and `**bold**` / `*italic*` are read; everything else is text. The narrative is data: every
format escapes it, and it is never a template. A section with no text is shown as a placeholder
("[Isi latar belakang di sini: …]"); `check` notes each (N001).
"""

from __future__ import annotations

import os
import re
import unicodedata
from .records import field, record

from .diagnostics import Diagnostic, Severity, Span, did_you_mean
from .i18n import _
from .patterns import compiled

SUFFIX = ".narasi.md"


@record(frozen=True)
class SectionKind:
    key: str
    titles: dict[str, str]  # by report language
    hints: dict[str, str]  # what to write, shown in the placeholder


def _kind(key: str, title_id: str, title_en: str, hint_id: str, hint_en: str) -> SectionKind:
    return SectionKind(key, {"id": title_id, "en": title_en}, {"id": hint_id, "en": hint_en})


# The sections of the outline (PermenPAN-RB 53/2014) that only the planner can write, in report order
SECTIONS = (
    _kind("kata_pengantar", "Kata Pengantar", "Foreword",
          "ucapan syukur, untuk apa laporan ini disusun, dan harapan atas saran pembaca",
          "thanks, what this report is for, and the hope for the reader's suggestions"),
    _kind("ikhtisar", "Ikhtisar Eksekutif", "Executive Summary",
          "hal penting tahun ini yang tidak tampak dari angka: keberhasilan utama, kendala utama dan langkah "
          "berikutnya", "what matters this year beyond the figures: the main successes, the main obstacles, the "
          "next steps"),
    _kind("latar_belakang", "Latar Belakang", "Background",
          "mengapa LKjIP disusun dan apa kegunaannya bagi instansi",
          "why the LKjIP is written and what it is for"),
    _kind("dasar_hukum", "Dasar Hukum", "Legal Basis",
          "peraturan yang menjadi dasar penyusunan LKjIP (Perpres 29/2014, PermenPAN-RB 53/2014, peraturan daerah)",
          "the regulations the LKjIP rests on (Perpres 29/2014, PermenPAN-RB 53/2014, local regulations)"),
    _kind("maksud_tujuan", "Maksud dan Tujuan", "Purpose",
          "maksud dan tujuan penyusunan LKjIP ini", "what this LKjIP is meant to achieve"),
    _kind("gambaran_umum", "Gambaran Umum", "General Overview",
          "wilayah, kependudukan, tugas pokok dan fungsi instansi",
          "the area, the population, the agency's duties and functions"),
    _kind("struktur_organisasi", "Struktur Organisasi dan Sumber Daya Manusia", "Organisation and Staff",
          "susunan organisasi, jabatan, dan jumlah pegawai menurut status dan pendidikan",
          "the organisation, its positions, and the staff by status and education"),
    _kind("permasalahan_utama", "Permasalahan Utama", "Main Issues",
          "isu strategis dan permasalahan utama yang dihadapi instansi",
          "the strategic issues and main problems the agency faces"),
    _kind("rencana_strategis", "Rencana Strategis", "Strategic Plan",
          "visi, misi, tujuan dan sasaran dalam Renstra", "the vision, mission, goals and objectives of the Renstra"),
    _kind("penyebab", "Analisis Penyebab Keberhasilan atau Kegagalan", "Causes of Success or Failure",
          "mengapa setiap sasaran tercapai atau belum, dan mengapa kinerja naik atau turun dibanding tahun lalu",
          "why each objective was or was not met, and why performance rose or fell since last year"),
    _kind("solusi", "Alternatif Solusi", "Solutions",
          "langkah yang telah dan akan dilakukan untuk mengatasi kendala",
          "what was and will be done about the obstacles"),
    _kind("simpulan", "Simpulan", "Conclusion",
          "kesimpulan atas kinerja tahun ini", "the conclusion on this year's performance"),
    _kind("perbaikan", "Langkah Perbaikan ke Depan", "Next Steps",
          "rencana perbaikan untuk tahun berikutnya", "the improvements planned for next year"),
)
BY_KEY = {kind.key: kind for kind in SECTIONS}

PLACEHOLDER = {"id": "[Isi {judul} di sini: {isi}.]", "en": "[Write the {judul} here: {isi}.]"}
PLACEHOLDER_MARK = compiled(r"\[(Isi|Write) [^\]]* (di sini|here)\b")

# Headings that only group sections: the chapters
CHAPTERS = {"bab i", "bab ii", "bab iii", "bab iv", "pendahuluan", "perencanaan kinerja", "akuntabilitas kinerja",
            "penutup", "lampiran", "chapter i", "chapter ii", "chapter iii", "chapter iv", "introduction",
            "performance planning", "performance accountability", "closing", "appendices"}
# Other names planners give a section
ALIASES = {"ringkasan eksekutif": "ikhtisar", "executive summary": "ikhtisar", "ikhtisar": "ikhtisar",
           "maksud dan tujuan penyusunan": "maksud_tujuan", "tujuan": "maksud_tujuan",
           "struktur organisasi": "struktur_organisasi",
           "isu strategis": "permasalahan_utama", "permasalahan": "permasalahan_utama",
           "renstra": "rencana_strategis", "analisis penyebab": "penyebab", "solusi": "solusi",
           "kesimpulan": "simpulan", "langkah perbaikan": "perbaikan", "rekomendasi": "perbaikan"}


def _normal(text: str) -> str:
    """A heading as it is matched: lower case, without its numbering, punctuation and extra spaces."""
    text = unicodedata.normalize("NFKC", text).lower().replace("_", " ").replace("-", " ")
    text = re.sub(r"^\s*bab\s+[ivx]+\s+(?=\D)", "", text)  # "BAB I PENDAHULUAN": the chapter's name
    text = re.sub(r"^\s*(\d+(\.\d+)*\.?|[a-z]\.|\([a-z0-9]+\)|[ivx]+\.)\s+", "", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def _names() -> dict[str, str]:
    names = dict(ALIASES)
    for kind in SECTIONS:
        names[_normal(kind.key)] = kind.key
        for title in kind.titles.values():
            names[_normal(title)] = kind.key
    return names


NAMES = _names()


# ---- what the file holds ----
@record(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@record(frozen=True)
class Block:
    """A paragraph (`kind` "p"), a sub-heading ("h"), or a list item ("li", with its `marker`:
    "•" for a bullet, "1." or "a." as written)."""

    kind: str
    runs: tuple[Run, ...]
    marker: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@record
class Section:
    """One section of the narrative in the report's language: its title, its blocks (none: a placeholder)."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    placeholder_text: str = ""
    line: int = 0  # the heading's line in the narrative file (0: not in the file)

    @property
    def placeholder(self) -> bool:
        return not self.blocks or any(PLACEHOLDER_MARK.search(block.text) for block in self.blocks)

    @property
    def paragraphs(self) -> list[str]:
        """Each block as one line of text (a list item with its marker): what a Word template loops over."""
        if not self.blocks:
            return [self.placeholder_text]
        return [f"{block.marker} {block.text}" if block.marker else block.text for block in self.blocks]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def html(self):
        from .render.narasi_formats import section_html

        return section_html(self)

    @property
    def markdown(self):
        from .render.narasi_formats import section_markdown

        return section_markdown(self)


class Narasi:
    """The sections by key (`narasi.latar_belakang`, `narasi["penyebab"]`), each a Section; `missing`
    lists the keys still placeholders; `file` is the narrative file read (None: there was none)."""

    def __init__(self, sections: dict[str, Section], file: str | None):
        self._sections, self.file = sections, file

    def __getattr__(self, key: str) -> Section:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self._sections[key]
        except KeyError:
            raise AttributeError(key) from None

    def __getitem__(self, key: str) -> Section:
        return self._sections[key]

    def __iter__(self):
        return iter(self._sections.values())

    @property
    def missing(self) -> list[str]:
        return [key for key, section in self._sections.items() if section.placeholder]


# ---- reading ----
_COMMENT = compiled(r"<!--.*?-->", re.DOTALL)
_HEADING = compiled(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = compiled(r"^\s*([-*+•]|\d{1,3}[.)]|[a-zA-Z][.)])\s+(.*)$")
_EMPHASIS = compiled(r"\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)(?<!\s)\*")


def _runs(text: str) -> tuple[Run, ...]:
    runs, at = [], 0
    for match in _EMPHASIS.finditer(text):
        if match.start() > at:
            runs.append(Run(text[at:match.start()]))
        bold = match.group(1) or match.group(2)
        runs.append(Run(bold, bold=True) if bold else Run(match.group(3), italic=True))
        at = match.end()
    if at < len(text):
        runs.append(Run(text[at:]))
    return tuple(runs)


def path_for(spec_path: str) -> str:
    """The narrative file of a spec: the spec's name with `.narasi.md` for `.lkj`."""
    base = spec_path[:-4] if spec_path.lower().endswith(".lkj") else spec_path
    return base + SUFFIX


def parse(text: str, file: str, lang: str = "id") -> tuple[Narasi, list[Diagnostic]]:
    """The sections of a narrative file's text, and what is wrong with it (headings naming no section,
    sections given twice, text before the first heading)."""
    found: dict[str, tuple[int, list[Block]]] = {}
    diagnostics: list[Diagnostic] = []
    current: list[Block] | None = None
    paragraph: list[str] = []
    stray_line = 0
    seen_heading = False

    def flush() -> None:
        if paragraph:
            joined = " ".join(part.strip() for part in paragraph)
            if current is not None:
                current.append(Block("p", _runs(joined)))
            paragraph.clear()

    # HTML comments are the planner's notes: left out, their lines kept so that line numbers hold
    text = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), text)
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        heading = _HEADING.match(line)
        if heading:
            flush()
            seen_heading = True
            title = heading.group(2)
            if current is not None and len(heading.group(1)) >= 3:  # a sub-heading of the section it is in
                current.append(Block("h", _runs(title)))
                continue
            name = _normal(title)
            key = NAMES.get(name)
            if key is not None:
                if key in found:
                    diagnostics.append(_duplicate(file, number, line, title, found[key][0]))
                    current = found[key][1]
                else:
                    current = []
                    found[key] = (number, current)
            elif name in CHAPTERS:
                current = None
            else:  # a section's heading misspelt, most likely: its text must not land in the section above
                diagnostics.append(_unknown(file, number, line, title))
                current = None
            continue
        if not line.strip():
            flush()
            continue
        item = _ITEM.match(line)
        if item and not (item.group(1)[0].isalpha() and paragraph):  # "a. " starts an item, not mid-paragraph
            flush()
            if current is not None:
                marker = "•" if item.group(1) in "-*+•" else item.group(1)
                current.append(Block("li", _runs(item.group(2).strip()), marker))
            elif not (stray_line or seen_heading):
                stray_line = number
            continue
        if current is None and not (stray_line or seen_heading):
            stray_line = number
        if current is not None and paragraph == [] and current and current[-1].kind == "li" and line[:1].isspace():
            last = current.pop()  # an indented line continues the list item above it
            current.append(Block("li", _runs(last.text + " " + line.strip()), last.marker))
            continue
        paragraph.append(line)
    flush()
    if stray_line:
        diagnostics.append(_stray(file, stray_line, text.split("\n")[stray_line - 1]))
    sections = {}
    for kind in SECTIONS:
        title = kind.titles[lang]
        line, blocks = found.get(kind.key, (0, []))
        sections[kind.key] = Section(kind.key, title, blocks,
                                     PLACEHOLDER[lang].format(judul=title.lower(), isi=kind.hints[lang]), line)
    return Narasi(sections, file), diagnostics


def skeleton(lang: str = "id") -> str:
    """An empty narrative file: every section's heading, under its chapter, with what to write as a comment."""
    chapters = {"id": {"latar_belakang": "# BAB I PENDAHULUAN", "rencana_strategis": "# BAB II PERENCANAAN KINERJA",
                       "penyebab": "# BAB III AKUNTABILITAS KINERJA", "simpulan": "# BAB IV PENUTUP"},
                "en": {"latar_belakang": "# CHAPTER I INTRODUCTION", "rencana_strategis": "# CHAPTER II PERFORMANCE "
                       "PLANNING", "penyebab": "# CHAPTER III PERFORMANCE ACCOUNTABILITY",
                       "simpulan": "# CHAPTER IV CLOSING"}}[lang]
    out = []
    for kind in SECTIONS:
        if kind.key in chapters:
            out += [chapters[kind.key], ""]
        out += [f"## {kind.titles[lang]}", "", f"<!-- {kind.hints[lang]} -->", ""]
    return "\n".join(out)


def empty(lang: str = "id") -> Narasi:
    """Every section a placeholder: the narrative of a spec without a narrative file."""
    return parse("", "", lang)[0]


def load(spec_path: str | None, lang: str = "id", narasi_path: str | None = None,
         max_bytes: int = 8 * 1024 * 1024) -> tuple[Narasi, list[Diagnostic], dict[str, str]]:
    """The narrative of a spec (from `narasi_path`, else the file next to the spec when there is one),
    its diagnostics, and its text by file name (for showing them). No file: every section a placeholder."""
    path = narasi_path or (path_for(spec_path) if spec_path and os.path.isfile(path_for(spec_path)) else None)
    if path is None:
        return empty(lang), [], {}
    from .diagnostics import os_reason

    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return empty(lang), [_unreadable(path, os_reason(exc))], {}
    if len(data) > max_bytes:
        return empty(lang), [_unreadable(path, _("it is larger than {limit} bytes").format(limit=max_bytes))], {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return empty(lang), [_unreadable(path, _("it is not UTF-8 text (byte {offset})").format(
            offset=exc.start))], {}
    if "\x00" in text:
        return empty(lang), [_unreadable(path, _("it contains a NUL byte (a binary file?)"))], {}
    narasi, diagnostics = parse(text, path, lang)
    return narasi, diagnostics, {path: text}


def diagnostics_for_check(spec_path: str, max_bytes: int = 8 * 1024 * 1024) -> tuple[list[Diagnostic], dict]:
    """What `check` says about a spec's narrative file: nothing when there is none (the planner does
    not write the full report); else its problems, and one note per section still a placeholder."""
    path = path_for(spec_path)
    if not os.path.isfile(path):
        return [], {}
    narasi, diagnostics, sources = load(spec_path, "id", path, max_bytes)
    if path not in sources:
        return diagnostics, sources
    lines = sources[path].split("\n")
    absent = []
    for section in narasi:
        if not section.placeholder:
            continue
        title = BY_KEY[section.key].titles["id"]
        if section.line:
            heading = lines[section.line - 1]
            diagnostics.append(Diagnostic(
                "N001", Severity.INFO, _("section '{title}' has no text of its own yet: the report shows a "
                                         "placeholder there").format(title=title),
                Span.point(path, section.line, 1, len(heading.rstrip())),
                (_("write its text under this heading"),)))
        else:
            absent.append(title)
    if absent:
        # at the end of the file, where a heading can be added
        last = next((number for number in range(len(lines), 0, -1) if lines[number - 1].strip()), 0) + 1
        diagnostics.append(Diagnostic(
            "N001", Severity.INFO, _("no heading for {sections}: the report shows placeholders there").format(
                sections=", ".join(f"'{title}'" for title in absent)),
            Span.point(path, last, 1),
            (_("add a heading such as '## {title}' followed by its text").format(title=absent[0]),)))
    return diagnostics, sources


# ---- diagnostics ----
def _span(file: str, line: int, text: str) -> Span:
    start = len(text) - len(text.lstrip())
    return Span(file, line, start + 1, line, max(len(text.rstrip()) + 1, start + 2))


def _unknown(file: str, line: int, text: str, title: str) -> Diagnostic:
    titles = [kind.titles["id"] for kind in SECTIONS] + [kind.titles["en"] for kind in SECTIONS]
    hint = did_you_mean(title, titles) or _("sections: {titles}").format(
        titles=", ".join(kind.titles["id"] for kind in SECTIONS))
    return Diagnostic("N002", Severity.WARNING,
                      _("heading '{title}' names no section of the report; its text is not placed").format(
                          title=title), _span(file, line, text), (hint,))


def _stray(file: str, line: int, text: str) -> Diagnostic:
    return Diagnostic("N002", Severity.WARNING, _("text before the first section heading is not placed"),
                      _span(file, line, text), (_("put it under a heading that names its section, such as "
                                                  "'## Latar Belakang'"),))


def _duplicate(file: str, line: int, text: str, title: str, first: int) -> Diagnostic:
    return Diagnostic("N003", Severity.WARNING,
                      _("section '{title}' again (first on line {first}): its text is added to the first").format(
                          title=title, first=first), _span(file, line, text))


def _unreadable(path: str, reason: str) -> Diagnostic:
    return Diagnostic("N004", Severity.ERROR, _("cannot read the narrative file {file}: {reason}").format(
        file=path, reason=reason), Span.point(path, 1, 1), (_("save it as UTF-8 text (Markdown)"),))
