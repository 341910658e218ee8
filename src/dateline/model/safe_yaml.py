"""YAML as Dateline reads it everywhere (front matter, config, themes): the
safe loader only, so a file can never build Python objects, and errors told in
words, with a tag that would have built one named as refused.

PyYAML takes about 11 ms to import, a twentieth of the reader's whole start-up,
for the three small theme files read before the first paint. So a file that
is only `key: value` lines (with at most one level of nested keys, values that
are double-quoted text, plain words or plain numbers, and comments) is read
here without it, to exactly what PyYAML's safe loader makes of it; anything
else, or anything in doubt, goes to PyYAML."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

_TAG_IN_PROBLEM = re.compile(r"tag '([^']+)'")


# Deeper than any front matter, config or theme needs; libyaml's C composer
# recurses per level and overflows the stack (a crash, not an error) at
# about 25,000.
MAX_DEPTH = 64
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


class YamlError(Exception):
    """YAML that could not be read: `describe_error` says where and why."""

    def __init__(self, error: yaml.YAMLError) -> None:
        super().__init__(str(error))
        self.error = error


def load(text: str) -> object:
    """The parsed YAML. Raises `YamlError`: describe it with `describe_error`."""
    simple = _simple_mapping(text)
    if simple is not None:
        return simple
    import yaml

    try:
        return _load_with_pyyaml(text)
    except yaml.YAMLError as error:
        raise YamlError(error) from None


def _refused(problem: str, mark: Any) -> Exception:
    """YAML that is well formed but not read: too deep, or with aliases."""
    import yaml

    error = yaml.MarkedYAMLError(problem=problem, problem_mark=mark)
    error.refused = True  # type: ignore[attr-defined]
    return error


def _load_with_pyyaml(text: str) -> object:
    """The events are walked first, without building anything: nesting deeper
    than `MAX_DEPTH` and aliases (a few bytes of `*a` can stand for gigabytes
    once expanded) are refused before the document is composed."""
    import yaml

    # libyaml's safe loader where PyYAML was built with it (ten times quicker
    # than the pure-Python one); both refuse Python tags.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise _refused("aliases (*name) are not read", event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml 0.2.5 (PyYAML 6.0.4 on) has a nesting limit of its own, and
        # its scanner, reading ahead, can reach it before the parser hands us
        # the 65th level: the same refusal, where the scanner stopped.
        if getattr(error, "refused", False) or error.problem != _LIBYAML_DEPTH_PROBLEM:
            raise
        raise _refused(f"nested more than {MAX_DEPTH} levels deep", error.problem_mark) from None
    try:
        return yaml.load(text, Loader=loader)
    except (ValueError, OverflowError, TypeError) as error:
        # A value the constructors cannot build ("date: 2017-13-45" unquoted).
        raise _refused(f"a value that cannot be read ({error})", None) from None


def describe_error(error: YamlError, first_line: int = 1) -> str:
    """Where and what, as one line: 'line 2, column 7: invalid YAML: …'. Lines
    count from `first_line`: the file's line of the YAML's first."""
    import yaml

    cause = error.error
    mark = getattr(cause, "problem_mark", None)
    line = mark.line + first_line if mark is not None else 0
    where = f"line {line}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(cause, "problem", None) or str(cause)
    if getattr(cause, "refused", False):
        return f"{where}{problem}"
    tag = _TAG_IN_PROBLEM.search(problem)
    if isinstance(cause, yaml.constructor.ConstructorError) and tag is not None:
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return (
            f"{where}refused the YAML tag {shown!r}: only plain YAML is read, "
            "and tags that would build Python objects are never run"
        )
    return f"{where}invalid YAML: {problem}"


# --- Simple files, read without PyYAML ---------------------------------------

# A line of a simple file: a key, then a value or nothing (a nested mapping
# follows, or the value is null), then perhaps a comment. Values: text in
# double quotes with no escapes (printable ASCII), a whole number or decimal
# without a sign or leading zeros, or plain words of letters, digits, `_` and
# `-` that start with a letter, one space apart. PyYAML reads a plain word that
# starts with a letter as text, unless it is one of `_SPECIAL_WORDS`.
_SIMPLE_LINE = re.compile(
    r"(?P<indent>[ ]*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*):"
    r"(?:[ ]+(?:"
    r'"(?P<quoted>[\x20\x21\x23-\x5b\x5d-\x7e]*)"'
    r"|(?P<decimal>(?:0|[1-9][0-9]*)\.[0-9]+)"
    r"|(?P<whole>0|[1-9][0-9]*)"
    r"|(?P<words>[A-Za-z][A-Za-z0-9_-]*(?:[ ][A-Za-z0-9_-]+)*)"
    r"))?"
    r"(?:[ ]+#[^\n]*)?[ ]*"
)
_BLANK_OR_COMMENT = re.compile(r"[ ]*(?:#[^\n]*)?")
# YAML 1.1's booleans and nulls, as PyYAML's resolver reads them.
_TRUE = frozenset({"yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
_FALSE = frozenset({"no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
_NULL = frozenset({"null", "Null", "NULL"})
_SPECIAL_WORDS = _TRUE | _FALSE | _NULL


def _simple_mapping(text: str) -> dict[str, object] | None:
    """What PyYAML's safe loader would make of `text`, if `text` is a simple
    file (see `_SIMPLE_LINE`); None when it is not, or not surely."""
    if "\r" in text or "\t" in text or text.startswith("\ufeff"):
        return None
    top: dict[str, object] = {}
    nested: dict[str, object] | None = None  # the mapping being filled, if any
    nested_indent = 0
    last_key: str | None = None  # the top-level key without a value, if any
    for line in text.split("\n"):
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            if _BLANK_OR_COMMENT.fullmatch(line):
                continue
            return None
        key = match["key"]
        if key in _SPECIAL_WORDS:
            return None  # a key PyYAML would read as true, false or null
        indent = len(match["indent"])
        value = _simple_value(match)
        if indent == 0:
            nested, last_key = None, None
            if value is _NO_VALUE:
                top[key] = None
                last_key = key
            else:
                top[key] = value
            continue
        if nested is None:
            if last_key is None:
                return None  # indented with nothing to belong to
            nested, nested_indent = {}, indent
            top[last_key] = nested
        if indent != nested_indent or value is _NO_VALUE:
            return None  # deeper nesting: PyYAML decides
        nested[key] = value
    return top or None


_NO_VALUE = object()


def _simple_value(match: re.Match[str]) -> object:
    if (quoted := match["quoted"]) is not None:
        return quoted
    if (decimal := match["decimal"]) is not None:
        return float(decimal)
    if (whole := match["whole"]) is not None:
        return int(whole)
    if (words := match["words"]) is not None:
        if words in _TRUE:
            return True
        if words in _FALSE:
            return False
        if words in _NULL:
            return None
        return words
    return _NO_VALUE
