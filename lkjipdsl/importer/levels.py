"""Which level a budget code stands for, from its shape.

The nomenclature of Kepmendagri 050-5889/2021 writes program `X.XX.XX`, kegiatan `X.XX.XX.X.XX`
and sub kegiatan `X.XX.XX.X.XX.XXXX` (urusan `X` and bidang `X.XX` head groups of programs);
belanja accounts `X.X.XX.XX.XX.XXXX` (`5.1.02.01.01.0024`) and their groups (`5`, `5.1`,
`5.1.02` …) are the detail under a sub kegiatan. Reports and specs also number plainly: `1`,
`1.2`, `1.2.4`.
"""

from __future__ import annotations

from ..patterns import compiled

_CODE = compiled(r"^\d+(?:\.\d+)*$")

# segment lengths of each level
KEPMENDAGRI = {(1, 2, 2): "program", (1, 2, 2, 1, 2): "kegiatan", (1, 2, 2, 1, 2, 4): "subkegiatan"}
HEADINGS = {(1,): "urusan", (1, 2): "bidang"}
ACCOUNT = (1, 1, 2, 2, 2, 4)  # 5.1.02.01.01.0024
PLAIN = {1: "program", 2: "kegiatan", 3: "subkegiatan"}


def shape(code: str) -> tuple[int, ...] | None:
    code = code.strip()
    if not _CODE.match(code):
        return None
    return tuple(len(part) for part in code.split("."))


def level_of(code: str) -> str | None:
    """program, kegiatan or subkegiatan; None when the code fits none."""
    lengths = shape(code)
    if lengths is None:
        return None
    if lengths in KEPMENDAGRI:
        return KEPMENDAGRI[lengths]
    if all(length <= 2 for length in lengths):
        return PLAIN.get(len(lengths))
    return None


_EXPORT_SHAPES = compiled(
    r"(?P<subkegiatan>\d\.\d\d\.\d\d\.\d\.\d\d\.\d{4})|(?P<belanja>\d\.\d\.\d\d\.\d\d\.\d\d\.\d{4})"
    r"|(?P<kegiatan>\d\.\d\d\.\d\d\.\d\.\d\d)|(?P<program>\d\.\d\d\.\d\d)")


def export_level(code: str) -> str | None:
    """As level_of for a finance-system export, which also has heading rows (urusan, bidang) and
    belanja lines (belanja; their groups 5, 5.1 … are "akun"). None: the code fits nothing."""
    common = _EXPORT_SHAPES.fullmatch(code)  # the rows of an export are nearly all of these four: one match
    if common is not None:
        return common.lastgroup
    lengths = shape(code)
    if lengths is None:
        return None
    if lengths in KEPMENDAGRI:
        return KEPMENDAGRI[lengths]
    if lengths == ACCOUNT:
        return "belanja"
    if len(lengths) < len(ACCOUNT) and lengths == ACCOUNT[:len(lengths)] and code.startswith(("4", "5", "6")):
        return "akun"
    if lengths in HEADINGS:
        return HEADINGS[lengths]
    return None


def parent_code(code: str) -> str | None:
    """The code its parent should have (the code with its last part cut; for Kepmendagri codes the
    levels' own cuts), or None for a program."""
    lengths = shape(code)
    if lengths is None:
        return None
    parts = code.split(".")
    if lengths in KEPMENDAGRI:
        cut = {3: None, 5: 3, 6: 5}[len(parts)]
        return ".".join(parts[:cut]) if cut else None
    return ".".join(parts[:-1]) or None
