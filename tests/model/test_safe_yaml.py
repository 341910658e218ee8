"""Simple YAML files are read without PyYAML, to exactly what PyYAML's safe
loader makes of them; anything else is left to PyYAML."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import safe_yaml
from dateline.resources import themes_dir


def pyyaml(text: str) -> object:
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def test_the_bundled_themes_are_read_without_pyyaml_as_pyyaml_reads_them() -> None:
    files = sorted(themes_dir().glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        simple = safe_yaml._simple_mapping(text)
        assert simple is not None, path.name
        assert simple == pyyaml(text), path.name


def test_values_read_as_pyyaml_reads_them() -> None:
    text = (
        "# a comment\n"
        "name: my-theme\n"
        "dark: true\n"
        "ansi: Off\n"
        "empty:\n"
        "nothing: null\n"
        "word: none\n"
        "ratio: 0.15\n"
        "count: 12\n"
        'quoted: "#ff00aa"  # a colour\n'
        "styles: bold italic\n"
        "variables:\n"
        "\n"
        "  fact-person: '#7cc4ff'\n"
    )
    # Single quotes are PyYAML's to read.
    assert safe_yaml._simple_mapping(text) is None
    text = text.replace("'#7cc4ff'", '"#7cc4ff"')
    simple = safe_yaml._simple_mapping(text)
    assert simple == pyyaml(text)
    assert simple == {
        "name": "my-theme",
        "dark": True,
        "ansi": False,
        "empty": None,
        "nothing": None,
        "word": "none",
        "ratio": 0.15,
        "count": 12,
        "quoted": "#ff00aa",
        "styles": "bold italic",
        "variables": {"fact-person": "#7cc4ff"},
    }


def test_what_is_not_simple_is_left_to_pyyaml() -> None:
    for text in (
        "",
        "# only a comment\n",
        "---\nname: x\n",
        "true: x\n",  # a key PyYAML reads as True
        "date: 2017-01-24\n",  # a date
        "count: 012\n",  # octal in YAML 1.1
        "ratio: -0.5\n",
        "a: b\n  c: d\n",
        "a:\n  b:\n    c: d\n",
        "a:\n  b: c\n   d: e\n",
        'a: "tab\\there"\n',
        "a: x:y\n",
        "a:\tb\n",
        "a: b\r\n",
        "\ufeffa: b\n",
        "list:\n  - a\n",
        "a: &anchor b\n",
        "a: b # c\n  d\n",
    ):
        assert safe_yaml._simple_mapping(text) is None, repr(text)


def test_errors_and_refusals_are_described_as_before() -> None:
    for text, expected in (
        ("a: [\n", "invalid YAML"),
        ("a: &x b\nc: *x\n", "aliases (*name) are not read"),
        ("a: !!python/object:os.system x\n", "refused the YAML tag '!!python/object:os.system'"),
        ("date: 2017-13-45\n", "a value that cannot be read"),
    ):
        try:
            safe_yaml.load(text)
        except safe_yaml.YamlError as error:
            assert expected in safe_yaml.describe_error(error), text
        else:
            raise AssertionError(f"{text!r} was read")


_KEYS = st.sampled_from(
    ["name", "dark", "a", "_b", "fact-person", "x1", "true", "no", "On", "null", "y", "n", "~"]
)
_VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "bold",
            "bold italic",
            "bold  italic",
            "none",
            "yes",
            "No",
            "OFF",
            "null",
            "Null",
            "~",
            "0",
            "7",
            "007",
            "1.0",
            "0.15",
            ".5",
            "1.",
            "1e3",
            "-1",
            "+1",
            "1_000",
            "0x1f",
            "2017-01-24",
            "12:30",
            '"#6ea8fe"',
            '"a # b"',
            '"a \\" b"',
            "'single'",
            "a:b",
            "a: b",
            "[1, 2]",
            "{a: 1}",
            "*alias",
            "&anchor x",
            "!!str 1",
            "|",
            ">",
            "- x",
            "x # comment",
            "x #not",
            "y",
            "n",
            ".inf",
            ".nan",
            "é",
        ]
    ),
    st.text(alphabet="ab -_:#\"'01.", max_size=8),
)
_INDENTS = st.sampled_from(["", "", " ", "  ", "   ", "    "])
_LINES = st.one_of(
    st.builds(lambda i, k, v: f"{i}{k}:{' ' if v else ''}{v}", _INDENTS, _KEYS, _VALUES),
    st.builds(lambda i, k: f"{i}{k}:", _INDENTS, _KEYS),
    st.sampled_from(["", "# comment", "  # indented comment", "---", "...", "- item", "  "]),
)


# Files shaped like the themes (mostly simple, a nested block or two), with
# values and keys from the list above: most are read without PyYAML.
_SHAPED_VALUES = st.one_of(
    st.sampled_from(['"#6ea8fe"', "bold", "bold underline", "true", "none", "0.15", "3", ""]),
    _VALUES,
)
_BLOCKS = st.one_of(
    st.builds(lambda k, v: [f"{k}:{' ' if v else ''}{v}"], _KEYS, _SHAPED_VALUES),
    st.builds(
        lambda k, indent, items: [f"{k}:", *(f"{indent}{ik}: {iv}" for ik, iv in items)],
        _KEYS,
        st.sampled_from(["  ", "  ", "    ", " "]),
        st.lists(st.tuples(_KEYS, _SHAPED_VALUES), max_size=4),
    ),
    st.sampled_from([[""], ["# comment"], ["  # comment"]]),
)


def same(simple: object, expected: object) -> bool:
    """Equal, and of the same types all the way down (True is not 1)."""
    if type(simple) is not type(expected):
        return False
    if isinstance(simple, dict):
        assert isinstance(expected, dict)
        return list(simple) == list(expected) and all(
            same(simple[key], expected[key]) for key in simple
        )
    return simple == expected


def check_reading(text: str) -> bool:
    """Whether `text` was read without PyYAML (then as PyYAML reads it)."""
    simple = safe_yaml._simple_mapping(text)
    if simple is None:
        return False
    assert same(simple, pyyaml(text)), text
    return True


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINES, max_size=8), st.booleans())
def test_a_simple_reading_of_any_lines_is_pyyamls_reading(lines: list[str], newline: bool) -> None:
    check_reading("\n".join(lines) + ("\n" if newline else ""))


@settings(max_examples=2000, deadline=None)
@given(st.lists(_BLOCKS, min_size=1, max_size=8))
def test_a_simple_reading_of_theme_shaped_files_is_pyyamls_reading(
    blocks: list[list[str]],
) -> None:
    check_reading("\n".join(line for block in blocks for line in block) + "\n")
