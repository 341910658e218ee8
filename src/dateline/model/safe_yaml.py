"""YAML as Dateline reads it everywhere (front matter, config, themes): the
safe loader only, so a file can never build Python objects, and errors told in
words, with a tag that would have built one named as refused."""

from __future__ import annotations

import re

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG_IN_PROBLEM = re.compile(r"tag '([^']+)'")


def load(text: str) -> object:
    """The parsed YAML. Raises `yaml.YAMLError`: describe it with `describe_error`."""
    return yaml.load(text, Loader=SAFE_LOADER)


def describe_error(error: yaml.YAMLError, first_line: int = 1) -> str:
    """Where and what, as one line: 'line 2, column 7: invalid YAML: …'. Lines
    count from `first_line`: the file's line of the YAML's first."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark is not None else 0
    where = f"line {line}, column {mark.column + 1}: " if mark is not None else ""
    problem = getattr(error, "problem", None) or str(error)
    tag = _TAG_IN_PROBLEM.search(problem)
    if isinstance(error, yaml.constructor.ConstructorError) and tag is not None:
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return (
            f"{where}refused the YAML tag {shown!r}: only plain YAML is read, "
            "and tags that would build Python objects are never run"
        )
    return f"{where}invalid YAML: {problem}"
