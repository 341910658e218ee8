"""Dateline's themes: Textual themes read from YAML files, and the colours and
text styles that mark each kind of fact in an article.

A theme file holds the fields of Textual's `Theme` dataclass. Inside
`variables` it may set Textual's own variables and Dateline's fact variables:
`fact-<kind>` (a colour) and `fact-<kind>-style` (text style words) for each
kind in FACT_KINDS, plus `fact-selected` (the background of the selected
fact's mentions) and `fact-selected-style`.

Files are validated before use: every problem in a file is reported at once,
with the file name, so a user fixing a theme does not have to go round the
loop once per typo.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from rich.style import Style
from textual.color import Color, ColorParseError
from textual.theme import Theme

from dateline.config import YamlFileError, read_yaml_file, unknown_key_message

FACT_KINDS: tuple[str, ...] = (
    "person",
    "organization",
    "place",
    "date",
    "money",
    "percent",
    "count",
    "quote",
)
TEXT_STYLE_WORDS: frozenset[str] = frozenset(
    {"bold", "italic", "underline", "reverse", "strike", "dim"}
)
MIN_CONTRAST = 4.5
"""WCAG AA for body text: below this a selected fact's own colour gives way."""

_REQUIRED_KEYS = ("name", "primary")
_THEME_KEYS = tuple(theme_field.name for theme_field in fields(Theme))
_COLOUR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_BOOL_KEYS = ("dark", "ansi")
_FRACTION_KEYS = ("luminosity_spread", "text_alpha")

_FACT_COLOUR_VARIABLES = (*(f"fact-{kind}" for kind in FACT_KINDS), "fact-selected")
_FACT_STYLE_VARIABLES = tuple(f"{name}-style" for name in _FACT_COLOUR_VARIABLES)
_FACT_VARIABLES = (*_FACT_COLOUR_VARIABLES, *_FACT_STYLE_VARIABLES)


# --- Defaults ----------------------------------------------------------------

# Names stand out in bold and quotes in italic; the rest is carried by colour
# in the ordinary themes (dateline-high-contrast gives every kind its own style).
_DEFAULT_STYLES = {
    "person": "bold",
    "organization": "bold",
    "place": "none",
    "date": "none",
    "money": "none",
    "percent": "none",
    "count": "none",
    "quote": "italic",
}

# Tuned to a relative luminance of about 0.18, which keeps a contrast of 4.5:1
# against both pure black and pure white: the fallback for a theme whose
# darkness is not known.
_NEUTRAL_COLOURS = {
    "person": "#2177cd",
    "organization": "#9057db",
    "place": "#158477",
    "date": "#996e1a",
    "money": "#34853f",
    "percent": "#cc3f7f",
    "count": "#b65d29",
    "quote": "#707680",
    "selected": "#ffd75f",
}
# The same as themes/dark.yaml: contrast of 7.7:1 or more on dark backgrounds.
_ON_DARK_COLOURS = {
    "person": "#7cc4ff",
    "organization": "#c3a6ff",
    "place": "#4fd1c5",
    "date": "#ffc66d",
    "money": "#8fdc6a",
    "percent": "#f59fd0",
    "count": "#ff9e64",
    "quote": "#cfd8e3",
    "selected": "#3d4456",
}
# The same as themes/light.yaml: contrast of 4.5:1 or more on light backgrounds.
_ON_LIGHT_COLOURS = {
    "person": "#1558b0",
    "organization": "#6b3fa0",
    "place": "#00706a",
    "date": "#8a5300",
    "money": "#276b2b",
    "percent": "#b0306f",
    "count": "#a8420b",
    "quote": "#4a5568",
    "selected": "#fde68a",
}


def fact_variable_defaults(*, dark: bool | None = None) -> dict[str, str]:
    """Every fact variable with a default value, for `App.get_theme_variable_defaults`.

    Pass `dark=app.current_theme.dark` to get colours tuned for that kind of
    background (themes that are not Dateline's, such as Textual's own, have
    no fact variables); without it the colours are a compromise readable on
    both.
    """
    colours = {None: _NEUTRAL_COLOURS, True: _ON_DARK_COLOURS, False: _ON_LIGHT_COLOURS}[dark]
    variables: dict[str, str] = {}
    for kind in FACT_KINDS:
        variables[f"fact-{kind}"] = colours[kind]
        variables[f"fact-{kind}-style"] = _DEFAULT_STYLES[kind]
    variables["fact-selected"] = colours["selected"]
    variables["fact-selected-style"] = "bold"
    return variables


# --- Loading theme files -----------------------------------------------------


class ThemeError(Exception):
    """A theme file that cannot be used; `problems` lists each one with the file name."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = [f"{path}: {problem}" for problem in problems]
        super().__init__("\n".join(self.problems))


@dataclass(slots=True)
class ThemeCatalog:
    themes: dict[str, Theme] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_theme_file(path: Path) -> Theme:
    """The theme in `path`; raises ThemeError listing every problem in the file."""
    try:
        data = read_yaml_file(path)
    except FileNotFoundError:
        raise ThemeError(path, ["no such file"]) from None
    except YamlFileError as error:
        raise ThemeError(path, [str(error)]) from None
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {type(data).__name__}"
        raise ThemeError(path, [f"expected keys such as 'name' and 'primary', found {found}"])
    problems = _theme_problems(data)
    if problems:
        raise ThemeError(path, problems)
    return _build_theme(data)


def load_themes(*folders: Path) -> ThemeCatalog:
    """Every theme file in `folders`; a theme in a later folder replaces one
    of the same name from an earlier folder (so user themes override bundled
    ones). Broken files are left out and described in `problems`."""
    catalog = ThemeCatalog()
    for folder in folders:
        for path in _theme_files(folder, catalog.problems):
            try:
                theme = load_theme_file(path)
            except ThemeError as error:
                catalog.problems.append(str(error))
            else:
                catalog.themes[theme.name] = theme
    return catalog


def _theme_files(folder: Path, problems: list[str]) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return  # a user who never made a themes folder has nothing to be told about
    except OSError as error:
        problems.append(f"{folder}: cannot read the themes folder: {error.strerror or error}")
        return
    for path in entries:
        # Dot files are editor backups and lock files, not themes.
        if path.suffix in (".yaml", ".yml") and not path.name.startswith(".") and path.is_file():
            yield path


def _theme_problems(data: dict[object, object]) -> list[str]:
    problems = [unknown_key_message(key, _THEME_KEYS) for key in data if key not in _THEME_KEYS]
    problems += [f"missing key {key!r}" for key in _REQUIRED_KEYS if data.get(key) is None]
    problems += _name_problems(data.get("name"))
    for key in _COLOUR_KEYS:
        if data.get(key) is not None:
            problems += _colour_problems(key, data[key])
    for key in _BOOL_KEYS:
        if key in data and not isinstance(data[key], bool):
            problems.append(f"{key!r} should be true or false, not {data[key]!r}")
    for key in _FRACTION_KEYS:
        if key in data and not _is_fraction(data[key]):
            problems.append(f"{key!r} should be a number from 0 to 1, not {data[key]!r}")
    if "variables" in data:
        problems += _variables_problems(data["variables"])
    return problems


def _name_problems(name: object) -> list[str]:
    if name is None:
        return []  # already reported as missing
    if not isinstance(name, str) or not name.strip():
        return [f"'name' should be a theme name such as 'my-theme', not {name!r}"]
    if "," in name:
        # Textual reads "a,b" in App.theme as a list of names to try.
        return [f"'name' cannot contain a comma: {name!r}"]
    return []


def _is_fraction(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


def _colour_problems(key: str, value: object) -> list[str]:
    if not isinstance(value, str):
        return [f"{key!r} is not a colour: {value!r}"]
    try:
        Color.parse(value)
    except ColorParseError as error:
        hint = f" (did you mean {error.suggested_color!r}?)" if error.suggested_color else ""
        return [f"{key!r} is not a colour: {value!r}{hint}"]
    return []


def _style_problems(key: str, value: object) -> list[str]:
    if isinstance(value, str) and parse_style_words(value) is not None:
        return []
    words = ", ".join(sorted(TEXT_STYLE_WORDS))
    return [f"{key!r} is not a text style: {value!r} (use words from {words}, or none)"]


def _variables_problems(variables: object) -> list[str]:
    if not isinstance(variables, dict):
        return [f"'variables' should be a mapping of names to values, not {variables!r}"]
    problems: list[str] = []
    for key, value in variables.items():
        if not isinstance(key, str):
            problems.append(f"variable names are text, not {key!r}")
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(f"variable {key!r} should be a CSS value, not {value!r}")
        elif key in _FACT_COLOUR_VARIABLES:
            problems += _colour_problems(key, value)
        elif key in _FACT_STYLE_VARIABLES:
            problems += _style_problems(key, value)
        elif key.startswith("fact-"):
            # Textual's own variables are passed through; ours are checked,
            # because a misspelt one would silently do nothing.
            problems.append(unknown_key_message(key, _FACT_VARIABLES, what="variable"))
    return problems


def _build_theme(data: dict[object, object]) -> Theme:
    arguments = {key: value for key, value in data.items() if key != "variables"}
    for key in _FRACTION_KEYS:
        if key in arguments:
            arguments[key] = float(arguments[key])  # type: ignore[arg-type]
    variables = data.get("variables") or {}
    assert isinstance(variables, dict)  # checked by _variables_problems
    arguments["variables"] = {str(key): str(value) for key, value in variables.items()}
    return Theme(**arguments)  # type: ignore[arg-type]


# --- Styling facts in rich Text ----------------------------------------------


def parse_style_words(value: str) -> frozenset[str] | None:
    """The style words in `value` ("bold underline"), empty for "none", None if invalid."""
    words = value.split()
    if words == ["none"]:
        return frozenset()
    if not words or not set(words) <= TEXT_STYLE_WORDS:
        return None
    return frozenset(words)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: Color) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _colour_variable(variables: Mapping[str, str], name: str) -> Color | None:
    for value in (variables.get(name), _NEUTRAL_DEFAULTS.get(name)):
        if isinstance(value, str):
            try:
                return Color.parse(value)
            except ColorParseError:
                continue
    return None


def _style_variable(variables: Mapping[str, str], name: str) -> frozenset[str]:
    for value in (variables.get(name), _NEUTRAL_DEFAULTS.get(name)):
        if isinstance(value, str):
            words = parse_style_words(value)
            if words is not None:
                return words
    return frozenset()


_NEUTRAL_DEFAULTS = fact_variable_defaults()
_BLACK = Color(0, 0, 0)
_WHITE = Color(255, 255, 255)


def fact_style(variables: Mapping[str, str], kind: str, *, selected: bool = False) -> Style:
    """The rich Style for mentions of a `kind` of fact, from theme `variables`.

    Selected mentions get the `fact-selected` background and style. They drop
    `reverse`, which would turn that background into the text colour, and
    their text turns black or white when the fact's own colour would be hard
    to read on the highlight. Never raises: a bad or missing value falls back
    to the default, an unknown kind to plain text.
    """
    colour = _colour_variable(variables, f"fact-{kind}")
    words = _style_variable(variables, f"fact-{kind}-style")
    if not selected:
        return _style(colour, None, words)
    background = _colour_variable(variables, "fact-selected") or _BLACK
    if colour is None or contrast_ratio(colour, background) < MIN_CONTRAST:
        colour = max((_BLACK, _WHITE), key=lambda text: contrast_ratio(text, background))
    words = (words - {"reverse"}) | _style_variable(variables, "fact-selected-style")
    return _style(colour, background, words)


def _style(colour: Color | None, background: Color | None, words: frozenset[str]) -> Style:
    return Style(
        color=colour.rich_color if colour is not None else None,
        bgcolor=background.rich_color if background is not None else None,
        **{word: True for word in words},
    )
