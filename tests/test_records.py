"""lkjipdsl.records: a record behaves as the dataclass of the same definition does, to the package
and to what reads dataclasses (dataclasses.fields, asdict, replace, pickle, pydantic)."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from lkjipdsl import records
from lkjipdsl.records import field, record


@record(frozen=True, slots=True, kw_only=True)
class Frozen:
    name: str
    value: int | None = None
    tags: list[str] = field(default_factory=list)
    hidden: str | None = field(default=None, repr=False, compare=False)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class FrozenDataclass:
    name: str
    value: int | None = None
    tags: list[str] = dataclasses.field(default_factory=list)
    hidden: str | None = dataclasses.field(default=None, repr=False, compare=False)


@record(slots=True)
class Mutable:
    code: str
    prefix: str = "1."
    parts: list[int] = field(default_factory=list)
    id: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self):
        self.id = self.prefix + self.code


@record
class Plain:
    """A record without slots: its defaults stay on the class, as a dataclass's do."""

    a: int
    b: dict = field(default_factory=dict)
    c: str = "c"


def test_a_frozen_record_is_the_dataclass_of_the_same_definition():
    made = Frozen(name="x", value=3, tags=["a"], hidden="h")
    twin = FrozenDataclass(name="x", value=3, tags=["a"], hidden="h")
    assert repr(made) == repr(twin).replace("FrozenDataclass", "Frozen") == "Frozen(name='x', value=3, tags=['a'])"
    assert made == Frozen(name="x", value=3, tags=["a"], hidden="other")  # hidden is not compared
    assert made != Frozen(name="x", value=4, tags=["a"])
    assert made.__eq__(twin) is NotImplemented
    assert hash(Frozen(name="x", tags=())) == hash(Frozen(name="x", tags=(), hidden="h"))  # compared fields only
    for unhashable in (made, twin):  # a list among the fields, in both
        with pytest.raises(TypeError):
            hash(unhashable)
    assert Frozen(name="y").tags == [] and Frozen(name="y").tags is not Frozen(name="y").tags
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.value = 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        del made.name
    with pytest.raises(TypeError):
        Frozen("x")  # keyword-only, as the dataclass
    with pytest.raises(TypeError):
        Frozen(value=1)  # name is required
    assert not hasattr(made, "__dict__") and Frozen.__slots__ == ("name", "value", "tags", "hidden")


def test_dataclasses_and_pickle_read_a_record_as_a_dataclass():
    made = Frozen(name="x", value=3, tags=["a"], hidden="h")
    assert dataclasses.is_dataclass(made) and records.is_record(Frozen)
    assert [(f.name, f.type, f.kw_only, f.compare) for f in dataclasses.fields(made)] == \
        [(f.name, f.type, f.kw_only, f.compare) for f in dataclasses.fields(FrozenDataclass)]
    assert [f.name for f in records.fields(Frozen)] == ["name", "value", "tags", "hidden"]
    assert dataclasses.asdict(made) == {"name": "x", "value": 3, "tags": ["a"], "hidden": "h"}
    assert dataclasses.replace(made, value=5) == records.replace(made, value=5) == Frozen(name="x", value=5,
                                                                                        tags=["a"])
    assert Frozen.__dataclass_params__.frozen is True
    back = pickle.loads(pickle.dumps(made))
    assert back == made and back.hidden == "h"


def test_a_mutable_record_runs_its_post_init_and_is_not_hashable():
    node = Mutable("2")
    assert (node.id, node.prefix, node.parts) == ("1.2", "1.", [])
    node.parts.append(1)
    assert node == Mutable("2", parts=[1]) and node != Mutable("3")
    assert repr(node) == "Mutable(code='2', prefix='1.', parts=[1])"
    assert Mutable.__match_args__ == ("code", "prefix", "parts")  # as the dataclass: init fields only
    with pytest.raises(TypeError):
        hash(node)
    with pytest.raises(ValueError):
        records.replace(node, id="x")  # init=False, as dataclasses.replace
    assert records.replace(node, code="5").id == "1.5"
    assert pickle.loads(pickle.dumps(node)) == node


def test_a_record_without_slots_keeps_its_defaults_on_the_class():
    assert Plain.c == "c" and not hasattr(Plain, "b")
    assert Plain(1) == Plain(1, {}, "c") and Plain(1).b == {}
    assert Plain.__doc__.startswith("A record without slots")
    assert dataclasses.fields(Plain)[1].default_factory is dict


def test_a_mutable_default_is_refused_as_dataclasses_refuses_it():
    with pytest.raises(ValueError):
        @record
        class Wrong:
            items: list = []  # noqa: RUF012


def test_the_chart_names_of_the_command_are_those_drawn():
    """render.formats names the charts without importing render.charts (start-up)."""
    from lkjipdsl.render import charts, formats

    assert formats.CHARTS == charts.CHARTS == ("capaian", "anggaran", "craapk")


def test_a_record_with_eq_false_is_compared_and_hashed_by_identity():
    @record(slots=True, eq=False)
    class Kept:
        value: int

    one, same = Kept(1), Kept(1)
    assert one != same and one == one and hash(one) == object.__hash__(one)
    assert Kept.__dataclass_params__.eq is False


# ---- the package's __init__s compiled ahead (lkjipdsl/_record_inits.py) ----
def test_the_inits_compiled_ahead_are_those_the_records_make():
    import importlib.util

    tool_path = Path(__file__).parent.parent / "tools" / "record_inits.py"
    spec = importlib.util.spec_from_file_location("record_inits", tool_path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    written = (Path(records.__file__).with_name("_record_inits.py")).read_text(encoding="utf-8")
    assert written == tool.text(), "a record changed: run python tools/record_inits.py"
    made = {key: source for key, (source, _names) in records._SOURCES.items() if key.startswith("lkjipdsl.")}
    assert len(made) >= 60 and all(records._precompiled(key, source) is not None for key, source in made.items())


def test_a_record_whose_init_differs_from_the_one_compiled_ahead_is_compiled_as_before():
    from lkjipdsl.model import Band

    key = "lkjipdsl.model.Band"
    source = records._SOURCES[key][0]
    assert records._precompiled(key, source) is not None
    assert records._precompiled(key, source.replace("self", "me")) is None  # changed since: not taken
    assert Band.__init__.__code__.co_filename.endswith("_record_inits.py")  # the package's own: ahead
    assert Frozen.__init__.__code__.co_filename == "<string>"  # a record made elsewhere: compiled as before


# ---- named tuples made quickly (records.NamedTuple) ----
import typing  # noqa: E402

from lkjipdsl.records import NamedTuple  # noqa: E402


def _both(body: str) -> tuple[type, type]:
    """The same class statement made by typing.NamedTuple and by records.NamedTuple."""
    made = []
    for base in (typing.NamedTuple, NamedTuple):
        scope = {"NamedTuple": base, "__name__": __name__}
        exec(body, scope)  # noqa: S102  (the test's own class statement)
        made.append(scope["Kode"])
    return made[0], made[1]


_KODE = '''
class Kode(NamedTuple):
    """Sebuah kode."""

    tingkat: str
    nomor: "int"
    induk: str | None = None

    @property
    def lengkap(self) -> str:
        return f"{self.tingkat} {self.nomor}"

    @classmethod
    def program(cls, nomor):
        return cls("program", nomor)

    def __str__(self):
        return self.lengkap
'''


def test_a_named_tuple_is_what_typing_makes_of_the_same_class_statement():
    typed, fast = _both(_KODE)
    for cls in (typed, fast):
        value = cls("kegiatan", 2, "1")
        assert isinstance(value, tuple) and tuple(value) == ("kegiatan", 2, "1") and value == ("kegiatan", 2, "1")
        assert cls._fields == ("tingkat", "nomor", "induk") == cls.__match_args__
        assert cls._field_defaults == {"induk": None} and cls.__doc__ == "Sebuah kode."
        assert repr(value) == "Kode(tingkat='kegiatan', nomor=2, induk='1')" and str(value) == "kegiatan 2"
        assert value._replace(nomor=3) == ("kegiatan", 3, "1") and type(value._replace(nomor=3)) is cls
        assert value._asdict() == {"tingkat": "kegiatan", "nomor": 2, "induk": "1"}
        assert cls._make(["a", 1, None]) == ("a", 1, None) and cls.program(7) == ("program", 7, None)
        assert cls(tingkat="a", nomor=1) == ("a", 1, None) and value.nomor == 2 and value[0] == "kegiatan"
        assert hash(value) == hash(("kegiatan", 2, "1")) and cls.__module__ == __name__
        with pytest.raises(TypeError):
            cls("a")
        with pytest.raises(TypeError):
            cls._make(["a"])
        with pytest.raises(ValueError, match="unexpected field names"):
            value._replace(kode=1)
        with pytest.raises(AttributeError):
            value.nomor = 5
        match value:
            case cls(tingkat, nomor):
                assert (tingkat, nomor) == ("kegiatan", 2)
        assert not hasattr(value, "__dict__")
    # the annotations as written (typing would make "int" a ForwardRef): read by nothing in the package
    # (this module's `from __future__ import annotations` reaches the exec'd statement: strings)
    assert fast.__annotations__ == {"tingkat": "str", "nomor": "'int'", "induk": "str | None"}


def test_a_named_tuple_pickles_and_copies_as_typings_does():
    import copy

    from lkjipdsl.diagnostics import PartSpan, Span

    span = Span("laporan.lkj", 3, 5, 3, 12)
    assert pickle.loads(pickle.dumps(span)) == span and type(pickle.loads(pickle.dumps(span))) is Span
    assert copy.copy(span) == span and copy.deepcopy(span) == span
    assert issubclass(PartSpan, Span) and Span.__new__.__code__.co_filename.endswith("_record_inits.py")


def test_a_named_tuple_refuses_what_typing_refuses():
    for body in ("class Kode(NamedTuple):\n    induk: str = None\n    nomor: int\n",
                 "class Kode(NamedTuple):\n    _kode: int\n",
                 "class Kode(NamedTuple):\n    kode: int\n    def _replace(self):\n        pass\n"):
        for base in (typing.NamedTuple, NamedTuple):
            with pytest.raises((TypeError, ValueError, AttributeError)):
                exec(body, {"NamedTuple": base})  # noqa: S102
