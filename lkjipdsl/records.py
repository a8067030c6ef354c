"""Dataclasses and named tuples made quickly: `record`, for the package's own
`dataclasses.dataclass` classes, and `NamedTuple`, for its `typing.NamedTuple` ones (at the end).

Python 3.11 takes 0,2–0,5 ms to make one dataclass: it compiles each generated method
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`) from source
separately, makes a slotted class twice, and works out the signature of a class without a
docstring through `inspect`. The command made sixty of them at every start, and importing
`dataclasses` brings `inspect`, `ast` and `dis`: together a sixth of `lkjipdsl eval` of a
Kecamatan's report. A record compiles only its `__init__` (called once per record, so kept fast);
equality, hashing, repr and the guard of a frozen record are shared functions that read the
record's field names.

A record is still a dataclass to everything outside: `dataclasses.fields`, `replace`, `asdict`,
`is_dataclass` and pydantic read its `__dataclass_fields__`, made (importing `dataclasses`) the
first time something asks. Inside the package, `fields` and `replace` here read a record's own
field list without importing `dataclasses`. What `record` does not handle (inheriting fields,
order, InitVar, KW_ONLY) it hands to `dataclasses.dataclass`, so nothing is silently different.
"""

from __future__ import annotations

from operator import attrgetter
from reprlib import recursive_repr

TYPE_CHECKING = False  # typing is not imported at run time (start-up: docs/performance.md)
if TYPE_CHECKING:
    from typing import Any


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One field of a record: what `fields()` gives (the attributes of dataclasses.Field that the
    package reads: name, type, default, default_factory, init, repr, compare, kw_only)."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "compare", "kw_only")

    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name: str = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.kw_only = False

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, type={self.type!r}, default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init: bool = True, repr: bool = True,
          compare: bool = True) -> Any:
    """As dataclasses.field, for a record."""
    return Field(default, default_factory, init, repr, compare)


def record(cls=None, /, *, frozen: bool = False, slots: bool = False, kw_only: bool = False, eq: bool = True):
    """As dataclasses.dataclass(frozen=, slots=, kw_only=, eq=), made faster (see the module)."""

    def wrap(cls):
        return _make(cls, frozen, slots, kw_only, eq)

    return wrap if cls is None else wrap(cls)


def fields(record_or_class) -> tuple[Field, ...]:
    """The fields of a record (or record class), in order; dataclasses.fields for any other dataclass."""
    try:
        return record_or_class.__record_fields__
    except AttributeError:
        import dataclasses

        return dataclasses.fields(record_or_class)


def is_record(obj) -> bool:
    """A record or record class, or any other dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__record_fields__") or hasattr(cls, "__dataclass_fields__")


def replace(obj, /, **changes):
    """As dataclasses.replace: a new record with some fields changed."""
    specs = getattr(type(obj), "__record_fields__", None)
    if specs is None:
        import dataclasses

        return dataclasses.replace(obj, **changes)
    for spec in specs:
        if not spec.init:
            if spec.name in changes:
                raise ValueError(f"field {spec.name} is declared with init=False, it cannot be specified with "
                                 "replace()")
        elif spec.name not in changes:
            changes[spec.name] = getattr(obj, spec.name)
    return type(obj)(**changes)


def _unsupported(cls) -> bool:
    """Something only dataclasses.dataclass does: fields from a base dataclass, InitVar, KW_ONLY, or
    a field made by dataclasses.field."""
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return True
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        text = annotation if isinstance(annotation, str) else repr(annotation)
        if "InitVar" in text or "KW_ONLY" in text:
            return True
        value = cls.__dict__.get(name)
        if value is not None and type(value).__name__ == "Field" and not isinstance(value, Field):
            return True
    return False


def _is_class_var(annotation) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar", "t.ClassVar"))


def _make(cls, frozen: bool, slots: bool, kw_only: bool, eq: bool = True):
    if _unsupported(cls):
        import dataclasses

        return dataclasses.dataclass(cls, frozen=frozen, slots=slots, kw_only=kw_only, eq=eq)
    specs = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        if not name.isidentifier():  # the name is written into the source of __init__
            raise TypeError(f"field name {name!r} is not an identifier")
        value = cls.__dict__.get(name, MISSING)
        spec = value if isinstance(value, Field) else Field(default=value)
        if isinstance(spec.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(spec.default)} for field {name} is not allowed: use "
                             "default_factory")
        spec.name, spec.type, spec.kw_only = name, annotation, kw_only
        specs.append(spec)
    specs = tuple(specs)
    names = tuple(spec.name for spec in specs)
    namespace = dict(cls.__dict__)
    for spec in specs:  # a default stays on the class (as dataclasses leaves it), a field() marker does not
        if isinstance(namespace.get(spec.name), Field):
            del namespace[spec.name]
        if not slots and spec.default is not MISSING:
            namespace[spec.name] = spec.default
    if slots:
        for spec in specs:
            namespace.pop(spec.name, None)
        namespace["__slots__"] = names
        namespace.pop("__dict__", None)
        namespace.pop("__weakref__", None)
    namespace["__record_fields__"] = specs
    namespace["__match_args__"] = tuple(spec.name for spec in specs if spec.init and not spec.kw_only)
    if namespace.get("__doc__") is None:
        namespace["__doc__"] = f"{cls.__name__}({', '.join(names)})"
    # the methods go into the class as it is made: each one set on a made class costs Python an
    # update of the class's slots (a slotted record's class is made again here anyway)
    made_class: list[type] = []  # the class the frozen guard compares with, once made
    methods = _methods(cls.__qualname__, cls.__dict__, specs, frozen, slots, eq, made_class)
    methods["__dataclass_fields__"] = _LazyDataclassFields()
    methods["__dataclass_params__"] = _LazyDataclassParams(frozen, eq)
    if slots:
        namespace.update(methods)
        made = type(cls)(cls.__name__, cls.__bases__, namespace)
        made.__qualname__ = cls.__qualname__
    else:
        made = cls
        for key in ("__record_fields__", "__match_args__", "__doc__", *(s.name for s in specs), *methods):
            if key in namespace or key in methods:
                setattr(made, key, methods[key] if key in methods else namespace[key])
        for spec in specs:
            if spec.default is MISSING and isinstance(cls.__dict__.get(spec.name), Field):
                delattr(made, spec.name)
    made_class.append(made)
    if "__init__" not in cls.__dict__:  # after: a frozen record's __init__ uses the made class's slots
        made.__init__ = _init(made, specs, frozen)
    return made


def _methods(qualname: str, own, specs: tuple[Field, ...], frozen: bool, slots: bool, eq: bool,
             made_class: list[type]) -> dict[str, Any]:
    """The record's methods but __init__, those its class statement does not define (`own`)."""
    methods: dict[str, Any] = {}
    if "__repr__" not in own:
        methods["__repr__"] = _repr([spec.name for spec in specs if spec.repr])
    compared = [spec.name for spec in specs if spec.compare]
    key = attrgetter(*compared) if len(compared) > 1 else \
        (lambda record, name=compared[0]: (getattr(record, name),)) if compared else (lambda record: ())
    if eq and "__eq__" not in own:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return key(self) == key(other)
            return NotImplemented

        __eq__.__qualname__ = f"{qualname}.__eq__"
        methods["__eq__"] = __eq__
    if eq and ("__hash__" not in own or own["__hash__"] is None):  # eq=False: hashed by identity
        if frozen:
            methods["__hash__"] = lambda self: hash(key(self))
        else:
            methods["__hash__"] = None  # as dataclasses: equal by value and mutable, so not hashable
    if frozen:
        methods["__setattr__"], methods["__delattr__"] = _guards(made_class, frozenset(spec.name for spec in specs))
        if slots:  # pickling a frozen slotted record sets its fields past the guard
            if "__getstate__" not in own:
                methods["__getstate__"] = lambda self: [getattr(self, spec.name) for spec in specs]
            if "__setstate__" not in own:
                def __setstate__(self, state):
                    for spec, value in zip(specs, state):
                        object.__setattr__(self, spec.name, value)

                methods["__setstate__"] = __setstate__
    return methods


def _init(cls, specs: tuple[Field, ...], frozen: bool):
    """The record's __init__, compiled from source as dataclasses makes it (keyword arguments and
    attribute stores, nothing read in a loop): a large spec makes hundreds of thousands of records.
    The source is made of the field names of the package's own class definitions (identifiers) and
    names of its defaults, never of anything read; it is compiled when the class is defined, at
    import, so that nothing is compiled while a spec is read (docs/security.md, S1)."""
    scope: dict[str, Any] = {"_FACTORY": _FACTORY, "_object_setattr": object.__setattr__}
    positional, keyword, body = [], [], []
    for spec in specs:
        default_name = f"_default_{spec.name}"
        if spec.default_factory is not MISSING:
            scope[default_name] = spec.default_factory
            value = f"{default_name}() if {spec.name} is _FACTORY else {spec.name}" if spec.init else \
                f"{default_name}()"
            parameter = f"{spec.name}=_FACTORY"
        elif spec.default is not MISSING:
            scope[default_name] = spec.default
            value = spec.name if spec.init else default_name
            parameter = f"{spec.name}={default_name}"
        else:
            value, parameter = spec.name, spec.name
        if spec.init:
            if not spec.kw_only and positional and "=" in positional[-1] and "=" not in parameter:
                raise TypeError(f"non-default argument {spec.name!r} follows default argument")
            (keyword if spec.kw_only else positional).append(parameter)
        slot = cls.__dict__.get(spec.name)
        if frozen and type(slot) is _MEMBER:  # its slot's own setter: twice as fast as object.__setattr__
            scope[f"_set_{spec.name}"] = slot.__set__
            body.append(f"_set_{spec.name}(self, {value})")
        else:
            body.append(f"_object_setattr(self, {spec.name!r}, {value})" if frozen else f"self.{spec.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    parameters = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({parameters}):\n    " + "\n    ".join(body or ["pass"]) + "\n"
    key = f"{cls.__module__}.{cls.__qualname__}"
    init = _function(key, source, scope, "__init__")
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{spec.name: spec.type for spec in specs if spec.init}, "return": None}
    return init


# ---- the package's own __init__s, compiled ahead (lkjipdsl/_record_inits.py) ----
# Compiling an __init__ from source took 0,1–0,2 ms each, about 8 ms of every start of the command.
# The package ships them written out: `python tools/record_inits.py` writes that module from the
# sources `_init` makes, and tests/test_records.py holds it equal to them. `_init` takes one only
# when its source is exactly the one it would compile, so a record changed since is compiled as before.
_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {}  # "module.Class" → (its __init__'s source, its names)
_AHEAD: dict | None = None


def _function(key: str, source: str, scope: dict[str, Any], name: str):
    """The function `name` that `source` defines over the names of `scope`: the one compiled ahead
    from the same source when the package has it, else compiled now. `source` is made of the field
    names of the package's own class definitions (identifiers) and names of `scope`, never of
    anything read (docs/security.md, S1)."""
    _SOURCES[key] = (source, tuple(scope))
    made = _precompiled(key, source)
    if made is not None:  # the same source, compiled when the package was installed
        return made(**scope)
    exec(source, scope)  # noqa: S102  (see above)
    return scope[name]


def _precompiled(key: str, source: str):
    """The factory of the __init__ of `key` compiled ahead from `source`, else None."""
    global _AHEAD
    if _AHEAD is None:
        try:
            from . import _record_inits
        except ImportError:  # not written (a checkout that has not run tools/record_inits.py)
            _AHEAD = {}
        else:
            _AHEAD = _record_inits.INITS
    ahead = _AHEAD.get(key)
    return ahead[1] if ahead is not None and ahead[0] == source else None


_FACTORY = type("_HAS_DEFAULT_FACTORY", (), {"__repr__": lambda self: "<factory>"})()
_MEMBER = type(type("_Slotted", (), {"__slots__": ("slot",)}).__dict__["slot"])  # a __slots__ member's descriptor


def _repr(names: list[str]):
    @recursive_repr()
    def __repr__(self):
        return f"{self.__class__.__qualname__}(" + ", ".join(
            f"{name}={getattr(self, name)!r}" for name in names) + ")"

    return __repr__


def _guards(made_class: list[type], names: frozenset[str]):
    """A frozen record's __setattr__ and __delattr__ (`made_class`: holds its class once made)."""
    def __setattr__(self, name, value):
        cls = made_class[0]
        if type(self) is cls or name in names:
            raise _frozen(name)
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        cls = made_class[0]
        if type(self) is cls or name in names:
            raise _frozen(name)
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _frozen(name: str) -> Exception:
    from dataclasses import FrozenInstanceError

    return FrozenInstanceError(f"cannot assign to field {name!r}")


class _LazyDataclassFields:
    """`__dataclass_fields__`, made as dataclasses.Field records the first time it is read (by
    dataclasses.fields, asdict, pydantic), then stored on the class in its place."""

    def __get__(self, instance, owner):
        import dataclasses

        made = {}
        for spec in owner.__record_fields__:
            made_field = dataclasses.field(
                default=dataclasses.MISSING if spec.default is MISSING else spec.default,
                default_factory=dataclasses.MISSING if spec.default_factory is MISSING else spec.default_factory,
                init=spec.init, repr=spec.repr, compare=spec.compare)
            made_field.name, made_field.type, made_field.kw_only = spec.name, spec.type, spec.kw_only
            made_field._field_type = dataclasses._FIELD
            made[spec.name] = made_field
        type.__setattr__(owner, "__dataclass_fields__", made)
        return made


_PARAMS: dict[tuple[bool, bool], Any] = {}


class _LazyDataclassParams:
    """`__dataclass_params__`, as dataclasses makes it for the same options, on first reading."""

    def __init__(self, frozen: bool, eq: bool):
        self.options = (frozen, eq)

    def __get__(self, instance, owner):
        params = _PARAMS.get(self.options)
        if params is None:
            import dataclasses

            frozen, eq = self.options
            params = _PARAMS[self.options] = dataclasses.dataclass(frozen=frozen, eq=eq)(
                type("Params", (), {})).__dataclass_params__
        type.__setattr__(owner, "__dataclass_params__", params)
        return params


# ---- named tuples made quickly ----
# typing.NamedTuple took 0,1–0,2 ms a class: it checks each annotation (compiling a string one as a
# ForwardRef), and collections.namedtuple compiles its __new__ from source. The command made
# nineteen at every start. `NamedTuple` here is the same class statement (`class Span(NamedTuple):`
# with annotated fields, defaults, methods) and makes the same kind of class: a tuple subclass with
# _fields, _field_defaults, _make, _replace, _asdict, the same repr, pickling and __match_args__,
# its annotations kept as written. Its __new__ is compiled ahead with the package's __init__s.
# Type checkers see typing.NamedTuple itself.
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    try:
        from _collections import _tuplegetter
    except ImportError:  # not CPython
        from operator import itemgetter

        def _tuplegetter(index, doc):
            return property(itemgetter(index), doc=doc)

    # what the class statement may not set (typing.NamedTuple refuses them too)
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                             "_make", "_replace", "_asdict", "_source"})
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__", "__qualname__"})

    def _tuple_make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(made)}")
        return made

    def _tuple_replace(self, /, **changes):
        made = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return made

    def _tuple_repr(self):
        return f"{self.__class__.__name__}(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self)) + ")"

    def _tuple_asdict(self):
        return dict(zip(self._fields, self))

    def _tuple_getnewargs(self):
        return tuple(self)

    def _tuple_new(qualname: str, key: str, fields: tuple[str, ...], defaults: tuple):
        """The class's __new__: `tuple.__new__(_cls, (a, b, …))` with the fields as parameters."""
        source = f"def __new__(_cls, {', '.join(fields)}):\n    return _tuple_new(_cls, ({', '.join(fields)},))\n"
        new = _function(key, source, {"_tuple_new": tuple.__new__}, "__new__")
        new.__defaults__ = defaults or None
        new.__qualname__ = f"{qualname}.__new__"
        new.__doc__ = f"Create new instance of {qualname.rpartition('.')[2]}({', '.join(fields)})"
        return new

    class _NamedTupleMeta(type):
        def __new__(cls, typename, bases, namespace):
            annotations = namespace.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = []
            for name in fields:
                if not name.isidentifier() or name.startswith("_"):
                    raise ValueError(f"Field names cannot start with an underscore or be other than "
                                     f"identifiers: {name!r}")
                if name in namespace:
                    defaults.append(namespace[name])
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                    f"{'s' if len(defaults) > 1 else ''} {', '.join(fields[:len(defaults)])}")
            module, qualname = namespace.get("__module__", "__main__"), namespace.get("__qualname__", typename)
            body = {
                "__doc__": namespace.get("__doc__") or f"{typename}({', '.join(fields)})",
                "__slots__": (), "_fields": fields, "__match_args__": fields, "__annotations__": annotations,
                "_field_defaults": dict(zip(fields[len(fields) - len(defaults):], defaults)),
                "__new__": _tuple_new(qualname, f"{module}.{qualname}.__new__", fields, tuple(defaults)),
                "_make": classmethod(_tuple_make), "_replace": _tuple_replace, "__repr__": _tuple_repr,
                "_asdict": _tuple_asdict, "__getnewargs__": _tuple_getnewargs,
                "__module__": module, "__qualname__": qualname,
            }
            for index, name in enumerate(fields):
                body[name] = _tuplegetter(index, f"Alias for field number {index}")
            for name, value in namespace.items():
                if name in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + name)
                if name not in _SPECIAL and name not in body and name != "__doc__":
                    body[name] = value
            return type(typename, (tuple,), body)

    _NamedTupleBase = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename, fields=None, /, **kwargs):  # noqa: N802  (typing's name)
        """The functional form, `NamedTuple("Name", [("field", type)])`: typing's own."""
        import typing

        return typing.NamedTuple(typename, fields, **kwargs)

    NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)
