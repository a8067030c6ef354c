"""The rule expression language: checked against a scope, evaluated with Decimal, never with eval().

An expression sees the variables of the item it is evaluated for (`serapan`, `target`, …),
fields of other items by id (`IKU1.capaian`) and, inside the aggregate functions sum, mean,
count, min and max, the fields of the item's children (`mean(anak.capaian)`).
Missing values ('-') propagate: any arithmetic with no value gives no value, and a condition
with no value is not met.
"""

from __future__ import annotations

from .records import field, record
from decimal import Decimal, DecimalException, DivisionByZero, InvalidOperation, Overflow, localcontext
from collections.abc import Callable

from . import limits
from .syntax import tree as st
from .diagnostics import Diagnostic, Span, did_you_mean, error, warning
from .format import round_half_up
from .i18n import _
from .numbers import NumberError, parse_number

# The defaults; the limits in force are lkjipdsl.limits.current() (max_expression_depth/_nodes).
MAX_DEPTH = limits.DEFAULT.max_expression_depth
MAX_NODES = limits.DEFAULT.max_expression_nodes
AGGREGATES = ("sum", "mean", "count", "min", "max")
# min and max of one value would be that value: one argument is the decimal-comma trap, max(1,2)
SCALAR_FUNCTIONS = {"min": (2, None), "max": (2, None), "abs": (1, 1), "round": (1, 2), "ada": (1, 1)}
FUNCTIONS = sorted(set(AGGREGATES) | set(SCALAR_FUNCTIONS))
# Names a planner may reach for, by meaning rather than by spelling.
FUNCTION_ALIASES = {"maks": "max", "maksimum": "max", "minimum": "min", "jumlah": "sum", "total": "sum",
                    "rata": "mean", "rata_rata": "mean", "rerata": "mean", "avg": "mean", "average": "mean",
                    "mutlak": "abs", "bulat": "round", "bulatkan": "round", "hitung": "count", "banyak": "count"}
CHILDREN = "anak"
AT = "@"  # `realisasi@2022`: a field in an earlier year, as the graph names it (lkjipdsl.history)
FUNCTION_EXAMPLES = {"min": "min(serapan, 100)", "max": "max(capaian, 0)", "abs": "abs(realisasi - target)",
                     "round": "round(serapan, 2)", "ada": "ada(realisasi)"}


class EvalError(Exception):
    code = "E131"
    hints: tuple[str, ...] = ()

    def __init__(self, message: str, span: Span):
        super().__init__(message)
        self.span = span


class ValueTooLarge(EvalError):
    """A computed value beyond max_value_digits (E012)."""

    code = "E012"

    def __init__(self, span: Span):
        limit = limits.current().max_value_digits
        super().__init__(_("a value computed here has more than {limit} digits before the decimal point; "
                           "the limit is {limit} (max_value_digits)").format(limit=limit), span)
        self.hints = (_("a product or quotient of large numbers, or a chain of rumus multiplying each other's "
                        "values"), limits.how_to_raise("max_value_digits"))


@record(frozen=True, slots=True)
class Scope:
    """What an expression may name: its own variables, its children's fields, other items."""

    variables: frozenset[str]
    child_fields: frozenset[str] = frozenset()
    items: dict | None = None  # item id → the fields it exposes (with `realisasi@2022` … of its riwayat)
    earlier: frozenset[str] = frozenset()  # own variables that can be named in an earlier year
    earlier_items: dict = field(default_factory=dict)  # item id → its fields that have earlier years
    year: int | None = None  # the report's year: `@YEAR` names one before it


def check(expr: st.Expr, scope: Scope, convention: str) -> list[Diagnostic]:
    """Static checks: size and depth, known names and functions, argument counts, numbers."""
    problems: list[Diagnostic] = []
    count, depth = _size(expr)
    if count > limits.current().max_expression_nodes:
        return [limits.limit_error("E133", _("expression too large: {count} parts").format(
                                       count=limits.number(count)),
                                   "max_expression_nodes", expr.span, count, _("split the rule into smaller ones"))]
    if depth > limits.current().max_expression_depth:
        return [limits.limit_error("E133", _("expression nested too deeply: {depth} levels").format(
                                       depth=limits.number(depth)),
                                   "max_expression_depth", expr.span, depth,
                                   _("simplify the expression; a chain such as a + b + c + … counts one level "
                                     "per operator"))]
    _check(expr, scope, convention, problems, in_aggregate=False)
    return problems


def _size(expr: st.Expr) -> tuple[int, int]:
    count, deepest = 0, 0
    stack = [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        deepest = max(deepest, depth)
        if isinstance(node, st.Call):
            stack.extend((a, depth + 1) for a in node.args)
        elif isinstance(node, st.BinOp):
            stack.extend(((node.left, depth + 1), (node.right, depth + 1)))
        elif isinstance(node, st.Unary):
            stack.append((node.operand, depth + 1))
    return count, deepest


def _check(node, scope: Scope, convention: str, problems: list, in_aggregate: bool) -> None:
    if isinstance(node, st.Num):
        try:
            parse_number(node.text, convention)
        except NumberError as exc:
            problems.append(error(exc.code, str(exc), node.span, *exc.hints))
    elif isinstance(node, st.Var):
        if node.name == CHILDREN:
            if not in_aggregate:
                problems.append(error("E130", _("'anak' (the children) can only be used inside sum, mean, "
                                                "count, min or max"), node.span,
                                      _("e.g. {example}").format(example="mean(anak.capaian)")))
            elif not scope.child_fields:
                problems.append(error("E130", _("this item has no children to aggregate over"), node.span))
        elif AT in node.name:
            _check_earlier_variable(node, scope, problems)
        elif node.name not in scope.variables:
            problems.append(error("E130", _("unknown name '{name}'").format(name=node.name), node.span,
                                  did_you_mean(node.name, scope.variables) or
                                  _("names here: {names}").format(names=", ".join(sorted(scope.variables)))))
    elif isinstance(node, st.Ref):
        if node.owner == CHILDREN:
            if not in_aggregate:
                problems.append(error("E130", _("'anak.…' can only be used inside sum, mean, count, min or max"),
                                      node.span, _("e.g. {example}").format(example=f"mean(anak.{node.field})")))
            elif node.field not in scope.child_fields:
                problems.append(error("E130", _("children have no field '{field}'").format(field=node.field),
                                      node.span, did_you_mean(node.field, scope.child_fields) or
                                      _("fields: {fields}").format(fields=", ".join(sorted(scope.child_fields)))))
        else:
            items = scope.items or {}
            if node.owner not in items:
                problems.append(error("E111", _("unknown item '{item}'").format(item=node.owner), node.span,
                                      _same_code(node.owner, items) or did_you_mean(node.owner, items)
                                      or _known_items(items)))
            elif node.field not in items[node.owner] and AT in node.field:
                _check_earlier_reference(node, items[node.owner], scope, problems)
            elif node.field not in items[node.owner]:
                problems.append(error("E130", _("'{item}' has no field '{field}'").format(item=node.owner,
                                                                                          field=node.field),
                                      node.span, did_you_mean(node.field, items[node.owner]) or
                                      _("fields: {fields}").format(fields=", ".join(sorted(items[node.owner])))))
    elif isinstance(node, st.Call):
        _check_call(node, scope, convention, problems, in_aggregate)
    elif isinstance(node, st.BinOp):
        _check(node.left, scope, convention, problems, in_aggregate)
        _check(node.right, scope, convention, problems, in_aggregate)
    elif isinstance(node, st.Unary):
        _check(node.operand, scope, convention, problems, in_aggregate)


def _year_problem(name: str, scope: Scope, span: Span) -> Diagnostic | None:
    year = int(name.partition(AT)[2])
    if scope.year is not None and year >= scope.year:
        return error("E130", _("'{name}' names {year}, which is not a year before the report year {tahun}").format(
                         name=name, year=year, tahun=scope.year), span,
                     _("a value of this year is written without '@': {field}").format(field=name.partition(AT)[0]))
    return None


def _check_earlier_variable(node: st.Var, scope: Scope, problems: list) -> None:
    """`realisasi@2022`: the item's own figure of an earlier year (no value where it has no riwayat 2022)."""
    field = node.name.partition(AT)[0]
    if field not in scope.earlier:
        problems.append(error("E130", _("'{field}' has no value of an earlier year here").format(field=field),
                              node.span, _("fields that can be named with @YEAR here: {fields}").format(
                                  fields=", ".join(sorted(scope.earlier)) or "-")))
        return
    problem = _year_problem(node.name, scope, node.span)
    if problem is not None:
        problems.append(problem)


def _check_earlier_reference(node: st.Ref, item_fields, scope: Scope, problems: list) -> None:
    """`IKU1.realisasi@2022`: needs a field IKU1 has in earlier years, and its `riwayat 2022`."""
    field, _at, year = node.field.partition(AT)
    earlier = scope.earlier_items.get(node.owner, ())
    if field not in earlier:
        problems.append(error("E130", _("'{item}' has no value of '{field}' in an earlier year").format(
                                  item=node.owner, field=field), node.span,
                              _("fields that can be named with @YEAR: {fields}").format(
                                  fields=", ".join(earlier) or "-") if earlier else
                              _("only indikator have riwayat values that can be named with @YEAR")))
        return
    problem = _year_problem(node.field, scope, node.span)
    if problem is None:
        years = sorted({name.partition(AT)[2] for name in item_fields if AT in name})
        given = "anggaran" if "anggaran" in earlier else "target"
        hint = (_("years in its riwayat: {years}").format(years=", ".join(years)) if years else
                _("add to {item}: riwayat {year} {given} N realisasi N").format(item=node.owner, year=year,
                                                                                given=given))
        problem = error("E130", _("'{item}' has no riwayat {year}").format(item=node.owner, year=year), node.span,
                        hint)
    problems.append(problem)


def _check_call(node: st.Call, scope: Scope, convention: str, problems: list, in_aggregate: bool) -> None:
    name = node.function
    if name not in FUNCTIONS:
        alias = FUNCTION_ALIASES.get(name.lower())
        problems.append(error("E132", _("unknown function '{name}'").format(name=name), node.span,
                              (_("did you mean '{name}'?").format(name=alias) if alias
                               else did_you_mean(name, FUNCTIONS))
                              or _("functions: {functions}").format(functions=", ".join(FUNCTIONS))))
        return
    aggregate = is_aggregate(node)
    if aggregate:
        if in_aggregate:
            problems.append(error("E132", _("'{function}' over children cannot be nested in another "
                                            "aggregate").format(function=name), node.span))
            return
        if len(node.args) != 1 and not (name == "count" and not node.args):
            problems.append(error("E132", _("{function}(…) over children takes one argument").format(function=name),
                                  node.span, _("e.g. {example}").format(example=f"{name}(anak.capaian)")))
            return
        for arg in node.args:
            _check(arg, scope, convention, problems, in_aggregate=True)
        return
    if name in ("sum", "mean", "count"):
        problems.append(error("E132", _("{function}(…) aggregates over children: use anak.FIELD inside "
                                        "it").format(function=name),
                              node.span, _("e.g. {example}").format(example=f"{name}(anak.serapan)")))
        return
    low, high = SCALAR_FUNCTIONS[name]
    if len(node.args) < low or (high is not None and len(node.args) > high):
        given = len(node.args)
        if low == high:
            message = _("{function}(…) takes {low} argument(s), got {given}")
        elif high:
            message = _("{function}(…) takes {low} to {high} argument(s), got {given}")
        else:
            message = _("{function}(…) takes at least {low} argument(s), got {given}")
        comma = next((a.text for a in node.args if isinstance(a, st.Num) and "," in a.text), None)
        hint = (_("'{number}' reads as one decimal number; put a space after a comma between arguments").format(
                    number=comma)
                if comma else _("e.g. {example}").format(example=FUNCTION_EXAMPLES[name]))
        problems.append(error("E132", message.format(function=name, low=low, high=high, given=given), node.span,
                              hint))
        return  # the hint already tells about a decimal comma: no W209 besides
    for arg in node.args:
        if isinstance(arg, st.Num) and "," in arg.text and "." not in arg.text:
            problems.append(warning("W209", _("'{number}' reads as one decimal number, not two arguments").format(
                                        number=arg.text), arg.span,
                                    _("if you meant two arguments, write '{arguments}'").format(
                                        arguments=arg.text.replace(',', ', '))))
    for arg in node.args:
        _check(arg, scope, convention, problems, in_aggregate)


def _same_code(owner: str, items: dict) -> str | None:
    """For `program 1.1` where 1.1 is a kegiatan: the item of that code, by its own kind."""
    if " " not in owner:
        return None
    code = item_id(owner)
    other = next((name for name in items if " " in name and item_id(name) == code), None)
    return _("did you mean '{name}'?").format(name=other) if other else None


def _known_items(items: dict) -> str:
    names = sorted(items)
    shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
    return _("items that can be named here: {items} (a program, kegiatan or sub kegiatan by its kind and "
             "code: kegiatan 1.1.serapan)").format(items=shown)


def is_aggregate(call: st.Call) -> bool:
    if call.function == "count" and not call.args:
        return True
    return call.function in AGGREGATES and any(
        (isinstance(n, st.Ref) and n.owner == CHILDREN) or (isinstance(n, st.Var) and n.name == CHILDREN)
        for arg in call.args for n in st.walk_expr(arg))


def item_id(owner: str) -> str:
    """The id of the item a reference names: a budget item named by kind and code
    (`kegiatan 1.1`, as the scope's items hold it) is its code."""
    return owner.rpartition(" ")[2]


def references(expr: st.Expr) -> tuple[set[str], set[tuple[str, str]], set[str]]:
    """(own variables, (item id, field) references, child fields) that an expression reads."""
    own, refs, child = set(), set(), set()
    for node in st.walk_expr(expr):
        if isinstance(node, st.Var) and node.name != CHILDREN:
            own.add(node.name)
        elif isinstance(node, st.Ref):
            if node.owner == CHILDREN:
                child.add(node.field)
            else:
                refs.add((item_id(node.owner), node.field))
    return own, refs, child


# ---- evaluation ----
Lookup = Callable[[str], object]


@record(slots=True)
class Env:
    variable: Lookup  # own variable name → value
    reference: Callable[[str, str], object]  # (item, field) → value
    children: list[Lookup]  # one lookup per child
    convention: str
    steps: int = 0  # parts evaluated so far (max_evaluation_steps)
    allowed: int = 1 << 62  # steps left in the evaluation's budget


def evaluate(expr: st.Expr, env: Env):
    """The value of expr (a Decimal, bool, text or None for no value). Raises EvalError (E131, or
    E012 for a value beyond max_value_digits), and LimitExceeded beyond max_evaluation_steps."""
    with localcontext() as ctx:
        ctx.prec = 50
        ctx.Emax = limits.current().max_value_digits - 1
        ctx.traps[DivisionByZero] = True
        ctx.traps[InvalidOperation] = True
        ctx.traps[Overflow] = True
        budget = limits.active_budget()
        if budget is not None:
            env.steps, env.allowed = 0, budget.left()
        try:
            value = _eval(expr, env)
            if budget is not None:
                budget.charge(env.steps, expr.span)
            return value
        except Overflow:
            raise ValueTooLarge(expr.span) from None
        except NumberError as exc:  # a number beyond the limits of this evaluation
            raise EvalError(str(exc), expr.span) from None
        except DecimalException as exc:
            raise EvalError(_("cannot compute this ({problem})").format(problem=type(exc).__name__),
                            expr.span) from None


def _eval(node, env: Env):
    env.steps += 1
    if isinstance(node, st.Num):
        return parse_number(node.text, env.convention).value
    if isinstance(node, st.Str):
        return node.value
    if isinstance(node, st.Var):
        return True if node.name == CHILDREN else env.variable(node.name)
    if isinstance(node, st.Ref):
        if node.owner == CHILDREN:
            return env.variable(node.field)  # inside an aggregate, the child's own field
        return env.reference(item_id(node.owner), node.field)
    if isinstance(node, st.Unary):
        value = _eval(node.operand, env)
        if node.op == "not":
            return None if value is None else not truth(value)
        return None if value is None else -_num(value, node.span)
    if isinstance(node, st.BinOp):
        return _binop(node, env)
    if isinstance(node, st.Call):
        return _call(node, env)
    raise EvalError(_("cannot evaluate {part}").format(part=type(node).__name__), node.span)


def _binop(node: st.BinOp, env: Env):
    if node.op in ("and", "or"):
        left = _eval(node.left, env)
        if node.op == "and" and left is not None and not truth(left):
            return False
        if node.op == "or" and left is not None and truth(left):
            return True
        right = _eval(node.right, env)
        if right is not None:
            if node.op == "or" and truth(right):
                return True  # unknown or true is true
            if node.op == "and" and not truth(right):
                return False  # unknown and false is false
        if left is None or right is None:
            return None
        return truth(right)
    left, right = _eval(node.left, env), _eval(node.right, env)
    if left is None or right is None:
        return None
    if node.op in ("=", "!="):
        equal = left == right
        return equal if node.op == "=" else not equal
    a, b = _num(left, node.left.span), _num(right, node.right.span)
    try:
        return _arithmetic(node, a, b)
    except Overflow:
        raise ValueTooLarge(node.span) from None


def _arithmetic(node: st.BinOp, a: Decimal, b: Decimal):
    if node.op == "+":
        return a + b
    if node.op == "-":
        return a - b
    if node.op == "*":
        return a * b
    if node.op == "/":
        if b == 0:
            raise EvalError(_("division by zero"), node.right.span)
        return a / b
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[node.op]


def _call(node: st.Call, env: Env):
    name = node.function
    if is_aggregate(node):
        values = []
        for child in env.children:
            env.steps += 1
            if env.steps > env.allowed:
                limits.charge(env.steps, node.span)  # raises LimitExceeded
            if not node.args:
                values.append(Decimal(1))
                continue
            child_env = Env(child, env.reference, [], env.convention)
            values.append(_eval(node.args[0], child_env))
            env.steps += child_env.steps
        return _aggregate(name, values, node.span)
    args = [_eval(arg, env) for arg in node.args]
    if name == "ada":
        return args[0] is not None
    if any(a is None for a in args):
        return None
    numbers = [_num(a, s.span) for a, s in zip(args, node.args)]
    if name == "min":
        return min(numbers)
    if name == "max":
        return max(numbers)
    if name == "abs":
        return abs(numbers[0])
    places = int(numbers[1]) if len(numbers) > 1 else 0
    if not 0 <= places <= 10:
        raise EvalError(_("round(…) keeps 0 to 10 decimals"), node.span)
    return round_half_up(numbers[0], places)


def _aggregate(name: str, values: list, span: Span):
    if name == "count":
        return Decimal(sum(1 for v in values if v is not None and truth(v)))
    present = [_num(v, span) for v in values if v is not None]
    if not present:
        return None
    if name == "sum":
        return sum(present, Decimal(0))
    if name == "mean":
        return sum(present, Decimal(0)) / len(present)
    return min(present) if name == "min" else max(present)


def _num(value, span: Span) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal):
        raise EvalError(_("expected a number, got {value}").format(value=_describe(value)), span)
    return value


def truth(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return value != 0
    return bool(value)


def _describe(value) -> str:
    if isinstance(value, bool):
        return _("a yes/no value")
    if isinstance(value, str):
        return _("the text '{text}'").format(text=value)
    return type(value).__name__
