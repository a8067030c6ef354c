"""The teaching examples (examples/*.lkj) compute the figures their comments derive by hand.

Each expected value below was worked out by hand (the derivation is in the example's comments)
and is compared as a Decimal rounded half-up to 2 places, the way the reports print it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

import lkjipdsl

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SPECS = sorted(EXAMPLES.glob("*.lkj"))


def r2(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def run(name: str):
    loaded = lkjipdsl.load(EXAMPLES / name)
    assert loaded.ok, [f"{d.code} {d.message}" for d in loaded.diagnostics]
    result = lkjipdsl.evaluate(loaded)
    assert not result.has_errors, [f"{d.code} {d.message}" for d in result.diagnostics]
    return result


def test_the_examples_are_there():
    names = {p.name for p in SPECS}
    assert names >= {"dua-polaritas.lkj", "rentang.lkj", "sasaran-berbobot.lkj", "aturan-serapan.lkj",
                     "asersi-gagal.lkj", "rencana-aksi.lkj"}


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_example_has_no_warnings_and_only_the_intended_failures(path):
    result = run(path.name)
    assert not result.diagnostics, [f"{d.code} {d.message}" for d in result.diagnostics]
    if path.name != "asersi-gagal.lkj":
        assert not result.failed_assertions


def test_dua_polaritas():
    result = run("dua-polaritas.lkj")
    assert r2(result.node("IKM").capaian) == Decimal("102.53")      # 97,4 / 95 × 100
    assert r2(result.node("AKB").capaian) == Decimal("184.75")      # (64 − 4,88) / 32 × 100
    assert r2(result.node("AKI").capaian) == Decimal("60.40")       # (150 − 104,7) / 75 × 100
    assert result.node("AKB").capaian == Decimal("184.75")          # exact, not only when rounded
    assert result.node("AKB").predikat.label == "Sangat Tinggi"
    assert result.node("AKI").predikat.label == "Rendah"
    assert result.node("IKM").predikat.label == "Sangat Tinggi"
    assert result.node("S2").capaian == Decimal("122.575")          # (184,75 + 60,40) / 2
    assert r2(result.node("S2").capaian) == Decimal("122.58")       # half-up
    assert len(result.assertions) == 4 and all(a.ok for a in result.assertions)


def test_rentang():
    result = run("rentang.lkj")
    assert r2(result.node("R1").capaian) == Decimal("102.22")       # above: 92 / 90
    assert r2(result.node("R2").capaian) == Decimal("87.50")        # below: 70 / 80
    assert result.node("R3").capaian == Decimal("100")              # inside
    assert r2(result.node("S1").capaian) == Decimal("96.57")        # 289,72… / 3
    assert result.node("R1").target == Decimal("80") and result.node("R1").target_atas == Decimal("90")


def test_sasaran_berbobot():
    result = run("sasaran-berbobot.lkj")
    assert result.node("DOK").capaian == Decimal("104")
    assert result.node("TEMUAN").capaian == Decimal("85")
    assert result.node("LAP").capaian == Decimal("75")
    assert r2(result.node("S1").capaian) == Decimal("90.29")        # 632 / 7
    assert r2(result.node("S1").capaian * 7) == Decimal("632.00")
    assert r2(result.node("rata_biasa").nilai) == Decimal("88.00")  # 264 / 3, for contrast
    printed = [a for a in result.assertions if a.node_id == "S1"]
    assert [(a.printed_text, a.ok) for a in printed] == [("90,29", True)]


def test_aturan_serapan():
    result = run("aturan-serapan.lkj")
    # a parent's serapan is the ratio of its sums, not the mean of its children's percentages
    assert r2(result.node("1.4").capaian_anggaran) == Decimal("71.16")
    assert result.node("1.4").anggaran == Decimal("256774593")
    assert result.node("1.4").realisasi_anggaran == Decimal("182722238")
    children = [n for n in result.nodes if n.parent_id == "1.4"]
    assert len(children) == 6
    mean = sum(r2(n.capaian_anggaran) for n in children) / 6
    assert mean == Decimal("76.415")
    assert r2(result.node("1.2").capaian_anggaran) == Decimal("99.37")
    findings = [(f.rule, f.node_id, f.severity) for f in result.findings]
    assert findings == [("serapan_rendah", "1.2.4", "warning"), ("serapan_rendah", "1.4.8", "warning")]
    messages = [f.message for f in result.findings]
    assert "serapan 49,93%" in messages[0] and "sisa Rp 744.480 dari pagu Rp 1.486.980" in messages[0]
    assert "serapan 41,66%" in messages[1] and "sisa Rp 7.268.200 dari pagu Rp 12.458.200" in messages[1]


def test_asersi_gagal_fails_exactly_as_intended():
    result = run("asersi-gagal.lkj")
    failed = result.failed_assertions
    assert len(failed) == 1
    (a,) = failed
    assert (a.node_id, a.field, a.printed_text, a.source) == ("1.2", "anggaran", "6.036.019.539", "Tabel 3.1")
    assert a.printed == Decimal("6036019539")
    assert a.computed == Decimal("6036019536")
    assert len(result.assertions) == 3                               # realisasi and serapan agree
    assert r2(result.node("1.2").capaian_anggaran) == Decimal("99.37")


def test_asersi_gagal_check_exits_1():
    done = subprocess.run([sys.executable, "-m", "lkjipdsl.cli", "check", str(EXAMPLES / "asersi-gagal.lkj")],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "A001" in done.stdout and "6.036.019.539" in done.stdout  # what check finds is its output
    ok = subprocess.run([sys.executable, "-m", "lkjipdsl.cli", "check", str(EXAMPLES / "dua-polaritas.lkj")],
                        capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert ok.returncode == 0, ok.stderr


def test_rencana_aksi():
    result = run("rencana-aksi.lkj")
    adm = result.node("ADM")
    assert adm.target == Decimal("100") and adm.realisasi == Decimal("100") and adm.capaian == Decimal("100")
    rakor = result.node("RAKOR")
    assert (rakor.target, rakor.realisasi) == (Decimal("12"), Decimal("9"))
    assert r2(rakor.capaian) == Decimal("75.00")
    assert [r2(p.capaian) if p.capaian is not None else None for p in rakor.periode] == [
        Decimal("100.00"), Decimal("83.33"), Decimal("100.00"), None]
    program = result.node("2")
    months = {p.periode: p for p in program.periode}
    assert len(months) == 12
    assert months["januari"].capaian is None
    assert r2(months["februari"].capaian) == Decimal("62.73")       # 17.706.562 / 28.224.569
    assert r2(months["maret"].capaian) == Decimal("44.39")
    assert r2(months["oktober"].capaian) == Decimal("88.95")        # 114.917.422 / 129.199.225
    assert r2(program.capaian_anggaran) == Decimal("68.57")         # 114.917.422 / 167.594.380
    periode_checks = [a for a in result.assertions if a.source == "periode"]
    assert len(periode_checks) >= 9 and all(a.ok for a in periode_checks)


def test_embed_script_runs():
    done = subprocess.run([sys.executable, str(EXAMPLES / "embed.py")], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "AKB" in done.stdout and "184,75" in done.stdout and "Sangat Tinggi" in done.stdout
    assert "JSON: schema" in done.stdout
    # printed by lkjipdsl.format_value as the report prints it: 97,4 / 95 × 100 = 102,526… → 102,53
    assert "IKM: capaian exact = 102.5263157894736842105263158, printed = 102,53" in done.stdout
    # the capaian table through lkjipdsl.render_report, Markdown: AKB's row, (2 × 32 − 4,88) / 32 × 100
    rows = [[cell.strip() for cell in line.split("|")] for line in done.stdout.splitlines() if line.startswith("|")]
    assert ["", "2.1", "Angka kematian bayi", "per 1.000 kelahiran hidup", "32", "4,88", "184,75", "Sangat Tinggi",
            ""] in rows
    failing = subprocess.run([sys.executable, str(EXAMPLES / "embed.py"), str(EXAMPLES / "asersi-gagal.lkj")],
                             capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert failing.returncode == 1
    assert "FAILED" in failing.stdout and "1.2 anggaran" in failing.stdout
    # 742.500 / 1.486.980 × 100 = 49,933… ; the anggaran in whole rupiah, Indonesian notation
    assert "subkegiatan 1.2.4    serapan    49,93  anggaran 1.486.980" in failing.stdout


def test_json_of_an_example_is_exact():
    result = run("dua-polaritas.lkj")
    data = json.loads(result.model_dump_json())
    node = next(n for n in data["nodes"] if n["id"] == "AKB")
    assert node["capaian"] == "184.75"


def test_editor_script_runs():
    """examples/editor.py edits AKB's realisasi (target 32, minimal) in a Session: (2 × 32 − r) / 32 × 100."""
    done = subprocess.run([sys.executable, str(EXAMPLES / "editor.py")], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "AKB: capaian 184,75 -> 187,50" in done.stdout        # r = 4:   60 / 32
    assert "AKB: capaian 187,50 -> 185,94" in done.stdout        # r = 4,5: 59,5 / 32 = 185,9375
    assert "AKB: capaian 185,94 -> 187,81" in done.stdout        # r = 3,9: 60,1 / 32 = 187,8125
    assert done.stdout.count("1 part(s) read again") == 3
