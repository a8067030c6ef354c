"""Hostile report templates and hostile specs through templates (docs/security.md, S9 and S11–S12).

* the values a template writes are escaped by its output format, told case-insensitively from
  its name through template suffixes, also for templates it includes or extends;
* spec texts cannot forge Markdown (cells, headings, links, images, raw HTML) in `bab3.md`, nor
  HTML in `bab3.html`;
* every kind of unbounded work ends in a limit diagnostic (T006 output, T007 steps, T008 values
  and numbers), with the template's line, before the work is done: the sizes refused are checked
  against hand-worked formulas, and the work done before stopping is counted, never timed;
* a failing template writes nothing: the output file is not created, the spec is untouched.
"""

from __future__ import annotations

import math

import pytest
from jinja2 import DictLoader

import lkjipdsl
from lkjipdsl import i18n
from lkjipdsl.cli import main
from lkjipdsl.limits import Limits
from lkjipdsl.render import sandbox, templating
from lkjipdsl.render.template_budget import OUTPUT_PER_ITEM, STEPS_PER_ITEM, Budget
from lkjipdsl.render.template_formats import output_format
from lkjipdsl.render.templating import TemplateProblem, render_template
from render_helpers import ROOT

EXAMPLE = ROOT / "examples" / "dua-polaritas.lkj"


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """The limits' messages are pinned here in English (the command's too, through LKJIPDSL_LANG);
    tests/test_i18n_render.py has them in Indonesian."""
    monkeypatch.setenv("LKJIPDSL_LANG", "en")
    with i18n.using("en"):
        yield

HOSTILE_SPEC = r'''instansi "Kecamatan <script>alert(1)</script> | Palsu"
tahun 2023
sasaran S1 "Sasaran\n# Judul Palsu\n![x](http://evil.example/x.png)" {
    indikator IKM "Indeks | Palsu | [tautan](http://evil.example/)" {
        satuan "%"; polaritas maksimal; target 95; realisasi 97,4
    }
}
program 1 "PROGRAM *tebal* _miring_ `kode`" {
    kegiatan 1.2 "Kegiatan\n- butir palsu" {
        subkegiatan 1.2.4 "Sub <img src=x onerror=alert(1)>" { anggaran 1.486.980; realisasi 742.500 }
    }
}
'''


@pytest.fixture(scope="module")
def example():
    return lkjipdsl.evaluate(lkjipdsl.load(EXAMPLE))


@pytest.fixture(scope="module")
def hostile():
    loaded = lkjipdsl.loads(HOSTILE_SPEC, "jahat.lkj")
    assert loaded.ok, loaded.diagnostics
    return lkjipdsl.evaluate(loaded)


def _render(result, folder, text: str, name: str = "laporan.md", limits: Limits | None = None) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return render_template(result, str(folder / name), charts=False, limits=limits)


def _problem(result, folder, text: str, name: str = "laporan.md", limits: Limits | None = None):
    with pytest.raises(TemplateProblem) as info:
        _render(result, folder, text, name, limits)
    assert info.value.exit_code == 1
    return info.value.diagnostic


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


# ---- 1. escaping by output format ----
@pytest.mark.parametrize(("name", "form"), [
    ("x.html", "html"), ("x.HTML", "html"), ("x.Html", "html"), ("x.htm.j2", "html"), ("report.html.j2", "html"),
    ("x.svg", "html"), ("x.xml", "html"), ("x.jinja2", "html"), ("x.tex", "html"), ("laporan", "html"),
    ("x.md", "markdown"), ("x.MD", "markdown"), ("x.markdown", "markdown"), ("x.md.j2", "markdown"),
    ("dir/x.Md.JINJA", "markdown"), ("x.txt", "plain"), ("x.TXT", "plain"), ("x.csv", "plain"),
    ("x.txt.tmpl", "plain"), ("x.html.md", "markdown"), ("x.md.html", "html"),
])
def test_a_templates_format_follows_its_name(name, form):
    assert output_format(name) == form


@pytest.mark.parametrize(("name", "expected"), [
    ("x.HTML", "&lt;b title=&#34;a&#34;&gt; &amp; [t](u) |"),
    ("x.Html", "&lt;b title=&#34;a&#34;&gt; &amp; [t](u) |"),
    ("x.svg", "&lt;b title=&#34;a&#34;&gt; &amp; [t](u) |"),
    ("x.jinja2", "&lt;b title=&#34;a&#34;&gt; &amp; [t](u) |"),
    ("x.htm.j2", "&lt;b title=&#34;a&#34;&gt; &amp; [t](u) |"),
    ("x.MD", '&lt;b title="a"&gt; &amp; \\[t\\](u) \\|'),
    ("x.md.j2", '&lt;b title="a"&gt; &amp; \\[t\\](u) \\|'),
    ("x.txt", '<b title="a"> & [t](u) |'),
])
def test_values_are_escaped_by_output_format(example, tmp_path, name, expected):
    assert _render(example, tmp_path, """{{ '<b title="a"> & [t](u) |' }}""", name) == expected


def test_included_and_extended_templates_escape_by_their_own_format(example, tmp_path):
    (tmp_path / "bagian.HTML").write_text("<i>{{ '<x>' }}</i>", encoding="utf-8")
    (tmp_path / "catatan.txt").write_text("{{ '<y>' }}", encoding="utf-8")
    (tmp_path / "dasar.html").write_text("<p>{{ '<z>' }}</p>{% block isi %}{% endblock %}", encoding="utf-8")
    assert _render(example, tmp_path, "{{ 'a|b' }} {% include 'bagian.HTML' %}") == "a\\|b <i>&lt;x&gt;</i>"
    assert _render(example, tmp_path, "{{ '<w>' }}{% include 'catatan.txt' %}", "x.html") == "&lt;w&gt;<y>"
    text = "{% extends 'dasar.html' %}{% block isi %}{{ 'a|b' }}{% endblock %}"
    assert _render(example, tmp_path, text, "anak.md") == "<p>&lt;z&gt;</p>a\\|b"


def test_markdown_escaping_is_applied_once(example, tmp_path):
    """What a Markdown template wrote (a macro's text, a block's, a filter block's) is not escaped
    again; `|e` (HTML) is still escaped for Markdown; `|safe` is written as it is."""
    text = ("{% macro tebal(x) %}**{{ x }}**{% endmacro %}{% set blok %}{{ 'c_d' }} e_f{% endset %}"
            "{{ tebal('a_b') }}|{{ blok }}|{% filter upper %}{{ 'g_h' }}{% endfilter %}|{{ 'i_j|k'|e }}|"
            "{{ '<u>_</u>'|safe }}|{{ tables.capaian|md_table ~ 'l_m' }}")
    lines = _render(example, tmp_path, text).splitlines()
    assert lines[0] == "**a\\_b**|c\\_d e_f|G\\_H|i\\_j\\|k|<u>_</u>|**Capaian Kinerja Sasaran dan Indikator**"
    assert lines[-1] == "l\\_m"


# ---- 2. spec texts cannot forge Markdown or HTML ----
def _unescaped_pipes(line: str) -> int:
    return sum(1 for i, char in enumerate(line) if char == "|" and (i == 0 or line[i - 1] != "\\"))


def test_spec_texts_cannot_forge_markdown_in_bab3(hostile):
    text = render_template(hostile, "bab3.md", "id", charts=False)
    lines = text.splitlines()
    assert not [line for line in lines if line.startswith(("# Judul", "- butir", "!["))]
    assert "<script" not in text and "<img" not in text and "](http" not in text.replace("\\](http", "")
    assert "#### Sasaran 1: Sasaran # Judul Palsu !\\[x\\](http://evil.example/x.png)" in lines
    assert "#### Program 1: PROGRAM \\*tebal\\* \\_miring\\_ \\`kode\\`" in lines
    assert lines[4].startswith("Pengukuran kinerja Kecamatan &lt;script&gt;alert(1)&lt;/script&gt; \\| Palsu "
                               "tahun 2023 mencakup")
    # every row of a table has as many cells as its header: no forged cell
    table = [line for line in lines if line.startswith("|")]
    header = next(line for line in table if "Sasaran / Indikator" in line)
    rows = table[table.index(header):table.index(header) + 4]
    assert [_unescaped_pipes(row) for row in rows] == [8, 8, 8, 8]
    assert [c.strip() for c in rows[3].replace("\\|", "¦").split("|")][1:3] == [
        "1.1", "Indeks ¦ Palsu ¦ \\[tautan\\](http://evil.example/)"]


def test_spec_texts_cannot_forge_html_in_bab3(hostile):
    page = render_template(hostile, "bab3.html", "id", charts=False)
    assert "<script" not in page and "<img" not in page
    assert "Sub &lt;img src=x onerror=alert(1)&gt;" in page
    assert "Kecamatan &lt;script&gt;alert(1)&lt;/script&gt; | Palsu" in page


# ---- 3. unbounded work: a limit diagnostic before the work is done ----
VALUE = "max_template_value"


@pytest.mark.parametrize(("template", "kind", "size"), [
    ('{{ "x"|center(1500000000) }}', "text", 1_500_000_000),
    ('{{ "ab"|indent(1000000000, true) }}', "text", 2 + 1 * 1_000_000_000),  # one line, indented
    ('{{ "%01000000000d"|format(1) }}', "text", 13 + 1 + 1_000_000_000),  # the form, the digit, the width
    ('{{ "{:>1000000000}".format(1) }}', "text", 1 + 1_000_000_000),
    ('{{ ("\t" * 10).expandtabs(100000000) }}', "text", 10 + 10 * 100_000_000),
    ('{% set s = "x" * 1000000 %}{{ s|replace("x", s) }}', "text", 10**6 + 10**6 * (10**6 - 1)),
    ('{% set s = "x" * 1000000 %}{{ s.translate({120: s}) }}', "text", 10**6 * 10**6),
    # 0 … 99 999 have 488 890 digits; 99 999 separators of a million characters
    ('{{ range(100000)|join("y" * 1000000) }}', "text", 488_890 + 99_999 * 10**6),
    ('{% set s = "x" * 4000000 %}{{ "{0}{0}{0}".format(s) }}', "text", 3 * 4_000_000),
    ('{% set s = "x" * 4000000 %}{{ "%s%s%s" % (s, s, s) }}', "text", 6 + 3 * 4_000_000),
    ("{{ 'x' * 100000000 }}", "text", 100_000_000),
    ("{{ [1, 2] * 10000000 }}", "list", 20_000_000),
    ("{{ [1]|batch(1000000000, 0)|list }}", "list", 1_000_000_000),
    ("{{ [1]|slice(1000000000)|list }}", "list", 1_000_000_000),
    ("{{ range(1000000000)|length }}", "list", 1_000_000_000),
    ("{{ lipsum(100000000) }}", "text", 100_000_000 * 100 * 12),  # paragraphs × at most 100 words × 12
    ('{% set s = "x" * 6000000 %}{{ [s, s] }}', "text", 2 * (6_000_000 + 2) + 2 + 2 * 2),  # a list's text
])
def test_what_an_operation_would_make_is_measured_first(example, tmp_path, template, kind, size):
    d = _problem(example, tmp_path, "satu\n" + template + "\n")
    unit = "characters" if kind == "text" else "items"
    assert (d.code, d.span.line) == ("T008", 2)
    assert d.message == f"this would make a {kind} of {_number(size)} {unit}; the limit is 10 000 000 ({VALUE})"
    assert d.hints == (f"if the report really needs more, raise the limit: lkjipdsl render … --limit {VALUE}={size}, "
                       f"or render_template(…, limits=lkjipdsl.Limits({VALUE}={size}))",)


def test_doubling_a_text_stops_at_the_first_that_is_too_long(example, tmp_path):
    text = ('{% set ns = namespace(s="x", n=0) %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}'
            "{% set ns.n = ns.n + 1 %}{% endfor %}")
    d = _problem(example, tmp_path, text)
    # 2**24 = 16 777 216 is the first length above 10 000 000 (2**23 = 8 388 608 was made)
    assert d.code == "T008" and d.message.startswith("this would make a text of 16 777 216 characters;")


@pytest.mark.parametrize(("template", "digits", "about"), [
    ("{{ 9 ** 99 ** 99 }}", math.floor(99 * 99 * math.log10(9)) + 1, True),  # jinja2's ** is (9**99)**99
    ("{{ 2 ** 100000 }}", math.floor(100000 * math.log10(2)) + 1, True),
    ("{% set ns = namespace(n=9 ** 99) %}{% for i in range(30) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
     math.floor(198 * math.log10(9)) + 1, False),  # 9**198, the first square past 100 digits
    ('{{ ("9" * 200)|int }}', 200, False),
    ("{{ result.node('IKM').target * 10 ** 99 }}", 101, False),  # 95 × 10**99
])
def test_numbers_are_bounded(example, tmp_path, template, digits, about):
    d = _problem(example, tmp_path, template)
    size = f"about {_number(digits)}" if about else _number(digits)
    assert d.code == "T008"
    assert d.message == f"this would make a number of {size} digits; the limit is 100 (max_value_digits)"


def _steps_message(example) -> str:
    allowed = 1_000_000 + STEPS_PER_ITEM * len(example.nodes)
    return (f"rendering stopped here, after too many steps; the limit is {_number(allowed)} (max_template_steps: "
            f"1 000 000, and {_number(STEPS_PER_ITEM)} per item of the spec)")


@pytest.mark.parametrize("template", [
    "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    '{% set s = "x" * 1000000 %}{% for i in range(1000) %}{% for j in range(1000) %}{% if "y" in s %}{% endif %}'
    "{% endfor %}{% endfor %}",
    "{% for a in [[[[[]]]]] * 1000000 recursive %}{{ loop(a) }}{% endfor %}",
    '{% for a in range(100000) %}{{ range(100000)|select("odd")|first }}{% endfor %}',
])
def test_unbounded_work_stops_after_the_steps_allowed(example, tmp_path, template):
    d = _problem(example, tmp_path, "satu\n" + template)
    assert (d.code, d.span.line, d.message) == ("T007", 2, _steps_message(example))


def test_includes_and_imports_in_a_loop_cost_steps(example, tmp_path):
    (tmp_path / "kosong.md").write_text("{% macro x() %}{% endmacro %}", encoding="utf-8")
    for statement in ("{% include 'kosong.md' %}", "{% import 'kosong.md' as k %}", "{% from 'kosong.md' import x %}"):
        text = "{% for a in range(1000) %}{% for b in range(1000) %}" + statement + "{% endfor %}{% endfor %}"
        d = _problem(example, tmp_path, text)
        assert (d.code, d.message) == ("T007", _steps_message(example))


def test_removing_many_tags_costs_steps(example, tmp_path):
    """markupsafe's striptags copies the text once per tag: 300 000 tags in 900 000 characters."""
    d = _problem(example, tmp_path, "{{ ('<a>' * 300000)|striptags }}")
    assert (d.code, d.message) == ("T007", _steps_message(example))
    assert _render(example, tmp_path, "{{ ('<a>x' * 1000)|striptags|length }}") == "1000"


@pytest.mark.parametrize(("template", "attribute", "owner"), [
    ("{{ 'é'.encode('punycode') }}", "encode", "str"),  # punycode takes time growing with the square
    ("{{ result.model_dump_json(indent=1000000000) }}", "model_dump_json", "Result"),
    ("{{ tables.capaian.add(['palsu']) }}", "add", "Table"),
])
def test_methods_a_template_may_not_call(example, tmp_path, template, attribute, owner):
    d = _problem(example, tmp_path, template)
    assert d.code == "T004"
    assert d.message == f"refused by the sandbox: access to attribute '{attribute}' of '{owner}' object is unsafe."


@pytest.mark.parametrize("template", [
    "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",  # too deep for jinja2's parser
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
])
def test_endless_nesting_is_a_diagnostic(example, tmp_path, template):
    d = _problem(example, tmp_path, template)
    assert (d.code, d.span.line) == ("T005", 1)
    assert d.message == "the template nests too deeply, or a macro or include calls itself without end"


def test_the_work_done_before_stopping_is_bounded(example, tmp_path, monkeypatch):
    budgets: list[Budget] = []

    class Counted(Budget):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            budgets.append(self)

    monkeypatch.setattr(templating.sandbox, "Budget", Counted)
    _problem(example, tmp_path, "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}")
    [budget] = budgets
    # one step per iteration and per call of range: stopped at the first step beyond the limit
    assert budget.steps == budget.steps_allowed + 1 == 1_000_000 + STEPS_PER_ITEM * len(example.nodes) + 1


def test_a_steps_count_worked_by_hand():
    """range(): one call; ten iterations; three values written (each a step); `~`: one step, and
    `i * 2` one step per iteration — 1 + 10 + 10 + 10 + 1 + 3 = 35."""
    text = "{% for i in range(10) %}{% set x = i * 2 %}{{ x }}{% endfor %}{{ 'a' ~ 'b' }}{{ 1 }}{{ 2 }}"
    for limit, fails in ((35, False), (34, True)):
        budget = Budget(Limits(max_template_steps=limit))
        env = sandbox.environment(DictLoader({"x.md": text}), budget, {})
        if fails:
            with pytest.raises(sandbox.TemplateLimit):
                env.get_template("x.md").render()
        else:
            assert env.get_template("x.md").render() == "024681012141618ab12"
            assert budget.steps == 35


def test_output_is_counted_as_it_is_written(example, tmp_path):
    budget = Budget(Limits(max_template_output=100))
    env = sandbox.environment(DictLoader({"x.md": '{% for i in range(3) %}{{ "x" * 40 }}{% endfor %}'}), budget, {})
    with pytest.raises(sandbox.TemplateLimit) as info:
        env.get_template("x.md").render()
    assert (info.value.code, budget.written) == ("T006", 120)  # stopped at the third 40, not after
    assert str(info.value) == "rendering stopped here, after writing too much; the limit is 100 characters " \
                              "(max_template_output)"


def test_writing_into_a_block_counts_too(example, tmp_path):
    text = ('{% set s = "x" * 1000000 %}{% set t %}{% for i in range(1000) %}{{ s }}{% endfor %}{% endset %}'
            "{{ t|length }}")
    d = _problem(example, tmp_path, text, "x.txt")  # plain text: each write is one step
    allowed = 67_108_864 + OUTPUT_PER_ITEM * len(example.nodes)
    assert d.code == "T006" and d.message == (
        f"rendering stopped here, after writing too much; the limit is {_number(allowed)} characters "
        f"(max_template_output: 67 108 864, and {_number(OUTPUT_PER_ITEM)} per item of the spec)")


def test_limits_scale_with_the_spec():
    budget = Budget(Limits(), items=10_000)
    assert budget.steps_allowed == 1_000_000 + 10_000 * STEPS_PER_ITEM
    assert budget.output_allowed == 67_108_864 + 10_000 * OUTPUT_PER_ITEM


def test_builtin_templates_fit_well_within_the_limits(example, monkeypatch):
    budgets: list[Budget] = []

    class Counted(Budget):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            budgets.append(self)

    monkeypatch.setattr(templating.sandbox, "Budget", Counted)
    from render_helpers import seririt

    for name in ("bab3.md", "bab3.html"):
        text = render_template(seririt(), name, "id", charts=False)
        budget = budgets[-1]
        assert budget.written == len(text)
        # about 16 steps per item of the Seririt spec: a twelfth of what its size allows
        assert budget.steps < 20 * len(seririt().nodes) < budget.steps_allowed / 10


# ---- through the command: the limits can be raised; a failure writes nothing ----
def test_a_limit_can_be_raised_on_the_command_line(tmp_path, capsys):
    template = tmp_path / "lebar.md"
    template.write_text('{{ "x"|center(2000) }}', encoding="utf-8")
    out = tmp_path / "keluar.md"
    args = ["render", str(EXAMPLE), "--template", str(template), "-o", str(out)]
    assert main([*args, "--limit", "max_template_value=1000"]) == 1
    err = capsys.readouterr().err
    assert f"{template}:1:1: error[T008]: this would make a text of 2 000 characters; the limit is 1 000 " \
           f"({VALUE})" in err and not out.exists()
    assert main([*args, "--limit", "max_template_value=3000"]) == 0
    assert out.read_text(encoding="utf-8") == " " * 999 + "x" + " " * 1000


def test_a_hostile_template_changes_nothing(tmp_path, capsys):
    spec = tmp_path / "contoh.lkj"
    spec.write_bytes(EXAMPLE.read_bytes())
    template = tmp_path / "jahat.md"
    template.write_text("{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}",
                        encoding="utf-8")
    out = tmp_path / "keluar.md"
    out.write_text("laporan lama", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["render", str(spec), "--template", str(template), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "error[T007]: rendering stopped here, after too many steps" in err and "Traceback" not in err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_benchmark_cases_each_end_in_a_limit(example, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from hostile_templates import cases
    finally:
        sys.path.remove(str(ROOT / "bench"))
    codes = {}
    for name, text in cases():
        codes[name] = _problem(example, tmp_path, text).code
    assert set(codes.values()) <= {"T006", "T007", "T008"}, codes
