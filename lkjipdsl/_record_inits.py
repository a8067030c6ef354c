"""The __init__ of each record of the package, as lkjipdsl.records makes it, compiled with the
package instead of at every start. Written by `python tools/record_inits.py`; do not edit.
"""
# ruff: noqa: E501

INITS = {}


def _init_0(_tuple_new):
    def __new__(_cls, name, formula, combine, weighted, formula_without_value):
        return _tuple_new(_cls, (name, formula, combine, weighted, formula_without_value,))
    return __new__


INITS['lkjipdsl.aggregation.Aggregation.__new__'] = ('def __new__(_cls, name, formula, combine, weighted, formula_without_value):\n    return _tuple_new(_cls, (name, formula, combine, weighted, formula_without_value,))\n', _init_0)


def _init_1(_FACTORY, _object_setattr, _default_diagnostics, _default_source, _default_limits, _default_graph):
    def __init__(self, spec, diagnostics=_FACTORY, source=_default_source, limits=_FACTORY, graph=_default_graph):
        self.spec = spec
        self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics
        self.source = source
        self.limits = _default_limits() if limits is _FACTORY else limits
        self.graph = graph
    return __init__


INITS['lkjipdsl.api.LoadedSpec'] = ('def __init__(self, spec, diagnostics=_FACTORY, source=_default_source, limits=_FACTORY, graph=_default_graph):\n    self.spec = spec\n    self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics\n    self.source = source\n    self.limits = _default_limits() if limits is _FACTORY else limits\n    self.graph = graph\n', _init_1)


def _init_2(_FACTORY, _object_setattr, _default_row, _default_diagnostics):
    def __init__(self, path, code, text, row=_FACTORY, diagnostics=_FACTORY):
        self.path = path
        self.code = code
        self.text = text
        self.row = _default_row() if row is _FACTORY else row
        self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics
    return __init__


INITS['lkjipdsl.batch.Outcome'] = ('def __init__(self, path, code, text, row=_FACTORY, diagnostics=_FACTORY):\n    self.path = path\n    self.code = code\n    self.text = text\n    self.row = _default_row() if row is _FACTORY else row\n    self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics\n', _init_2)


def _init_3(_FACTORY, _object_setattr, _default_previous, _default_current, _default_built, _default_reused):
    def __init__(self, previous=_FACTORY, current=_FACTORY, built=_default_built, reused=_default_reused):
        self.previous = _default_previous() if previous is _FACTORY else previous
        self.current = _default_current() if current is _FACTORY else current
        self.built = built
        self.reused = reused
    return __init__


INITS['lkjipdsl.build.blocks.BlockCache'] = ('def __init__(self, previous=_FACTORY, current=_FACTORY, built=_default_built, reused=_default_reused):\n    self.previous = _default_previous() if previous is _FACTORY else previous\n    self.current = _default_current() if current is _FACTORY else current\n    self.built = built\n    self.reused = reused\n', _init_3)


def _init_4(_FACTORY, _object_setattr):
    def __init__(self, block, context, sasaran, programs, documents, diagnostics, line):
        self.block = block
        self.context = context
        self.sasaran = sasaran
        self.programs = programs
        self.documents = documents
        self.diagnostics = diagnostics
        self.line = line
    return __init__


INITS['lkjipdsl.build.blocks.BuiltBlock'] = ('def __init__(self, block, context, sasaran, programs, documents, diagnostics, line):\n    self.block = block\n    self.context = context\n    self.sasaran = sasaran\n    self.programs = programs\n    self.documents = documents\n    self.diagnostics = diagnostics\n    self.line = line\n', _init_4)


def _init_5(_tuple_new):
    def __new__(_cls, with_equals, nothing, too_many, write, slip):
        return _tuple_new(_cls, (with_equals, nothing, too_many, write, slip,))
    return __new__


INITS['lkjipdsl.build.values.Takes.__new__'] = ('def __new__(_cls, with_equals, nothing, too_many, write, slip):\n    return _tuple_new(_cls, (with_equals, nothing, too_many, write, slip,))\n', _init_5)


def _init_6(_tuple_new):
    def __new__(_cls, file, sheet, row, col, text):
        return _tuple_new(_cls, (file, sheet, row, col, text,))
    return __new__


INITS['lkjipdsl.diagnostics.Cell.__new__'] = ('def __new__(_cls, file, sheet, row, col, text):\n    return _tuple_new(_cls, (file, sheet, row, col, text,))\n', _init_6)


def _init_7(_FACTORY, _object_setattr, _set_code, _set_severity, _set_message, _set_span, _default_hints, _set_hints):
    def __init__(self, code, severity, message, span, hints=_FACTORY):
        _set_code(self, code)
        _set_severity(self, severity)
        _set_message(self, message)
        _set_span(self, span)
        _set_hints(self, _default_hints() if hints is _FACTORY else hints)
    return __init__


INITS['lkjipdsl.diagnostics.Diagnostic'] = ('def __init__(self, code, severity, message, span, hints=_FACTORY):\n    _set_code(self, code)\n    _set_severity(self, severity)\n    _set_message(self, message)\n    _set_span(self, span)\n    _set_hints(self, _default_hints() if hints is _FACTORY else hints)\n', _init_7)


def _init_8(_tuple_new):
    def __new__(_cls, file, line, column, end_line, end_column):
        return _tuple_new(_cls, (file, line, column, end_line, end_column,))
    return __new__


INITS['lkjipdsl.diagnostics.Span.__new__'] = ('def __new__(_cls, file, line, column, end_line, end_column):\n    return _tuple_new(_cls, (file, line, column, end_line, end_column,))\n', _init_8)


def _init_9(_FACTORY, _object_setattr, _default_nodes, _default_assertions, _default_findings, _default_computed_count, _default_money):
    def __init__(self, graph, computed, emitted, steps, nodes=_FACTORY, assertions=_FACTORY, findings=_FACTORY, computed_count=_default_computed_count, money=_default_money):
        self.graph = graph
        self.computed = computed
        self.emitted = emitted
        self.steps = steps
        self.nodes = _default_nodes() if nodes is _FACTORY else nodes
        self.assertions = _default_assertions() if assertions is _FACTORY else assertions
        self.findings = _default_findings() if findings is _FACTORY else findings
        self.computed_count = computed_count
        self.money = money
    return __init__


INITS['lkjipdsl.evaluate.Memory'] = ('def __init__(self, graph, computed, emitted, steps, nodes=_FACTORY, assertions=_FACTORY, findings=_FACTORY, computed_count=_default_computed_count, money=_default_money):\n    self.graph = graph\n    self.computed = computed\n    self.emitted = emitted\n    self.steps = steps\n    self.nodes = _default_nodes() if nodes is _FACTORY else nodes\n    self.assertions = _default_assertions() if assertions is _FACTORY else assertions\n    self.findings = _default_findings() if findings is _FACTORY else findings\n    self.computed_count = computed_count\n    self.money = money\n', _init_9)


def _init_10(_FACTORY, _object_setattr, _default_steps, _default_allowed):
    def __init__(self, variable, reference, children, convention, steps=_default_steps, allowed=_default_allowed):
        self.variable = variable
        self.reference = reference
        self.children = children
        self.convention = convention
        self.steps = steps
        self.allowed = allowed
    return __init__


INITS['lkjipdsl.expr.Env'] = ('def __init__(self, variable, reference, children, convention, steps=_default_steps, allowed=_default_allowed):\n    self.variable = variable\n    self.reference = reference\n    self.children = children\n    self.convention = convention\n    self.steps = steps\n    self.allowed = allowed\n', _init_10)


def _init_11(_FACTORY, _object_setattr, _set_variables, _default_child_fields, _set_child_fields, _default_items, _set_items, _default_earlier, _set_earlier, _default_earlier_items, _set_earlier_items, _default_year, _set_year):
    def __init__(self, variables, child_fields=_default_child_fields, items=_default_items, earlier=_default_earlier, earlier_items=_FACTORY, year=_default_year):
        _set_variables(self, variables)
        _set_child_fields(self, child_fields)
        _set_items(self, items)
        _set_earlier(self, earlier)
        _set_earlier_items(self, _default_earlier_items() if earlier_items is _FACTORY else earlier_items)
        _set_year(self, year)
    return __init__


INITS['lkjipdsl.expr.Scope'] = ('def __init__(self, variables, child_fields=_default_child_fields, items=_default_items, earlier=_default_earlier, earlier_items=_FACTORY, year=_default_year):\n    _set_variables(self, variables)\n    _set_child_fields(self, child_fields)\n    _set_items(self, items)\n    _set_earlier(self, earlier)\n    _set_earlier_items(self, _default_earlier_items() if earlier_items is _FACTORY else earlier_items)\n    _set_year(self, year)\n', _init_11)


def _init_12(_FACTORY, _object_setattr, _default_comment, _default_blank, _default_origin):
    def __init__(self, depth, code, comment=_default_comment, blank=_default_blank, origin=_default_origin):
        self.depth = depth
        self.code = code
        self.comment = comment
        self.blank = blank
        self.origin = origin
    return __init__


INITS['lkjipdsl.fmt._Line'] = ('def __init__(self, depth, code, comment=_default_comment, blank=_default_blank, origin=_default_origin):\n    self.depth = depth\n    self.code = code\n    self.comment = comment\n    self.blank = blank\n    self.origin = origin\n', _init_12)


def _init_13(_FACTORY, _object_setattr, _default_nodes, _default_diagnostics, _default_subgraphs, _default_fresh, _default_structure, _default_ctx):
    def __init__(self, nodes=_FACTORY, diagnostics=_FACTORY, subgraphs=_FACTORY, fresh=_FACTORY, structure=_default_structure, ctx=_default_ctx):
        self.nodes = _default_nodes() if nodes is _FACTORY else nodes
        self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics
        self.subgraphs = _default_subgraphs() if subgraphs is _FACTORY else subgraphs
        self.fresh = _default_fresh() if fresh is _FACTORY else fresh
        self.structure = structure
        self.ctx = ctx
    return __init__


INITS['lkjipdsl.graph.Graph'] = ('def __init__(self, nodes=_FACTORY, diagnostics=_FACTORY, subgraphs=_FACTORY, fresh=_FACTORY, structure=_default_structure, ctx=_default_ctx):\n    self.nodes = _default_nodes() if nodes is _FACTORY else nodes\n    self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics\n    self.subgraphs = _default_subgraphs() if subgraphs is _FACTORY else subgraphs\n    self.fresh = _default_fresh() if fresh is _FACTORY else fresh\n    self.structure = structure\n    self.ctx = ctx\n', _init_13)


def _init_14(_FACTORY, _object_setattr, _default_cycle_hint):
    def __init__(self, key, deps, compute, span, cycle_hint=_default_cycle_hint):
        self.key = key
        self.deps = deps
        self.compute = compute
        self.span = span
        self.cycle_hint = cycle_hint
    return __init__


INITS['lkjipdsl.graph.GraphNode'] = ('def __init__(self, key, deps, compute, span, cycle_hint=_default_cycle_hint):\n    self.key = key\n    self.deps = deps\n    self.compute = compute\n    self.span = span\n    self.cycle_hint = cycle_hint\n', _init_14)


def _init_15(_tuple_new):
    def __new__(_cls, period, target, realisasi, capaian, numerator, denominator, polaritas):
        return _tuple_new(_cls, (period, target, realisasi, capaian, numerator, denominator, polaritas,))
    return __new__


INITS['lkjipdsl.history.PeriodCapaian.__new__'] = ('def __new__(_cls, period, target, realisasi, capaian, numerator, denominator, polaritas):\n    return _tuple_new(_cls, (period, target, realisasi, capaian, numerator, denominator, polaritas,))\n', _init_15)


def _init_16(_FACTORY, _object_setattr, _default_max_import_bytes, _default_max_unpacked_bytes, _default_max_compression_ratio, _default_max_rows, _default_max_cells):
    def __init__(self, max_import_bytes=_default_max_import_bytes, max_unpacked_bytes=_default_max_unpacked_bytes, max_compression_ratio=_default_max_compression_ratio, max_rows=_default_max_rows, max_cells=_default_max_cells):
        _object_setattr(self, 'max_import_bytes', max_import_bytes)
        _object_setattr(self, 'max_unpacked_bytes', max_unpacked_bytes)
        _object_setattr(self, 'max_compression_ratio', max_compression_ratio)
        _object_setattr(self, 'max_rows', max_rows)
        _object_setattr(self, 'max_cells', max_cells)
    return __init__


INITS['lkjipdsl.limits.ImportLimits'] = ("def __init__(self, max_import_bytes=_default_max_import_bytes, max_unpacked_bytes=_default_max_unpacked_bytes, max_compression_ratio=_default_max_compression_ratio, max_rows=_default_max_rows, max_cells=_default_max_cells):\n    _object_setattr(self, 'max_import_bytes', max_import_bytes)\n    _object_setattr(self, 'max_unpacked_bytes', max_unpacked_bytes)\n    _object_setattr(self, 'max_compression_ratio', max_compression_ratio)\n    _object_setattr(self, 'max_rows', max_rows)\n    _object_setattr(self, 'max_cells', max_cells)\n", _init_16)


def _init_17(_FACTORY, _object_setattr, _default_max_file_bytes, _set_max_file_bytes, _default_max_tokens, _set_max_tokens, _default_max_nesting_depth, _set_max_nesting_depth, _default_max_expression_depth, _set_max_expression_depth, _default_max_expression_nodes, _set_max_expression_nodes, _default_max_number_digits, _set_max_number_digits, _default_max_value_digits, _set_max_value_digits, _default_max_evaluation_steps, _set_max_evaluation_steps, _default_max_errors, _set_max_errors, _default_max_template_steps, _set_max_template_steps, _default_max_template_output, _set_max_template_output, _default_max_template_value, _set_max_template_value, _default_max_pdf_rows, _set_max_pdf_rows):
    def __init__(self, max_file_bytes=_default_max_file_bytes, max_tokens=_default_max_tokens, max_nesting_depth=_default_max_nesting_depth, max_expression_depth=_default_max_expression_depth, max_expression_nodes=_default_max_expression_nodes, max_number_digits=_default_max_number_digits, max_value_digits=_default_max_value_digits, max_evaluation_steps=_default_max_evaluation_steps, max_errors=_default_max_errors, max_template_steps=_default_max_template_steps, max_template_output=_default_max_template_output, max_template_value=_default_max_template_value, max_pdf_rows=_default_max_pdf_rows):
        _set_max_file_bytes(self, max_file_bytes)
        _set_max_tokens(self, max_tokens)
        _set_max_nesting_depth(self, max_nesting_depth)
        _set_max_expression_depth(self, max_expression_depth)
        _set_max_expression_nodes(self, max_expression_nodes)
        _set_max_number_digits(self, max_number_digits)
        _set_max_value_digits(self, max_value_digits)
        _set_max_evaluation_steps(self, max_evaluation_steps)
        _set_max_errors(self, max_errors)
        _set_max_template_steps(self, max_template_steps)
        _set_max_template_output(self, max_template_output)
        _set_max_template_value(self, max_template_value)
        _set_max_pdf_rows(self, max_pdf_rows)
        self.__post_init__()
    return __init__


INITS['lkjipdsl.limits.Limits'] = ('def __init__(self, max_file_bytes=_default_max_file_bytes, max_tokens=_default_max_tokens, max_nesting_depth=_default_max_nesting_depth, max_expression_depth=_default_max_expression_depth, max_expression_nodes=_default_max_expression_nodes, max_number_digits=_default_max_number_digits, max_value_digits=_default_max_value_digits, max_evaluation_steps=_default_max_evaluation_steps, max_errors=_default_max_errors, max_template_steps=_default_max_template_steps, max_template_output=_default_max_template_output, max_template_value=_default_max_template_value, max_pdf_rows=_default_max_pdf_rows):\n    _set_max_file_bytes(self, max_file_bytes)\n    _set_max_tokens(self, max_tokens)\n    _set_max_nesting_depth(self, max_nesting_depth)\n    _set_max_expression_depth(self, max_expression_depth)\n    _set_max_expression_nodes(self, max_expression_nodes)\n    _set_max_number_digits(self, max_number_digits)\n    _set_max_value_digits(self, max_value_digits)\n    _set_max_evaluation_steps(self, max_evaluation_steps)\n    _set_max_errors(self, max_errors)\n    _set_max_template_steps(self, max_template_steps)\n    _set_max_template_output(self, max_template_output)\n    _set_max_template_value(self, max_template_value)\n    _set_max_pdf_rows(self, max_pdf_rows)\n    self.__post_init__()\n', _init_17)


def _init_18(_FACTORY, _object_setattr):
    def __init__(self, label, color, low, low_inclusive, high, high_inclusive, span):
        self.label = label
        self.color = color
        self.low = low
        self.low_inclusive = low_inclusive
        self.high = high
        self.high_inclusive = high_inclusive
        self.span = span
    return __init__


INITS['lkjipdsl.model.Band'] = ('def __init__(self, label, color, low, low_inclusive, high, high_inclusive, span):\n    self.label = label\n    self.color = color\n    self.low = low\n    self.low_inclusive = low_inclusive\n    self.high = high\n    self.high_inclusive = high_inclusive\n    self.span = span\n', _init_18)


def _init_19(_FACTORY, _object_setattr, _default_parent_id, _default_prefix, _default_link, _default_target, _default_children, _default_anggaran, _default_realisasi, _default_capaian_output, _default_output, _default_output_satuan, _default_keterangan, _default_sasaran, _default_riwayat, _default_renstra, _default_standar_nasional, _default_periods, _default_printed, _default_printed_rows, _default__subtree, _default_id, _default_id_span):
    def __init__(self, kind, code, name, span, parent_id=_default_parent_id, prefix=_default_prefix, link=_default_link, target=_default_target, children=_FACTORY, anggaran=_default_anggaran, realisasi=_default_realisasi, capaian_output=_default_capaian_output, output=_FACTORY, output_satuan=_default_output_satuan, keterangan=_default_keterangan, sasaran=_FACTORY, riwayat=_FACTORY, renstra=_FACTORY, standar_nasional=_default_standar_nasional, periods=_default_periods, printed=_FACTORY, printed_rows=_FACTORY, _subtree=_default__subtree, id_span=_default_id_span):
        self.kind = kind
        self.code = code
        self.name = name
        self.span = span
        self.parent_id = parent_id
        self.prefix = prefix
        self.link = link
        self.target = target
        self.children = _default_children() if children is _FACTORY else children
        self.anggaran = anggaran
        self.realisasi = realisasi
        self.capaian_output = capaian_output
        self.output = _default_output() if output is _FACTORY else output
        self.output_satuan = output_satuan
        self.keterangan = keterangan
        self.sasaran = _default_sasaran() if sasaran is _FACTORY else sasaran
        self.riwayat = _default_riwayat() if riwayat is _FACTORY else riwayat
        self.renstra = _default_renstra() if renstra is _FACTORY else renstra
        self.standar_nasional = standar_nasional
        self.periods = periods
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows
        self._subtree = _subtree
        self.id = _default_id
        self.id_span = id_span
        self.__post_init__()
    return __init__


INITS['lkjipdsl.model.BudgetNode'] = ('def __init__(self, kind, code, name, span, parent_id=_default_parent_id, prefix=_default_prefix, link=_default_link, target=_default_target, children=_FACTORY, anggaran=_default_anggaran, realisasi=_default_realisasi, capaian_output=_default_capaian_output, output=_FACTORY, output_satuan=_default_output_satuan, keterangan=_default_keterangan, sasaran=_FACTORY, riwayat=_FACTORY, renstra=_FACTORY, standar_nasional=_default_standar_nasional, periods=_default_periods, printed=_FACTORY, printed_rows=_FACTORY, _subtree=_default__subtree, id_span=_default_id_span):\n    self.kind = kind\n    self.code = code\n    self.name = name\n    self.span = span\n    self.parent_id = parent_id\n    self.prefix = prefix\n    self.link = link\n    self.target = target\n    self.children = _default_children() if children is _FACTORY else children\n    self.anggaran = anggaran\n    self.realisasi = realisasi\n    self.capaian_output = capaian_output\n    self.output = _default_output() if output is _FACTORY else output\n    self.output_satuan = output_satuan\n    self.keterangan = keterangan\n    self.sasaran = _default_sasaran() if sasaran is _FACTORY else sasaran\n    self.riwayat = _default_riwayat() if riwayat is _FACTORY else riwayat\n    self.renstra = _default_renstra() if renstra is _FACTORY else renstra\n    self.standar_nasional = standar_nasional\n    self.periods = periods\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows\n    self._subtree = _subtree\n    self.id = _default_id\n    self.id_span = id_span\n    self.__post_init__()\n', _init_19)


def _init_20(_FACTORY, _object_setattr, _default_jenis, _default_tahun, _default_programs, _default_printed, _default_printed_rows, _default_id_span):
    def __init__(self, id, title, span, jenis=_default_jenis, tahun=_default_tahun, programs=_FACTORY, printed=_FACTORY, printed_rows=_FACTORY, id_span=_default_id_span):
        self.id = id
        self.title = title
        self.span = span
        self.jenis = jenis
        self.tahun = tahun
        self.programs = _default_programs() if programs is _FACTORY else programs
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows
        self.id_span = id_span
    return __init__


INITS['lkjipdsl.model.Document'] = ('def __init__(self, id, title, span, jenis=_default_jenis, tahun=_default_tahun, programs=_FACTORY, printed=_FACTORY, printed_rows=_FACTORY, id_span=_default_id_span):\n    self.id = id\n    self.title = title\n    self.span = span\n    self.jenis = jenis\n    self.tahun = tahun\n    self.programs = _default_programs() if programs is _FACTORY else programs\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows\n    self.id_span = id_span\n', _init_20)


def _init_21(_FACTORY, _object_setattr):
    def __init__(self, year, values, span):
        self.year = year
        self.values = values
        self.span = span
    return __init__


INITS['lkjipdsl.model.HistoryEntry'] = ('def __init__(self, year, values, span):\n    self.year = year\n    self.values = values\n    self.span = span\n', _init_21)


def _init_22(_FACTORY, _object_setattr, _default_satuan, _default_polaritas, _default_polaritas_span, _default_target, _default_target_atas, _default_realisasi, _default_penanggung_jawab, _default_keterangan, _default_bobot, _default_skala, _default_zero_policy, _default_limits, _default_rumus, _default_riwayat, _default_renstra, _default_standar_nasional, _default_periods, _default_printed, _default_printed_rows, _default_id_span):
    def __init__(self, id, name, span, sasaran_id, satuan=_default_satuan, polaritas=_default_polaritas, polaritas_span=_default_polaritas_span, target=_default_target, target_atas=_default_target_atas, realisasi=_default_realisasi, penanggung_jawab=_default_penanggung_jawab, keterangan=_default_keterangan, bobot=_default_bobot, skala=_default_skala, zero_policy=_default_zero_policy, limits=_FACTORY, rumus=_default_rumus, riwayat=_FACTORY, renstra=_FACTORY, standar_nasional=_default_standar_nasional, periods=_default_periods, printed=_FACTORY, printed_rows=_FACTORY, id_span=_default_id_span):
        self.id = id
        self.name = name
        self.span = span
        self.sasaran_id = sasaran_id
        self.satuan = satuan
        self.polaritas = polaritas
        self.polaritas_span = polaritas_span
        self.target = target
        self.target_atas = target_atas
        self.realisasi = realisasi
        self.penanggung_jawab = penanggung_jawab
        self.keterangan = keterangan
        self.bobot = bobot
        self.skala = skala
        self.zero_policy = zero_policy
        self.limits = _default_limits() if limits is _FACTORY else limits
        self.rumus = rumus
        self.riwayat = _default_riwayat() if riwayat is _FACTORY else riwayat
        self.renstra = _default_renstra() if renstra is _FACTORY else renstra
        self.standar_nasional = standar_nasional
        self.periods = periods
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows
        self.id_span = id_span
    return __init__


INITS['lkjipdsl.model.Indikator'] = ('def __init__(self, id, name, span, sasaran_id, satuan=_default_satuan, polaritas=_default_polaritas, polaritas_span=_default_polaritas_span, target=_default_target, target_atas=_default_target_atas, realisasi=_default_realisasi, penanggung_jawab=_default_penanggung_jawab, keterangan=_default_keterangan, bobot=_default_bobot, skala=_default_skala, zero_policy=_default_zero_policy, limits=_FACTORY, rumus=_default_rumus, riwayat=_FACTORY, renstra=_FACTORY, standar_nasional=_default_standar_nasional, periods=_default_periods, printed=_FACTORY, printed_rows=_FACTORY, id_span=_default_id_span):\n    self.id = id\n    self.name = name\n    self.span = span\n    self.sasaran_id = sasaran_id\n    self.satuan = satuan\n    self.polaritas = polaritas\n    self.polaritas_span = polaritas_span\n    self.target = target\n    self.target_atas = target_atas\n    self.realisasi = realisasi\n    self.penanggung_jawab = penanggung_jawab\n    self.keterangan = keterangan\n    self.bobot = bobot\n    self.skala = skala\n    self.zero_policy = zero_policy\n    self.limits = _default_limits() if limits is _FACTORY else limits\n    self.rumus = rumus\n    self.riwayat = _default_riwayat() if riwayat is _FACTORY else riwayat\n    self.renstra = _default_renstra() if renstra is _FACTORY else renstra\n    self.standar_nasional = standar_nasional\n    self.periods = periods\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows\n    self.id_span = id_span\n', _init_22)


def _init_23(_FACTORY, _object_setattr, _default_cap, _default_floor):
    def __init__(self, cap=_default_cap, floor=_default_floor):
        self.cap = cap
        self.floor = floor
    return __init__


INITS['lkjipdsl.model.Limits'] = ('def __init__(self, cap=_default_cap, floor=_default_floor):\n    self.cap = cap\n    self.floor = floor\n', _init_23)


def _init_24(_FACTORY, _object_setattr):
    def __init__(self, number, span):
        self.number = number
        self.span = span
    return __init__


INITS['lkjipdsl.model.NationalStandard'] = ('def __init__(self, number, span):\n    self.number = number\n    self.span = span\n', _init_24)


def _init_25(_FACTORY, _object_setattr, _default_fields, _default_printed, _default_id_span):
    def __init__(self, id, title, span, fields=_FACTORY, printed=_FACTORY, id_span=_default_id_span):
        self.id = id
        self.title = title
        self.span = span
        self.fields = _default_fields() if fields is _FACTORY else fields
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.id_span = id_span
    return __init__


INITS['lkjipdsl.model.Official'] = ('def __init__(self, id, title, span, fields=_FACTORY, printed=_FACTORY, id_span=_default_id_span):\n    self.id = id\n    self.title = title\n    self.span = span\n    self.fields = _default_fields() if fields is _FACTORY else fields\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.id_span = id_span\n', _init_25)


def _init_26(_FACTORY, _object_setattr):
    def __init__(self, kind, combine, rows, span):
        self.kind = kind
        self.combine = combine
        self.rows = rows
        self.span = span
    return __init__


INITS['lkjipdsl.model.Periods'] = ('def __init__(self, kind, combine, rows, span):\n    self.kind = kind\n    self.combine = combine\n    self.rows = rows\n    self.span = span\n', _init_26)


def _init_27(_FACTORY, _object_setattr):
    def __init__(self, year, values, span):
        self.year = year
        self.values = values
        self.span = span
    return __init__


INITS['lkjipdsl.model.RenstraEntry'] = ('def __init__(self, year, values, span):\n    self.year = year\n    self.values = values\n    self.span = span\n', _init_27)


def _init_28(_FACTORY, _object_setattr, _default_scope, _default_scope_span, _default_condition, _default_message, _default_message_span, _default_severity):
    def __init__(self, id, title, span, scope=_default_scope, scope_span=_default_scope_span, condition=_default_condition, message=_default_message, message_span=_default_message_span, severity=_default_severity):
        self.id = id
        self.title = title
        self.span = span
        self.scope = scope
        self.scope_span = scope_span
        self.condition = condition
        self.message = message
        self.message_span = message_span
        self.severity = severity
    return __init__


INITS['lkjipdsl.model.Rule'] = ('def __init__(self, id, title, span, scope=_default_scope, scope_span=_default_scope_span, condition=_default_condition, message=_default_message, message_span=_default_message_span, severity=_default_severity):\n    self.id = id\n    self.title = title\n    self.span = span\n    self.scope = scope\n    self.scope_span = scope_span\n    self.condition = condition\n    self.message = message\n    self.message_span = message_span\n    self.severity = severity\n', _init_28)


def _init_29(_FACTORY, _object_setattr, _default_indikator, _default_agregasi, _default_agregasi_span, _default_rumus, _default_skala, _default_limits, _default_keterangan, _default_printed, _default_id_span):
    def __init__(self, id, name, span, indikator=_FACTORY, agregasi=_default_agregasi, agregasi_span=_default_agregasi_span, rumus=_default_rumus, skala=_default_skala, limits=_FACTORY, keterangan=_default_keterangan, printed=_FACTORY, id_span=_default_id_span):
        self.id = id
        self.name = name
        self.span = span
        self.indikator = _default_indikator() if indikator is _FACTORY else indikator
        self.agregasi = agregasi
        self.agregasi_span = agregasi_span
        self.rumus = rumus
        self.skala = skala
        self.limits = _default_limits() if limits is _FACTORY else limits
        self.keterangan = keterangan
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.id_span = id_span
    return __init__


INITS['lkjipdsl.model.Sasaran'] = ('def __init__(self, id, name, span, indikator=_FACTORY, agregasi=_default_agregasi, agregasi_span=_default_agregasi_span, rumus=_default_rumus, skala=_default_skala, limits=_FACTORY, keterangan=_default_keterangan, printed=_FACTORY, id_span=_default_id_span):\n    self.id = id\n    self.name = name\n    self.span = span\n    self.indikator = _default_indikator() if indikator is _FACTORY else indikator\n    self.agregasi = agregasi\n    self.agregasi_span = agregasi_span\n    self.rumus = rumus\n    self.skala = skala\n    self.limits = _default_limits() if limits is _FACTORY else limits\n    self.keterangan = keterangan\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.id_span = id_span\n', _init_29)


def _init_30(_FACTORY, _object_setattr, _default_precision):
    def __init__(self, id, title, bands, span, precision=_default_precision):
        self.id = id
        self.title = title
        self.bands = bands
        self.span = span
        self.precision = precision
    return __init__


INITS['lkjipdsl.model.Scale'] = ('def __init__(self, id, title, bands, span, precision=_default_precision):\n    self.id = id\n    self.title = title\n    self.bands = bands\n    self.span = span\n    self.precision = precision\n', _init_30)


def _init_31(_FACTORY, _object_setattr, _default_instansi, _default_tahun, _default_renstra_period, _default_convention, _default_skala, _default_skala_anggaran, _default_zero_policy, _default_limits, _default_sasaran, _default_programs, _default_scales, _default_rules, _default_printed, _default_printed_rows, _default_documents, _default_summaries, _default_officials, _default_efficiency_threshold, _default_table_titles, _default_serapan_induk, _default_pembulatan, _default_standar_nasional, _default_span):
    def __init__(self, file, instansi=_default_instansi, tahun=_default_tahun, renstra_period=_default_renstra_period, convention=_default_convention, skala=_default_skala, skala_anggaran=_default_skala_anggaran, zero_policy=_default_zero_policy, limits=_FACTORY, sasaran=_FACTORY, programs=_FACTORY, scales=_FACTORY, rules=_FACTORY, printed=_FACTORY, printed_rows=_FACTORY, documents=_FACTORY, summaries=_FACTORY, officials=_FACTORY, efficiency_threshold=_default_efficiency_threshold, table_titles=_FACTORY, serapan_induk=_default_serapan_induk, pembulatan=_default_pembulatan, standar_nasional=_default_standar_nasional, span=_default_span):
        self.file = file
        self.instansi = instansi
        self.tahun = tahun
        self.renstra_period = renstra_period
        self.convention = convention
        self.skala = skala
        self.skala_anggaran = skala_anggaran
        self.zero_policy = zero_policy
        self.limits = _default_limits() if limits is _FACTORY else limits
        self.sasaran = _default_sasaran() if sasaran is _FACTORY else sasaran
        self.programs = _default_programs() if programs is _FACTORY else programs
        self.scales = _default_scales() if scales is _FACTORY else scales
        self.rules = _default_rules() if rules is _FACTORY else rules
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows
        self.documents = _default_documents() if documents is _FACTORY else documents
        self.summaries = _default_summaries() if summaries is _FACTORY else summaries
        self.officials = _default_officials() if officials is _FACTORY else officials
        self.efficiency_threshold = efficiency_threshold
        self.table_titles = _default_table_titles() if table_titles is _FACTORY else table_titles
        self.serapan_induk = serapan_induk
        self.pembulatan = pembulatan
        self.standar_nasional = standar_nasional
        self.span = span
    return __init__


INITS['lkjipdsl.model.Spec'] = ('def __init__(self, file, instansi=_default_instansi, tahun=_default_tahun, renstra_period=_default_renstra_period, convention=_default_convention, skala=_default_skala, skala_anggaran=_default_skala_anggaran, zero_policy=_default_zero_policy, limits=_FACTORY, sasaran=_FACTORY, programs=_FACTORY, scales=_FACTORY, rules=_FACTORY, printed=_FACTORY, printed_rows=_FACTORY, documents=_FACTORY, summaries=_FACTORY, officials=_FACTORY, efficiency_threshold=_default_efficiency_threshold, table_titles=_FACTORY, serapan_induk=_default_serapan_induk, pembulatan=_default_pembulatan, standar_nasional=_default_standar_nasional, span=_default_span):\n    self.file = file\n    self.instansi = instansi\n    self.tahun = tahun\n    self.renstra_period = renstra_period\n    self.convention = convention\n    self.skala = skala\n    self.skala_anggaran = skala_anggaran\n    self.zero_policy = zero_policy\n    self.limits = _default_limits() if limits is _FACTORY else limits\n    self.sasaran = _default_sasaran() if sasaran is _FACTORY else sasaran\n    self.programs = _default_programs() if programs is _FACTORY else programs\n    self.scales = _default_scales() if scales is _FACTORY else scales\n    self.rules = _default_rules() if rules is _FACTORY else rules\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.printed_rows = _default_printed_rows() if printed_rows is _FACTORY else printed_rows\n    self.documents = _default_documents() if documents is _FACTORY else documents\n    self.summaries = _default_summaries() if summaries is _FACTORY else summaries\n    self.officials = _default_officials() if officials is _FACTORY else officials\n    self.efficiency_threshold = efficiency_threshold\n    self.table_titles = _default_table_titles() if table_titles is _FACTORY else table_titles\n    self.serapan_induk = serapan_induk\n    self.pembulatan = pembulatan\n    self.standar_nasional = standar_nasional\n    self.span = span\n', _init_31)


def _init_32(_FACTORY, _object_setattr, _default_rumus, _default_satuan, _default_printed, _default_id_span):
    def __init__(self, id, title, span, rumus=_default_rumus, satuan=_default_satuan, printed=_FACTORY, id_span=_default_id_span):
        self.id = id
        self.title = title
        self.span = span
        self.rumus = rumus
        self.satuan = satuan
        self.printed = _default_printed() if printed is _FACTORY else printed
        self.id_span = id_span
    return __init__


INITS['lkjipdsl.model.Summary'] = ('def __init__(self, id, title, span, rumus=_default_rumus, satuan=_default_satuan, printed=_FACTORY, id_span=_default_id_span):\n    self.id = id\n    self.title = title\n    self.span = span\n    self.rumus = rumus\n    self.satuan = satuan\n    self.printed = _default_printed() if printed is _FACTORY else printed\n    self.id_span = id_span\n', _init_32)


def _init_33(_FACTORY, _object_setattr):
    def __init__(self, kind, value, span):
        self.kind = kind
        self.value = value
        self.span = span
    return __init__


INITS['lkjipdsl.model.ZeroPolicy'] = ('def __init__(self, kind, value, span):\n    self.kind = kind\n    self.value = value\n    self.span = span\n', _init_33)


def _init_34(_FACTORY, _object_setattr, _default_marker):
    def __init__(self, kind, runs, marker=_default_marker):
        _object_setattr(self, 'kind', kind)
        _object_setattr(self, 'runs', runs)
        _object_setattr(self, 'marker', marker)
    return __init__


INITS['lkjipdsl.narasi.Block'] = ("def __init__(self, kind, runs, marker=_default_marker):\n    _object_setattr(self, 'kind', kind)\n    _object_setattr(self, 'runs', runs)\n    _object_setattr(self, 'marker', marker)\n", _init_34)


def _init_35(_FACTORY, _object_setattr, _default_bold, _default_italic):
    def __init__(self, text, bold=_default_bold, italic=_default_italic):
        _object_setattr(self, 'text', text)
        _object_setattr(self, 'bold', bold)
        _object_setattr(self, 'italic', italic)
    return __init__


INITS['lkjipdsl.narasi.Run'] = ("def __init__(self, text, bold=_default_bold, italic=_default_italic):\n    _object_setattr(self, 'text', text)\n    _object_setattr(self, 'bold', bold)\n    _object_setattr(self, 'italic', italic)\n", _init_35)


def _init_36(_FACTORY, _object_setattr, _default_blocks, _default_placeholder_text, _default_line):
    def __init__(self, key, title, blocks=_FACTORY, placeholder_text=_default_placeholder_text, line=_default_line):
        self.key = key
        self.title = title
        self.blocks = _default_blocks() if blocks is _FACTORY else blocks
        self.placeholder_text = placeholder_text
        self.line = line
    return __init__


INITS['lkjipdsl.narasi.Section'] = ('def __init__(self, key, title, blocks=_FACTORY, placeholder_text=_default_placeholder_text, line=_default_line):\n    self.key = key\n    self.title = title\n    self.blocks = _default_blocks() if blocks is _FACTORY else blocks\n    self.placeholder_text = placeholder_text\n    self.line = line\n', _init_36)


def _init_37(_FACTORY, _object_setattr):
    def __init__(self, key, titles, hints):
        _object_setattr(self, 'key', key)
        _object_setattr(self, 'titles', titles)
        _object_setattr(self, 'hints', hints)
    return __init__


INITS['lkjipdsl.narasi.SectionKind'] = ("def __init__(self, key, titles, hints):\n    _object_setattr(self, 'key', key)\n    _object_setattr(self, 'titles', titles)\n    _object_setattr(self, 'hints', hints)\n", _init_37)


def _init_38(_FACTORY, _object_setattr, _set_value, _set_is_money, _set_is_percent, _default_is_ratio, _set_is_ratio):
    def __init__(self, value, is_money, is_percent, is_ratio=_default_is_ratio):
        _set_value(self, value)
        _set_is_money(self, is_money)
        _set_is_percent(self, is_percent)
        _set_is_ratio(self, is_ratio)
    return __init__


INITS['lkjipdsl.numbers.ParsedNumber'] = ('def __init__(self, value, is_money, is_percent, is_ratio=_default_is_ratio):\n    _set_value(self, value)\n    _set_is_money(self, is_money)\n    _set_is_percent(self, is_percent)\n    _set_is_ratio(self, is_ratio)\n', _init_38)


def _init_39(_tuple_new):
    def __new__(_cls, diagnostic, item):
        return _tuple_new(_cls, (diagnostic, item,))
    return __new__


INITS['lkjipdsl.plausibility.Warned.__new__'] = ('def __new__(_cls, diagnostic, item):\n    return _tuple_new(_cls, (diagnostic, item,))\n', _init_39)


def _init_40(_tuple_new):
    def __new__(_cls, name, description, formula, denominator, compute, substituted, needs_upper_bound, inverted_by_negative, signed_hint, periods_have_capaian):
        return _tuple_new(_cls, (name, description, formula, denominator, compute, substituted, needs_upper_bound, inverted_by_negative, signed_hint, periods_have_capaian,))
    return __new__


INITS['lkjipdsl.polarity.Polarity.__new__'] = ('def __new__(_cls, name, description, formula, denominator, compute, substituted, needs_upper_bound, inverted_by_negative, signed_hint, periods_have_capaian):\n    return _tuple_new(_cls, (name, description, formula, denominator, compute, substituted, needs_upper_bound, inverted_by_negative, signed_hint, periods_have_capaian,))\n', _init_40)


def _init_41(_FACTORY, _object_setattr, _default_names, _default_lang, _default_chart, _default_charts, _default_audit, _default_width, _default_limits):
    def __init__(self, result, fmt, names=_default_names, lang=_default_lang, chart=_default_chart, charts=_default_charts, audit=_default_audit, width=_default_width, limits=_default_limits):
        _object_setattr(self, 'result', result)
        _object_setattr(self, 'fmt', fmt)
        _object_setattr(self, 'names', names)
        _object_setattr(self, 'lang', lang)
        _object_setattr(self, 'chart', chart)
        _object_setattr(self, 'charts', charts)
        _object_setattr(self, 'audit', audit)
        _object_setattr(self, 'width', width)
        _object_setattr(self, 'limits', limits)
    return __init__


INITS['lkjipdsl.render.format_request.FormatRequest'] = ("def __init__(self, result, fmt, names=_default_names, lang=_default_lang, chart=_default_chart, charts=_default_charts, audit=_default_audit, width=_default_width, limits=_default_limits):\n    _object_setattr(self, 'result', result)\n    _object_setattr(self, 'fmt', fmt)\n    _object_setattr(self, 'names', names)\n    _object_setattr(self, 'lang', lang)\n    _object_setattr(self, 'chart', chart)\n    _object_setattr(self, 'charts', charts)\n    _object_setattr(self, 'audit', audit)\n    _object_setattr(self, 'width', width)\n    _object_setattr(self, 'limits', limits)\n", _init_41)


def _init_42(_FACTORY, _object_setattr, _default_extra, _default_charts, _default_own_tables, _default_rollup):
    def __init__(self, name, extensions, binary, renderer, extra=_default_extra, charts=_default_charts, own_tables=_default_own_tables, rollup=_default_rollup):
        _object_setattr(self, 'name', name)
        _object_setattr(self, 'extensions', extensions)
        _object_setattr(self, 'binary', binary)
        _object_setattr(self, 'renderer', renderer)
        _object_setattr(self, 'extra', extra)
        _object_setattr(self, 'charts', charts)
        _object_setattr(self, 'own_tables', own_tables)
        _object_setattr(self, 'rollup', rollup)
    return __init__


INITS['lkjipdsl.render.formats.Format'] = ("def __init__(self, name, extensions, binary, renderer, extra=_default_extra, charts=_default_charts, own_tables=_default_own_tables, rollup=_default_rollup):\n    _object_setattr(self, 'name', name)\n    _object_setattr(self, 'extensions', extensions)\n    _object_setattr(self, 'binary', binary)\n    _object_setattr(self, 'renderer', renderer)\n    _object_setattr(self, 'extra', extra)\n    _object_setattr(self, 'charts', charts)\n    _object_setattr(self, 'own_tables', own_tables)\n    _object_setattr(self, 'rollup', rollup)\n", _init_42)


def _init_43(_FACTORY, _object_setattr, _default_sentences, _default_children):
    def __init__(self, heading, node, sentences=_FACTORY, children=_FACTORY):
        self.heading = heading
        self.node = node
        self.sentences = _default_sentences() if sentences is _FACTORY else sentences
        self.children = _default_children() if children is _FACTORY else children
    return __init__


INITS['lkjipdsl.render.narrative.Section'] = ('def __init__(self, heading, node, sentences=_FACTORY, children=_FACTORY):\n    self.heading = heading\n    self.node = node\n    self.sentences = _default_sentences() if sentences is _FACTORY else sentences\n    self.children = _default_children() if children is _FACTORY else children\n', _init_43)


def _init_44(_FACTORY, _object_setattr, _default_path, _default_named):
    def __init__(self, kind, path=_default_path, named=_default_named):
        _object_setattr(self, 'kind', kind)
        _object_setattr(self, 'path', path)
        _object_setattr(self, 'named', named)
    return __init__


INITS['lkjipdsl.render.output.Destination'] = ("def __init__(self, kind, path=_default_path, named=_default_named):\n    _object_setattr(self, 'kind', kind)\n    _object_setattr(self, 'path', path)\n    _object_setattr(self, 'named', named)\n", _init_44)


def _init_45(_tuple_new):
    def __new__(_cls, text, value, places):
        return _tuple_new(_cls, (text, value, places,))
    return __new__


INITS['lkjipdsl.render.table.Cell.__new__'] = ('def __new__(_cls, text, value, places):\n    return _tuple_new(_cls, (text, value, places,))\n', _init_45)


def _init_46(_FACTORY, _object_setattr, _default_rows, _default_colors, _default_values, _default_places, _default_rated, _default_levels, _default_nested, _default_groups, _default_leaves, _default_sums, _default_ratios, _default_totals):
    def __init__(self, name, title, headers, align, rows=_FACTORY, colors=_FACTORY, values=_FACTORY, places=_FACTORY, rated=_default_rated, levels=_FACTORY, nested=_default_nested, groups=_FACTORY, leaves=_FACTORY, sums=_FACTORY, ratios=_FACTORY, totals=_FACTORY):
        self.name = name
        self.title = title
        self.headers = headers
        self.align = align
        self.rows = _default_rows() if rows is _FACTORY else rows
        self.colors = _default_colors() if colors is _FACTORY else colors
        self.values = _default_values() if values is _FACTORY else values
        self.places = _default_places() if places is _FACTORY else places
        self.rated = rated
        self.levels = _default_levels() if levels is _FACTORY else levels
        self.nested = nested
        self.groups = _default_groups() if groups is _FACTORY else groups
        self.leaves = _default_leaves() if leaves is _FACTORY else leaves
        self.sums = _default_sums() if sums is _FACTORY else sums
        self.ratios = _default_ratios() if ratios is _FACTORY else ratios
        self.totals = _default_totals() if totals is _FACTORY else totals
    return __init__


INITS['lkjipdsl.render.table.Table'] = ('def __init__(self, name, title, headers, align, rows=_FACTORY, colors=_FACTORY, values=_FACTORY, places=_FACTORY, rated=_default_rated, levels=_FACTORY, nested=_default_nested, groups=_FACTORY, leaves=_FACTORY, sums=_FACTORY, ratios=_FACTORY, totals=_FACTORY):\n    self.name = name\n    self.title = title\n    self.headers = headers\n    self.align = align\n    self.rows = _default_rows() if rows is _FACTORY else rows\n    self.colors = _default_colors() if colors is _FACTORY else colors\n    self.values = _default_values() if values is _FACTORY else values\n    self.places = _default_places() if places is _FACTORY else places\n    self.rated = rated\n    self.levels = _default_levels() if levels is _FACTORY else levels\n    self.nested = nested\n    self.groups = _default_groups() if groups is _FACTORY else groups\n    self.leaves = _default_leaves() if leaves is _FACTORY else leaves\n    self.sums = _default_sums() if sums is _FACTORY else sums\n    self.ratios = _default_ratios() if ratios is _FACTORY else ratios\n    self.totals = _default_totals() if totals is _FACTORY else totals\n', _init_46)


def _init_47(_FACTORY, _object_setattr, _set_node_id, _set_field, _default_printed, _set_printed, _set_printed_text, _default_computed, _set_computed, _default_computed_text, _set_computed_text, _set_ok, _default_source, _set_source, _default_note, _set_note, _default_kind, _set_kind, _set_location):
    def __init__(self, *, node_id, field, printed=_default_printed, printed_text, computed=_default_computed, computed_text=_default_computed_text, ok, source=_default_source, note=_default_note, kind=_default_kind, location):
        _set_node_id(self, node_id)
        _set_field(self, field)
        _set_printed(self, printed)
        _set_printed_text(self, printed_text)
        _set_computed(self, computed)
        _set_computed_text(self, computed_text)
        _set_ok(self, ok)
        _set_source(self, source)
        _set_note(self, note)
        _set_kind(self, kind)
        _set_location(self, location)
    return __init__


INITS['lkjipdsl.results.AssertionResult'] = ('def __init__(self, *, node_id, field, printed=_default_printed, printed_text, computed=_default_computed, computed_text=_default_computed_text, ok, source=_default_source, note=_default_note, kind=_default_kind, location):\n    _set_node_id(self, node_id)\n    _set_field(self, field)\n    _set_printed(self, printed)\n    _set_printed_text(self, printed_text)\n    _set_computed(self, computed)\n    _set_computed_text(self, computed_text)\n    _set_ok(self, ok)\n    _set_source(self, source)\n    _set_note(self, note)\n    _set_kind(self, kind)\n    _set_location(self, location)\n', _init_47)


def _init_48(_FACTORY, _object_setattr, _set_label, _set_warna, _default_bawah, _set_bawah, _default_bawah_termasuk, _set_bawah_termasuk, _default_atas, _set_atas, _default_atas_termasuk, _set_atas_termasuk):
    def __init__(self, *, label, warna, bawah=_default_bawah, bawah_termasuk=_default_bawah_termasuk, atas=_default_atas, atas_termasuk=_default_atas_termasuk):
        _set_label(self, label)
        _set_warna(self, warna)
        _set_bawah(self, bawah)
        _set_bawah_termasuk(self, bawah_termasuk)
        _set_atas(self, atas)
        _set_atas_termasuk(self, atas_termasuk)
    return __init__


INITS['lkjipdsl.results.BandResult'] = ('def __init__(self, *, label, warna, bawah=_default_bawah, bawah_termasuk=_default_bawah_termasuk, atas=_default_atas, atas_termasuk=_default_atas_termasuk):\n    _set_label(self, label)\n    _set_warna(self, warna)\n    _set_bawah(self, bawah)\n    _set_bawah_termasuk(self, bawah_termasuk)\n    _set_atas(self, atas)\n    _set_atas_termasuk(self, atas_termasuk)\n', _init_48)


def _init_49(_FACTORY, _object_setattr, _set_field, _default_value, _set_value, _set_formula, _set_substituted, _default_inputs, _set_inputs, _default_note, _set_note):
    def __init__(self, *, field, value=_default_value, formula, substituted, inputs=_FACTORY, note=_default_note):
        _set_field(self, field)
        _set_value(self, value)
        _set_formula(self, formula)
        _set_substituted(self, substituted)
        _set_inputs(self, _default_inputs() if inputs is _FACTORY else inputs)
        _set_note(self, note)
    return __init__


INITS['lkjipdsl.results.Computation'] = ('def __init__(self, *, field, value=_default_value, formula, substituted, inputs=_FACTORY, note=_default_note):\n    _set_field(self, field)\n    _set_value(self, value)\n    _set_formula(self, formula)\n    _set_substituted(self, substituted)\n    _set_inputs(self, _default_inputs() if inputs is _FACTORY else inputs)\n    _set_note(self, note)\n', _init_49)


def _init_50(_FACTORY, _object_setattr, _set_code, _set_severity, _set_message, _default_location, _set_location, _default_hints, _set_hints):
    def __init__(self, *, code, severity, message, location=_default_location, hints=_FACTORY):
        _set_code(self, code)
        _set_severity(self, severity)
        _set_message(self, message)
        _set_location(self, location)
        _set_hints(self, _default_hints() if hints is _FACTORY else hints)
    return __init__


INITS['lkjipdsl.results.DiagnosticResult'] = ('def __init__(self, *, code, severity, message, location=_default_location, hints=_FACTORY):\n    _set_code(self, code)\n    _set_severity(self, severity)\n    _set_message(self, message)\n    _set_location(self, location)\n    _set_hints(self, _default_hints() if hints is _FACTORY else hints)\n', _init_50)


def _init_51(_FACTORY, _object_setattr, _set_selisih, _set_label, _set_ambang):
    def __init__(self, *, selisih, label, ambang):
        _set_selisih(self, selisih)
        _set_label(self, label)
        _set_ambang(self, ambang)
    return __init__


INITS['lkjipdsl.results.Efisiensi'] = ('def __init__(self, *, selisih, label, ambang):\n    _set_selisih(self, selisih)\n    _set_label(self, label)\n    _set_ambang(self, ambang)\n', _init_51)


def _init_52(_FACTORY, _object_setattr, _set_rule, _set_severity, _set_message, _default_node_id, _set_node_id, _default_location, _set_location):
    def __init__(self, *, rule, severity, message, node_id=_default_node_id, location=_default_location):
        _set_rule(self, rule)
        _set_severity(self, severity)
        _set_message(self, message)
        _set_node_id(self, node_id)
        _set_location(self, location)
    return __init__


INITS['lkjipdsl.results.Finding'] = ('def __init__(self, *, rule, severity, message, node_id=_default_node_id, location=_default_location):\n    _set_rule(self, rule)\n    _set_severity(self, severity)\n    _set_message(self, message)\n    _set_node_id(self, node_id)\n    _set_location(self, location)\n', _init_52)


def _init_53(_FACTORY, _object_setattr, _set_tahun, _default_target, _set_target, _default_realisasi, _set_realisasi, _default_capaian, _set_capaian, _default_tercetak, _set_tercetak, _default_target_tertulis, _set_target_tertulis, _default_realisasi_tertulis, _set_realisasi_tertulis):
    def __init__(self, *, tahun, target=_default_target, realisasi=_default_realisasi, capaian=_default_capaian, tercetak=_default_tercetak, target_tertulis=_default_target_tertulis, realisasi_tertulis=_default_realisasi_tertulis):
        _set_tahun(self, tahun)
        _set_target(self, target)
        _set_realisasi(self, realisasi)
        _set_capaian(self, capaian)
        _set_tercetak(self, tercetak)
        _set_target_tertulis(self, target_tertulis)
        _set_realisasi_tertulis(self, realisasi_tertulis)
    return __init__


INITS['lkjipdsl.results.HistoryResult'] = ('def __init__(self, *, tahun, target=_default_target, realisasi=_default_realisasi, capaian=_default_capaian, tercetak=_default_tercetak, target_tertulis=_default_target_tertulis, realisasi_tertulis=_default_realisasi_tertulis):\n    _set_tahun(self, tahun)\n    _set_target(self, target)\n    _set_realisasi(self, realisasi)\n    _set_capaian(self, capaian)\n    _set_tercetak(self, tercetak)\n    _set_target_tertulis(self, target_tertulis)\n    _set_realisasi_tertulis(self, realisasi_tertulis)\n', _init_53)


def _init_54(_FACTORY, _object_setattr, _set_file, _set_line, _set_column, _default_end_line, _set_end_line, _default_end_column, _set_end_column):
    def __init__(self, *, file, line, column, end_line=_default_end_line, end_column=_default_end_column):
        _set_file(self, file)
        _set_line(self, line)
        _set_column(self, column)
        _set_end_line(self, end_line)
        _set_end_column(self, end_column)
    return __init__


INITS['lkjipdsl.results.Location'] = ('def __init__(self, *, file, line, column, end_line=_default_end_line, end_column=_default_end_column):\n    _set_file(self, file)\n    _set_line(self, line)\n    _set_column(self, column)\n    _set_end_line(self, end_line)\n    _set_end_column(self, end_column)\n', _init_54)


def _init_55(_FACTORY, _object_setattr, _set_id, _set_kind, _set_name, _default_parent_id, _set_parent_id, _default_satuan, _set_satuan, _default_polaritas, _set_polaritas, _default_target, _set_target, _default_target_atas, _set_target_atas, _default_realisasi, _set_realisasi, _default_target_tertulis, _set_target_tertulis, _default_target_atas_tertulis, _set_target_atas_tertulis, _default_realisasi_tertulis, _set_realisasi_tertulis, _default_anggaran, _set_anggaran, _default_realisasi_anggaran, _set_realisasi_anggaran, _default_sisa, _set_sisa, _default_capaian, _set_capaian, _default_capaian_output, _set_capaian_output, _default_serapan, _set_serapan, _default_capaian_kinerja, _set_capaian_kinerja, _default_capaian_renstra, _set_capaian_renstra, _default_target_renstra, _set_target_renstra, _default_target_renstra_tertulis, _set_target_renstra_tertulis, _default_predikat, _set_predikat, _default_predikat_serapan, _set_predikat_serapan, _default_penanggung_jawab, _set_penanggung_jawab, _default_keterangan, _set_keterangan, _default_standar_nasional, _set_standar_nasional, _default_standar_nasional_nihil, _set_standar_nasional_nihil, _default_nilai, _set_nilai, _default_efisiensi, _set_efisiensi, _default_jumlah, _set_jumlah, _default_dokumen, _set_dokumen, _default_sama_dengan, _set_sama_dengan, _default_tahun, _set_tahun, _default_riwayat, _set_riwayat, _default_renstra, _set_renstra, _default_periode, _set_periode, _default_computations, _set_computations, _default_findings, _set_findings, _default_location, _set_location):
    def __init__(self, *, id, kind, name, parent_id=_default_parent_id, satuan=_default_satuan, polaritas=_default_polaritas, target=_default_target, target_atas=_default_target_atas, realisasi=_default_realisasi, target_tertulis=_default_target_tertulis, target_atas_tertulis=_default_target_atas_tertulis, realisasi_tertulis=_default_realisasi_tertulis, anggaran=_default_anggaran, realisasi_anggaran=_default_realisasi_anggaran, sisa=_default_sisa, capaian=_default_capaian, capaian_output=_default_capaian_output, serapan=_default_serapan, capaian_kinerja=_default_capaian_kinerja, capaian_renstra=_default_capaian_renstra, target_renstra=_default_target_renstra, target_renstra_tertulis=_default_target_renstra_tertulis, predikat=_default_predikat, predikat_serapan=_default_predikat_serapan, penanggung_jawab=_default_penanggung_jawab, keterangan=_default_keterangan, standar_nasional=_default_standar_nasional, standar_nasional_nihil=_default_standar_nasional_nihil, nilai=_default_nilai, efisiensi=_default_efisiensi, jumlah=_FACTORY, dokumen=_default_dokumen, sama_dengan=_default_sama_dengan, tahun=_default_tahun, riwayat=_FACTORY, renstra=_FACTORY, periode=_FACTORY, computations=_FACTORY, findings=_FACTORY, location=_default_location):
        _set_id(self, id)
        _set_kind(self, kind)
        _set_name(self, name)
        _set_parent_id(self, parent_id)
        _set_satuan(self, satuan)
        _set_polaritas(self, polaritas)
        _set_target(self, target)
        _set_target_atas(self, target_atas)
        _set_realisasi(self, realisasi)
        _set_target_tertulis(self, target_tertulis)
        _set_target_atas_tertulis(self, target_atas_tertulis)
        _set_realisasi_tertulis(self, realisasi_tertulis)
        _set_anggaran(self, anggaran)
        _set_realisasi_anggaran(self, realisasi_anggaran)
        _set_sisa(self, sisa)
        _set_capaian(self, capaian)
        _set_capaian_output(self, capaian_output)
        _set_serapan(self, serapan)
        _set_capaian_kinerja(self, capaian_kinerja)
        _set_capaian_renstra(self, capaian_renstra)
        _set_target_renstra(self, target_renstra)
        _set_target_renstra_tertulis(self, target_renstra_tertulis)
        _set_predikat(self, predikat)
        _set_predikat_serapan(self, predikat_serapan)
        _set_penanggung_jawab(self, penanggung_jawab)
        _set_keterangan(self, keterangan)
        _set_standar_nasional(self, standar_nasional)
        _set_standar_nasional_nihil(self, standar_nasional_nihil)
        _set_nilai(self, nilai)
        _set_efisiensi(self, efisiensi)
        _set_jumlah(self, _default_jumlah() if jumlah is _FACTORY else jumlah)
        _set_dokumen(self, dokumen)
        _set_sama_dengan(self, sama_dengan)
        _set_tahun(self, tahun)
        _set_riwayat(self, _default_riwayat() if riwayat is _FACTORY else riwayat)
        _set_renstra(self, _default_renstra() if renstra is _FACTORY else renstra)
        _set_periode(self, _default_periode() if periode is _FACTORY else periode)
        _set_computations(self, _default_computations() if computations is _FACTORY else computations)
        _set_findings(self, _default_findings() if findings is _FACTORY else findings)
        _set_location(self, location)
    return __init__


INITS['lkjipdsl.results.NodeResult'] = ('def __init__(self, *, id, kind, name, parent_id=_default_parent_id, satuan=_default_satuan, polaritas=_default_polaritas, target=_default_target, target_atas=_default_target_atas, realisasi=_default_realisasi, target_tertulis=_default_target_tertulis, target_atas_tertulis=_default_target_atas_tertulis, realisasi_tertulis=_default_realisasi_tertulis, anggaran=_default_anggaran, realisasi_anggaran=_default_realisasi_anggaran, sisa=_default_sisa, capaian=_default_capaian, capaian_output=_default_capaian_output, serapan=_default_serapan, capaian_kinerja=_default_capaian_kinerja, capaian_renstra=_default_capaian_renstra, target_renstra=_default_target_renstra, target_renstra_tertulis=_default_target_renstra_tertulis, predikat=_default_predikat, predikat_serapan=_default_predikat_serapan, penanggung_jawab=_default_penanggung_jawab, keterangan=_default_keterangan, standar_nasional=_default_standar_nasional, standar_nasional_nihil=_default_standar_nasional_nihil, nilai=_default_nilai, efisiensi=_default_efisiensi, jumlah=_FACTORY, dokumen=_default_dokumen, sama_dengan=_default_sama_dengan, tahun=_default_tahun, riwayat=_FACTORY, renstra=_FACTORY, periode=_FACTORY, computations=_FACTORY, findings=_FACTORY, location=_default_location):\n    _set_id(self, id)\n    _set_kind(self, kind)\n    _set_name(self, name)\n    _set_parent_id(self, parent_id)\n    _set_satuan(self, satuan)\n    _set_polaritas(self, polaritas)\n    _set_target(self, target)\n    _set_target_atas(self, target_atas)\n    _set_realisasi(self, realisasi)\n    _set_target_tertulis(self, target_tertulis)\n    _set_target_atas_tertulis(self, target_atas_tertulis)\n    _set_realisasi_tertulis(self, realisasi_tertulis)\n    _set_anggaran(self, anggaran)\n    _set_realisasi_anggaran(self, realisasi_anggaran)\n    _set_sisa(self, sisa)\n    _set_capaian(self, capaian)\n    _set_capaian_output(self, capaian_output)\n    _set_serapan(self, serapan)\n    _set_capaian_kinerja(self, capaian_kinerja)\n    _set_capaian_renstra(self, capaian_renstra)\n    _set_target_renstra(self, target_renstra)\n    _set_target_renstra_tertulis(self, target_renstra_tertulis)\n    _set_predikat(self, predikat)\n    _set_predikat_serapan(self, predikat_serapan)\n    _set_penanggung_jawab(self, penanggung_jawab)\n    _set_keterangan(self, keterangan)\n    _set_standar_nasional(self, standar_nasional)\n    _set_standar_nasional_nihil(self, standar_nasional_nihil)\n    _set_nilai(self, nilai)\n    _set_efisiensi(self, efisiensi)\n    _set_jumlah(self, _default_jumlah() if jumlah is _FACTORY else jumlah)\n    _set_dokumen(self, dokumen)\n    _set_sama_dengan(self, sama_dengan)\n    _set_tahun(self, tahun)\n    _set_riwayat(self, _default_riwayat() if riwayat is _FACTORY else riwayat)\n    _set_renstra(self, _default_renstra() if renstra is _FACTORY else renstra)\n    _set_periode(self, _default_periode() if periode is _FACTORY else periode)\n    _set_computations(self, _default_computations() if computations is _FACTORY else computations)\n    _set_findings(self, _default_findings() if findings is _FACTORY else findings)\n    _set_location(self, location)\n', _init_55)


def _init_56(_FACTORY, _object_setattr, _set_periode, _default_target, _set_target, _default_realisasi, _set_realisasi, _default_capaian, _set_capaian, _default_target_tertulis, _set_target_tertulis, _default_realisasi_tertulis, _set_realisasi_tertulis):
    def __init__(self, *, periode, target=_default_target, realisasi=_default_realisasi, capaian=_default_capaian, target_tertulis=_default_target_tertulis, realisasi_tertulis=_default_realisasi_tertulis):
        _set_periode(self, periode)
        _set_target(self, target)
        _set_realisasi(self, realisasi)
        _set_capaian(self, capaian)
        _set_target_tertulis(self, target_tertulis)
        _set_realisasi_tertulis(self, realisasi_tertulis)
    return __init__


INITS['lkjipdsl.results.PeriodResult'] = ('def __init__(self, *, periode, target=_default_target, realisasi=_default_realisasi, capaian=_default_capaian, target_tertulis=_default_target_tertulis, realisasi_tertulis=_default_realisasi_tertulis):\n    _set_periode(self, periode)\n    _set_target(self, target)\n    _set_realisasi(self, realisasi)\n    _set_capaian(self, capaian)\n    _set_target_tertulis(self, target_tertulis)\n    _set_realisasi_tertulis(self, realisasi_tertulis)\n', _init_56)


def _init_57(_FACTORY, _object_setattr, _set_label, _set_warna, _set_skala):
    def __init__(self, *, label, warna, skala):
        _set_label(self, label)
        _set_warna(self, warna)
        _set_skala(self, skala)
    return __init__


INITS['lkjipdsl.results.Predikat'] = ('def __init__(self, *, label, warna, skala):\n    _set_label(self, label)\n    _set_warna(self, warna)\n    _set_skala(self, skala)\n', _init_57)


def _init_58(_FACTORY, _object_setattr, _default_tahun, _set_tahun, _default_target, _set_target, _default_anggaran, _set_anggaran, _default_target_tertulis, _set_target_tertulis):
    def __init__(self, *, tahun=_default_tahun, target=_default_target, anggaran=_default_anggaran, target_tertulis=_default_target_tertulis):
        _set_tahun(self, tahun)
        _set_target(self, target)
        _set_anggaran(self, anggaran)
        _set_target_tertulis(self, target_tertulis)
    return __init__


INITS['lkjipdsl.results.RenstraResult'] = ('def __init__(self, *, tahun=_default_tahun, target=_default_target, anggaran=_default_anggaran, target_tertulis=_default_target_tertulis):\n    _set_tahun(self, tahun)\n    _set_target(self, target)\n    _set_anggaran(self, anggaran)\n    _set_target_tertulis(self, target_tertulis)\n', _init_58)


def _init_59(_FACTORY, _object_setattr, _default_schema_version, _set_schema_version, _set_spec, _default_nodes, _set_nodes, _default_assertions, _set_assertions, _default_findings, _set_findings, _default_diagnostics, _set_diagnostics, _default_skala, _set_skala):
    def __init__(self, *, schema_version=_default_schema_version, spec, nodes=_FACTORY, assertions=_FACTORY, findings=_FACTORY, diagnostics=_FACTORY, skala=_FACTORY):
        _set_schema_version(self, schema_version)
        _set_spec(self, spec)
        _set_nodes(self, _default_nodes() if nodes is _FACTORY else nodes)
        _set_assertions(self, _default_assertions() if assertions is _FACTORY else assertions)
        _set_findings(self, _default_findings() if findings is _FACTORY else findings)
        _set_diagnostics(self, _default_diagnostics() if diagnostics is _FACTORY else diagnostics)
        _set_skala(self, _default_skala() if skala is _FACTORY else skala)
    return __init__


INITS['lkjipdsl.results.Result'] = ('def __init__(self, *, schema_version=_default_schema_version, spec, nodes=_FACTORY, assertions=_FACTORY, findings=_FACTORY, diagnostics=_FACTORY, skala=_FACTORY):\n    _set_schema_version(self, schema_version)\n    _set_spec(self, spec)\n    _set_nodes(self, _default_nodes() if nodes is _FACTORY else nodes)\n    _set_assertions(self, _default_assertions() if assertions is _FACTORY else assertions)\n    _set_findings(self, _default_findings() if findings is _FACTORY else findings)\n    _set_diagnostics(self, _default_diagnostics() if diagnostics is _FACTORY else diagnostics)\n    _set_skala(self, _default_skala() if skala is _FACTORY else skala)\n', _init_59)


def _init_60(_FACTORY, _object_setattr, _set_id, _set_judul, _default_presisi, _set_presisi, _default_pita, _set_pita):
    def __init__(self, *, id, judul, presisi=_default_presisi, pita=_FACTORY):
        _set_id(self, id)
        _set_judul(self, judul)
        _set_presisi(self, presisi)
        _set_pita(self, _default_pita() if pita is _FACTORY else pita)
    return __init__


INITS['lkjipdsl.results.ScaleResult'] = ('def __init__(self, *, id, judul, presisi=_default_presisi, pita=_FACTORY):\n    _set_id(self, id)\n    _set_judul(self, judul)\n    _set_presisi(self, presisi)\n    _set_pita(self, _default_pita() if pita is _FACTORY else pita)\n', _init_60)


def _init_61(_FACTORY, _object_setattr, _set_file, _default_instansi, _set_instansi, _default_tahun, _set_tahun, _default_renstra, _set_renstra, _default_skala, _set_skala, _default_tabel, _set_tabel, _default_pembulatan, _set_pembulatan):
    def __init__(self, *, file, instansi=_default_instansi, tahun=_default_tahun, renstra=_default_renstra, skala=_default_skala, tabel=_FACTORY, pembulatan=_default_pembulatan):
        _set_file(self, file)
        _set_instansi(self, instansi)
        _set_tahun(self, tahun)
        _set_renstra(self, renstra)
        _set_skala(self, skala)
        _set_tabel(self, _default_tabel() if tabel is _FACTORY else tabel)
        _set_pembulatan(self, pembulatan)
    return __init__


INITS['lkjipdsl.results.SpecInfo'] = ('def __init__(self, *, file, instansi=_default_instansi, tahun=_default_tahun, renstra=_default_renstra, skala=_default_skala, tabel=_FACTORY, pembulatan=_default_pembulatan):\n    _set_file(self, file)\n    _set_instansi(self, instansi)\n    _set_tahun(self, tahun)\n    _set_renstra(self, renstra)\n    _set_skala(self, skala)\n    _set_tabel(self, _default_tabel() if tabel is _FACTORY else tabel)\n    _set_pembulatan(self, pembulatan)\n', _init_61)


def _init_62(_FACTORY, _object_setattr, _default_inputs, _default_note):
    def __init__(self, field, value, formula, _substituted, inputs=_FACTORY, note=_default_note):
        self.field = field
        self.value = value
        self.formula = formula
        self._substituted = _substituted
        self.inputs = _default_inputs() if inputs is _FACTORY else inputs
        self.note = note
    return __init__


INITS['lkjipdsl.rules.Computed'] = ('def __init__(self, field, value, formula, _substituted, inputs=_FACTORY, note=_default_note):\n    self.field = field\n    self.value = value\n    self.formula = formula\n    self._substituted = _substituted\n    self.inputs = _default_inputs() if inputs is _FACTORY else inputs\n    self.note = note\n', _init_62)


def _init_63(_FACTORY, _object_setattr, _default_diagnostics, _default_anggaran_given):
    def __init__(self, spec, diagnostics=_FACTORY, anggaran_given=_FACTORY):
        self.spec = spec
        self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics
        self.anggaran_given = _default_anggaran_given() if anggaran_given is _FACTORY else anggaran_given
        self.__post_init__()
    return __init__


INITS['lkjipdsl.rules.RuleContext'] = ('def __init__(self, spec, diagnostics=_FACTORY, anggaran_given=_FACTORY):\n    self.spec = spec\n    self.diagnostics = _default_diagnostics() if diagnostics is _FACTORY else diagnostics\n    self.anggaran_given = _default_anggaran_given() if anggaran_given is _FACTORY else anggaran_given\n    self.__post_init__()\n', _init_63)


def _init_64(_FACTORY, _object_setattr, _default_parts_parsed, _default_parts_reused, _default_blocks_built, _default_blocks_reused, _default_values_computed, _default_values_reused, _default_whole):
    def __init__(self, parts_parsed=_default_parts_parsed, parts_reused=_default_parts_reused, blocks_built=_default_blocks_built, blocks_reused=_default_blocks_reused, values_computed=_default_values_computed, values_reused=_default_values_reused, whole=_default_whole):
        self.parts_parsed = parts_parsed
        self.parts_reused = parts_reused
        self.blocks_built = blocks_built
        self.blocks_reused = blocks_reused
        self.values_computed = values_computed
        self.values_reused = values_reused
        self.whole = whole
    return __init__


INITS['lkjipdsl.session.SessionStats'] = ('def __init__(self, parts_parsed=_default_parts_parsed, parts_reused=_default_parts_reused, blocks_built=_default_blocks_built, blocks_reused=_default_blocks_reused, values_computed=_default_values_computed, values_reused=_default_values_reused, whole=_default_whole):\n    self.parts_parsed = parts_parsed\n    self.parts_reused = parts_reused\n    self.blocks_built = blocks_built\n    self.blocks_reused = blocks_reused\n    self.values_computed = values_computed\n    self.values_reused = values_reused\n    self.whole = whole\n', _init_64)


def _init_65(_FACTORY, _object_setattr):
    def __init__(self):
        pass
    return __init__


INITS['lkjipdsl.syntax.lossless.Blank'] = ('def __init__(self):\n    pass\n', _init_65)


def _init_66(_FACTORY, _object_setattr, _default_items, _default_one_line, _default_opening_comment):
    def __init__(self, items=_FACTORY, one_line=_default_one_line, opening_comment=_default_opening_comment):
        self.items = _default_items() if items is _FACTORY else items
        self.one_line = one_line
        self.opening_comment = opening_comment
    return __init__


INITS['lkjipdsl.syntax.lossless.Block'] = ('def __init__(self, items=_FACTORY, one_line=_default_one_line, opening_comment=_default_opening_comment):\n    self.items = _default_items() if items is _FACTORY else items\n    self.one_line = one_line\n    self.opening_comment = opening_comment\n', _init_66)


def _init_67(_FACTORY, _object_setattr):
    def __init__(self, text):
        self.text = text
    return __init__


INITS['lkjipdsl.syntax.lossless.Comment'] = ('def __init__(self, text):\n    self.text = text\n', _init_67)


def _init_68(_FACTORY, _object_setattr, _default_tokens, _default_block, _default_comment):
    def __init__(self, tokens=_FACTORY, block=_default_block, comment=_default_comment):
        self.tokens = _default_tokens() if tokens is _FACTORY else tokens
        self.block = block
        self.comment = comment
    return __init__


INITS['lkjipdsl.syntax.lossless.Statement'] = ('def __init__(self, tokens=_FACTORY, block=_default_block, comment=_default_comment):\n    self.tokens = _default_tokens() if tokens is _FACTORY else tokens\n    self.block = block\n    self.comment = comment\n', _init_68)


def _init_69(_FACTORY, _object_setattr, _default_previous, _default_statements, _default_parsed, _default_reused, _default_moved, _default_ok, _default_text, _default_parts, _default_texts, _default_scanned, _default_span):
    def __init__(self, previous=_FACTORY, statements=_default_statements, parsed=_default_parsed, reused=_default_reused, moved=_default_moved, ok=_default_ok, text=_default_text, parts=_FACTORY, texts=_FACTORY, scanned=_default_scanned, span=_default_span):
        self.previous = _default_previous() if previous is _FACTORY else previous
        self.statements = statements
        self.parsed = parsed
        self.reused = reused
        self.moved = moved
        self.ok = ok
        self.text = text
        self.parts = _default_parts() if parts is _FACTORY else parts
        self.texts = _default_texts() if texts is _FACTORY else texts
        self.scanned = scanned
        self.span = span
    return __init__


INITS['lkjipdsl.syntax.parts.PartCache'] = ('def __init__(self, previous=_FACTORY, statements=_default_statements, parsed=_default_parsed, reused=_default_reused, moved=_default_moved, ok=_default_ok, text=_default_text, parts=_FACTORY, texts=_FACTORY, scanned=_default_scanned, span=_default_span):\n    self.previous = _default_previous() if previous is _FACTORY else previous\n    self.statements = statements\n    self.parsed = parsed\n    self.reused = reused\n    self.moved = moved\n    self.ok = ok\n    self.text = text\n    self.parts = _default_parts() if parts is _FACTORY else parts\n    self.texts = _default_texts() if texts is _FACTORY else texts\n    self.scanned = scanned\n    self.span = span\n', _init_69)


def _init_70(_FACTORY, _object_setattr):
    def __init__(self, statements, tokens, origin):
        self.statements = statements
        self.tokens = tokens
        self.origin = origin
    return __init__


INITS['lkjipdsl.syntax.parts._Part'] = ('def __init__(self, statements, tokens, origin):\n    self.statements = statements\n    self.tokens = tokens\n    self.origin = origin\n', _init_70)


def _init_71(_FACTORY, _object_setattr):
    def __init__(self, source, text, diagnostics, fatal):
        self.source = source
        self.text = text
        self.diagnostics = diagnostics
        self.fatal = fatal
    return __init__


INITS['lkjipdsl.syntax.prescan.Prescan'] = ('def __init__(self, source, text, diagnostics, fatal):\n    self.source = source\n    self.text = text\n    self.diagnostics = diagnostics\n    self.fatal = fatal\n', _init_71)


def _init_72(_tuple_new):
    def __new__(_cls, kind, text, span, high):
        return _tuple_new(_cls, (kind, text, span, high,))
    return __new__


INITS['lkjipdsl.syntax.tree.Atom.__new__'] = ('def __new__(_cls, kind, text, span, high):\n    return _tuple_new(_cls, (kind, text, span, high,))\n', _init_72)


def _init_73(_tuple_new):
    def __new__(_cls, key, key_span, atoms):
        return _tuple_new(_cls, (key, key_span, atoms,))
    return __new__


INITS['lkjipdsl.syntax.tree.Attr.__new__'] = ('def __new__(_cls, key, key_span, atoms):\n    return _tuple_new(_cls, (key, key_span, atoms,))\n', _init_73)


def _init_74(_tuple_new):
    def __new__(_cls, op, left, right, span):
        return _tuple_new(_cls, (op, left, right, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.BinOp.__new__'] = ('def __new__(_cls, op, left, right, span):\n    return _tuple_new(_cls, (op, left, right, span,))\n', _init_74)


def _init_75(_tuple_new):
    def __new__(_cls, key, key_span, atoms, body):
        return _tuple_new(_cls, (key, key_span, atoms, body,))
    return __new__


INITS['lkjipdsl.syntax.tree.Block.__new__'] = ('def __new__(_cls, key, key_span, atoms, body):\n    return _tuple_new(_cls, (key, key_span, atoms, body,))\n', _init_75)


def _init_76(_tuple_new):
    def __new__(_cls, function, args, span):
        return _tuple_new(_cls, (function, args, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Call.__new__'] = ('def __new__(_cls, function, args, span):\n    return _tuple_new(_cls, (function, args, span,))\n', _init_76)


def _init_77(_tuple_new):
    def __new__(_cls, key, key_span, expr, source):
        return _tuple_new(_cls, (key, key_span, expr, source,))
    return __new__


INITS['lkjipdsl.syntax.tree.ExprAttr.__new__'] = ('def __new__(_cls, key, key_span, expr, source):\n    return _tuple_new(_cls, (key, key_span, expr, source,))\n', _init_77)


def _init_78(_tuple_new):
    def __new__(_cls, text, span):
        return _tuple_new(_cls, (text, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Num.__new__'] = ('def __new__(_cls, text, span):\n    return _tuple_new(_cls, (text, span,))\n', _init_78)


def _init_79(_tuple_new):
    def __new__(_cls, owner, field, span):
        return _tuple_new(_cls, (owner, field, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Ref.__new__'] = ('def __new__(_cls, owner, field, span):\n    return _tuple_new(_cls, (owner, field, span,))\n', _init_79)


def _init_80(_tuple_new):
    def __new__(_cls, value, span):
        return _tuple_new(_cls, (value, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Str.__new__'] = ('def __new__(_cls, value, span):\n    return _tuple_new(_cls, (value, span,))\n', _init_80)


def _init_81(_tuple_new):
    def __new__(_cls, op, operand, span):
        return _tuple_new(_cls, (op, operand, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Unary.__new__'] = ('def __new__(_cls, op, operand, span):\n    return _tuple_new(_cls, (op, operand, span,))\n', _init_81)


def _init_82(_tuple_new):
    def __new__(_cls, name, span):
        return _tuple_new(_cls, (name, span,))
    return __new__


INITS['lkjipdsl.syntax.tree.Var.__new__'] = ('def __new__(_cls, name, span):\n    return _tuple_new(_cls, (name, span,))\n', _init_82)
