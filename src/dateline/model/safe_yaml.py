"""YAML as Dateline reads it everywhere (front matter, config, themes): the
safe loader only, so a file can never build Python objects, and errors told in
words, with a tag that would have built one named as refused."""

from __future__ import annotations

import re

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG_IN_PROBLEM = re.compile(r"tag '([^']+)'")


# Deeper than any front matter, config or theme needs; libyaml's C composer
# recurses per level and overflows the stack (a crash, not an error) at
# about 25,000.
MAX_DEPTH = 64
_LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


class RefusedYamlError(yaml.YAMLError):
    """YAML that is well formed but not read: too deep, or with aliases."""

    def __init__(self, problem: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


def load(text: str) -> object:
    """The parsed YAML. Raises `yaml.YAMLError`: describe it with `describe_error`.

    The events are walked first, without building anything: nesting deeper
    than `MAX_DEPTH` and aliases (a few bytes of `*a` can stand for gigabytes
    once expanded) are refused before the document is composed."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent):
                raise RefusedYamlError("aliases (*name) are not read", event.start_mark)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise RefusedYamlError(
                        f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml 0.2.5 (PyYAML 6.0.4 on) has a nesting limit of its own, and
        # its scanner, reading ahead, can reach it before the parser hands us
        # the 65th level: the same refusal, where the scanner stopped.
        if error.problem != _LIBYAML_DEPTH_PROBLEM:
            raise
        raise RefusedYamlError(
            f"nested more than {MAX_DEPTH} levels deep", error.problem_mark
        ) from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except (ValueError, OverflowError, TypeError) as error:
        # A value the constructors cannot build ("date: 2017-13-45" unquoted).
        raise RefusedYamlError(f"a value that cannot be read ({error})", None) from None


def describe_error(error: yaml.YAMLError, first_line: int = 1) -> str:
    """Where and what, as one line: 'line 2, column 7: invalid YAML: …'. Lines
    count from `first_line`: the file's line of the YAML's first."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else 0
    where = f"line {line}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, RefusedYamlError):
        return f"{where}{problem}"
    tag = _TAG_IN_PROBLEM.search(problem)
    if isinstance(error, yaml.constructor.ConstructorError) and tag is not None:
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return (
            f"{where}refused the YAML tag {shown!r}: only plain YAML is read, "
            "and tags that would build Python objects are never run"
        )
    return f"{where}invalid YAML: {problem}"
