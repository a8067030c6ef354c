"""`lkjipdsl fmt`: the canonical layout, idempotent, and never a change of meaning."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import lkjipdsl
from lkjipdsl import cli, i18n
from lkjipdsl.fmt import format_source, format_text
from lkjipdsl.render.text import render_json

from spec_strategies import specs

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([*ROOT.glob("specs/*.lkj"), *ROOT.glob("examples/*.lkj"), *ROOT.glob("tests/broken/*.lkj"),
                *ROOT.glob("tests/fuzz_corpus/*.lkj")])


def _docs_specs() -> list[str]:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    return [m.group(1) for m in re.finditer(r"^```lkj\n(.*?)^```", text, re.M | re.S)]


_LINE = re.compile(r"\b(?:line|column) \d+")  # messages that name another place in the file


def meaning(text: str):
    """What a spec says and computes, positions aside: the diagnostics and the whole JSON result
    (in English, where _LINE finds the places a message names)."""
    with i18n.using("en"):
        loaded = lkjipdsl.loads(text, "x.lkj")
        result = lkjipdsl.evaluate(loaded)
        rendered = render_json(result)

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("location", "line", "column", "end_line",
                                                                         "end_column", "span")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        if isinstance(value, str):
            return _LINE.sub("line N", " ".join(value.split()))
        return value

    codes = sorted((d.code, strip(d.message)) for d in loaded.diagnostics
                   if d.code not in ("W210", "W211"))  # odd spaces and line breaks: what fmt writes plainly
    data = strip(json.loads(rendered))
    data["diagnostics"] = [d for d in data.get("diagnostics", []) if d.get("code") not in ("W210", "W211")]
    return codes, data


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_spec_keeps_its_meaning_and_formats_once(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        formatted = format_text(text, path.name)
    except ValueError:  # a file with syntax errors is not formatted
        return
    assert format_source(formatted) == formatted
    assert meaning(formatted) == meaning(text)


def test_every_spec_of_the_docs():
    for text in _docs_specs():
        formatted = format_text(text)
        assert format_source(formatted) == formatted
        assert meaning(formatted) == meaning(text)


@settings(max_examples=int(os.environ.get("LKJIPDSL_FUZZ_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(specs())
def test_generated_specs_keep_their_meaning(text):
    try:
        formatted = format_text(text)
    except ValueError:
        return
    assert format_source(formatted) == formatted
    assert meaning(formatted) == meaning(text)


def test_the_layout():
    text = (
        'instansi  "Kecamatan Contoh";tahun 2023\n\n\n\n'
        'sasaran S1 "Sasaran" {\n'
        '\n'
        '  indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 95; realisasi 97,4 }\n'
        '      indikator I2 "Indikator dua" {  satuan "%"\n'
        '  polaritas minimal   # lebih rendah lebih baik\n'
        '  target 4..6 # rentang\n'
        '  realisasi 5\n'
        '  periode bulanan gabung jumlah { januari 1 1; februari 10 12 }\n'
        '  rumus (target  +  realisasi)/2\n'
        '\n'
        '  }\n'
        '}\n'
        'aturan a "x" { untuk indikator; jika capaian < 100 \\\n'
        '      dan ada(capaian); pesan "{nama}" }\n')
    assert format_text(text) == (
        'instansi "Kecamatan Contoh"\n'
        'tahun 2023\n'
        '\n'
        'sasaran S1 "Sasaran" {\n'
        '    indikator I1 "Indikator" { satuan "%"; polaritas maksimal; target 95; realisasi 97,4 }\n'
        '    indikator I2 "Indikator dua" {\n'
        '        satuan "%"\n'
        '        polaritas minimal  # lebih rendah lebih baik\n'
        '        target 4..6        # rentang\n'
        '        realisasi 5\n'
        '        periode bulanan gabung jumlah { januari 1 1; februari 10 12 }\n'
        '        rumus (target + realisasi)/2\n'
        '    }\n'
        '}\n'
        'aturan a "x" {\n'
        '    untuk indikator\n'
        '    jika capaian < 100 \\\n'
        '        dan ada(capaian)\n'
        '    pesan "{nama}"\n'
        '}\n')


def test_a_periode_block_is_a_table_and_long_one_line_blocks_open():
    text = ('instansi "K"; tahun 2023\nsasaran S1 "S" {\n indikator I1 "I" { satuan "Rp"; polaritas maksimal\n'
            '  periode bulanan gabung terakhir {\n januari 8.861.387 -; pebruari 28.224.569 17.706.562 62,73\n'
            '   maret 39.885.951   17.706.562  }\n'
            '  tercetak target 167.594.380 "CRAAPK yang panjang sekali sehingga baris ini tidak muat dalam seratus '
            'dua puluh kolom"; tercetak realisasi 1 }\n}\n')
    assert format_text(text).split("\n")[6:14] == [
        '        periode bulanan gabung terakhir {',
        '            januari    8.861.387           -',
        '            pebruari  28.224.569  17.706.562  62,73',
        '            maret     39.885.951  17.706.562',
        '        }',
        '        tercetak target 167.594.380 "CRAAPK yang panjang sekali sehingga baris ini tidak muat dalam seratus '
        'dua puluh kolom"',
        '        tercetak realisasi 1',
        '    }']


def test_windows_line_endings_and_a_bom_are_kept():
    text = '\ufeffinstansi "K"\r\ntahun 2023\r\n'
    assert format_text(text) == text


def test_fmt_command(tmp_path, capsys):
    good = tmp_path / "rapi.lkj"
    good.write_text('instansi "K"\ntahun 2023\n', encoding="utf-8")
    messy = tmp_path / "berantakan.lkj"
    messy.write_text('instansi "K";  tahun 2023\n', encoding="utf-8")
    os.chmod(messy, 0o640)
    broken = tmp_path / "rusak.lkj"
    broken.write_text('instansi "K\ntahun 2023\n', encoding="utf-8")
    assert cli.main(["fmt", str(good), str(messy), "--check", "--lang", "en"]) == 1
    assert "would reformat" in capsys.readouterr().err and messy.read_text() == 'instansi "K";  tahun 2023\n'
    assert cli.main(["fmt", str(messy), "--diff"]) == 1
    assert "+tahun 2023" in capsys.readouterr().out
    assert cli.main(["fmt", str(good), str(messy)]) == 0
    assert messy.read_text(encoding="utf-8") == 'instansi "K"\ntahun 2023\n'
    assert stat.S_IMODE(os.stat(messy).st_mode) == 0o640
    assert cli.main(["fmt", str(tmp_path), "--check", "--lang", "en"]) == 1  # the broken one
    err = capsys.readouterr().err
    assert "rusak.lkj: not formatted: it has syntax errors" in err and "error[E002]" in err
    assert broken.read_text(encoding="utf-8") == 'instansi "K\ntahun 2023\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berantakan.lkj", "rapi.lkj", "rusak.lkj"]


def test_a_read_only_spec_is_rewritten_only_with_force(tmp_path, capsys):
    """A read-only spec (a version signed off, say) is left as it is, as --update leaves one; --force
    rewrites it."""
    path = tmp_path / "spec.lkj"
    path.write_text('instansi "K"\ntahun   2023\n', encoding="utf-8")
    os.chmod(path, 0o444)
    assert cli.main(["fmt", str(path), "--lang", "en"]) == 2
    assert "is read-only" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == 'instansi "K"\ntahun   2023\n'
    assert cli.main(["fmt", str(path), "--force", "--lang", "en"]) == 0
    assert path.read_text(encoding="utf-8") == 'instansi "K"\ntahun 2023\n'


def test_a_silencing_comment_stays_with_every_statement_it_silenced():
    # `# lkjipdsl: abaikan W214` silences the warnings of every statement on its line; fmt puts
    # the statements after `;` on lines of their own, and each keeps the directive
    text = ('instansi "X"\ntahun 2023\nsasaran S1 "s" {\n'
            '  indikator I1 "i" { satuan "indeks"; polaritas maksimal\n'
            '    realisasi 3,125; target 3,250 # catatan lama; lkjipdsl: abaikan W214\n'
            '  }\n'
            '  indikator I2 "j" { satuan "indeks"; polaritas maksimal; realisasi 2,125; target 2,250 }'
            '  // lkjipdsl: abaikan W214\n'
            '}\n')
    expected = ('instansi "X"\ntahun 2023\nsasaran S1 "s" {\n'
                '    indikator I1 "i" {\n'
                '        satuan "indeks"\n'
                '        polaritas maksimal\n'
                '        realisasi 3,125  # lkjipdsl: abaikan W214\n'
                '        target 3,250     # catatan lama; lkjipdsl: abaikan W214\n'
                '    }\n'
                '    indikator I2 "j" { satuan "indeks"; polaritas maksimal; realisasi 2,125; target 2,250 }'
                '  // lkjipdsl: abaikan W214\n'
                '}\n')
    formatted = format_text(text)
    assert formatted == expected
    assert format_text(formatted) == formatted
    # without the comment the four numbers are W214 (a comma between three digits reads as a decimal)
    bare = re.sub(r"\s*(#|//) [^\n]*", "", text)
    assert [d.code for d in lkjipdsl.loads(bare, "x.lkj").diagnostics].count("W214") == 4
    for version in (text, formatted):
        assert "W214" not in [d.code for d in lkjipdsl.loads(version, "x.lkj").diagnostics]
    assert meaning(formatted) == meaning(text)


def test_a_repeated_silencing_comment_is_told_from_the_same_comment_elsewhere(tmp_path, capsys):
    """The same directive on an earlier line and on a line fmt splits: the copy fmt adds is checked
    by where it stands, not by its text (the earlier one was discounted instead, and fmt refused
    the file as a bug of its own, exit 3)."""
    text = ('instansi "K"  # lkjipdsl: abaikan W214\ntahun 2023\nprogram 1 "P" {\n'
            ' anggaran 1.000; realisasi 3,125  # lkjipdsl: abaikan W214\n}\n')
    path = tmp_path / "spec.lkj"
    path.write_text(text, encoding="utf-8")
    assert cli.main(["fmt", str(path), "--lang", "en"]) == 0
    assert path.read_text(encoding="utf-8") == (
        'instansi "K"  # lkjipdsl: abaikan W214\ntahun 2023\nprogram 1 "P" {\n'
        '    anggaran 1.000   # lkjipdsl: abaikan W214\n'
        '    realisasi 3,125  # lkjipdsl: abaikan W214\n}\n')
    assert meaning(path.read_text(encoding="utf-8")) == meaning(text)


def test_an_opened_one_line_block_keeps_the_silencing_on_its_first_line():
    long_name = "Indeks kepuasan masyarakat terhadap pelayanan administrasi terpadu kecamatan " * 2
    text = ('instansi "X"\ntahun 2023\nsasaran S1 "s" {\n'
            f'  indikator I1 "{long_name.strip()}" {{ satuan "indeks"; polaritas maksimal; target 3,250 }}'
            '  # lkjipdsl: abaikan W214\n'
            '  indikator I2 "j" { satuan "%"; polaritas maksimal; target 100; realisasi 3,125 }'
            ' # lkjipdsl: abaikan W214\n'
            '}\n')
    formatted = format_text(text)
    lines = formatted.splitlines()
    assert lines[3].startswith('    indikator I1 "Indeks') and lines[3].endswith("{  # lkjipdsl: abaikan W214")
    assert lines[6] == "        target 3,250  # lkjipdsl: abaikan W214"
    assert lines[7] == "    }  # lkjipdsl: abaikan W214"
    for version in (text, formatted):
        assert "W214" not in [d.code for d in lkjipdsl.loads(version, "x.lkj").diagnostics]
    assert meaning(formatted) == meaning(text)
