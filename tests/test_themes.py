from __future__ import annotations

import asyncio
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.color import Color as RichColor
from rich.style import Style
from textual.app import App, ComposeResult
from textual.color import Color
from textual.widgets import Static

from dateline.resources import themes_dir
from dateline.themes import (
    FACT_KINDS,
    ThemeError,
    contrast_ratio,
    fact_style,
    fact_variable_defaults,
    load_theme_file,
    load_themes,
)

BUNDLED = {
    "dateline-light": "light.yaml",
    "dateline-dark": "dark.yaml",
    "dateline-high-contrast": "high-contrast.yaml",
}
FACT_VARIABLES = {
    *(f"fact-{kind}" for kind in FACT_KINDS),
    *(f"fact-{kind}-style" for kind in FACT_KINDS),
    "fact-selected",
    "fact-selected-style",
}
GOOD_THEME = """\
name: newsroom
primary: "#004578"
dark: false
variables:
  fact-person: "#1558b0"
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- Bundled themes ----------------------------------------------------------


@pytest.mark.parametrize(("name", "file_name"), BUNDLED.items())
def test_bundled_theme_loads_with_every_fact_variable(name: str, file_name: str) -> None:
    theme = load_theme_file(themes_dir() / file_name)
    assert theme.name == name
    assert set(theme.variables) >= FACT_VARIABLES


def test_bundled_themes_are_all_found_and_have_no_problems() -> None:
    catalog = load_themes(themes_dir())
    assert catalog.problems == []
    assert set(catalog.themes) == set(BUNDLED)
    assert catalog.themes["dateline-light"].dark is False
    assert catalog.themes["dateline-dark"].dark is True


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_fact_colours_are_readable(name: str) -> None:
    theme = load_themes(themes_dir()).themes[name]
    for surface in (theme.background, theme.surface):
        assert surface is not None
        for kind in FACT_KINDS:
            ratio = contrast_ratio(
                Color.parse(theme.variables[f"fact-{kind}"]), Color.parse(surface)
            )
            assert ratio >= 4.5, (name, kind, surface, round(ratio, 2))


def test_high_contrast_is_black_and_white() -> None:
    theme = load_theme_file(themes_dir() / "high-contrast.yaml")
    assert Color.parse(theme.background or "") == Color(0, 0, 0)
    assert Color.parse(theme.foreground or "") == Color(255, 255, 255)


def test_high_contrast_never_tells_kinds_apart_by_colour_alone() -> None:
    variables = load_theme_file(themes_dir() / "high-contrast.yaml").variables
    styles = {kind: frozenset(variables[f"fact-{kind}-style"].split()) for kind in FACT_KINDS}
    for first, second in combinations(FACT_KINDS, 2):
        assert styles[first] != styles[second], (first, second)
    assert frozenset({"none"}) not in styles.values()


# --- Validation --------------------------------------------------------------


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.yaml", 'name: bad\nprimary: "#ff0000"\nprimry: "#00ff00"\n')
    with pytest.raises(ThemeError) as raised:
        load_theme_file(path)
    assert str(raised.value) == f"{path}: unknown key 'primry' (did you mean 'primary'?)"


def test_bad_fact_colour_names_file_and_key(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        'name: bad\nprimary: "#ff0000"\nvariables:\n  fact-person: notacolour\n',
    )
    with pytest.raises(ThemeError) as raised:
        load_theme_file(path)
    assert str(raised.value) == f"{path}: 'fact-person' is not a colour: 'notacolour'"


def test_every_problem_in_a_file_is_listed(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.yaml",
        "secondary: blu\n"
        "dark: maybe\n"
        "text_alpha: 2\n"
        "variables:\n"
        "  fact-persn: red\n"
        "  fact-date-style: blod\n"
        "  footer-key-foreground: red\n",
    )
    with pytest.raises(ThemeError) as raised:
        load_theme_file(path)
    assert raised.value.problems == [
        f"{path}: missing key 'name'",
        f"{path}: missing key 'primary'",
        f"{path}: 'secondary' is not a colour: 'blu' (did you mean 'blue'?)",
        f"{path}: 'dark' should be true or false, not 'maybe'",
        f"{path}: 'text_alpha' should be a number from 0 to 1, not 2",
        f"{path}: unknown variable 'fact-persn' (did you mean 'fact-person'?)",
        f"{path}: 'fact-date-style' is not a text style: 'blod'"
        " (use words from bold, dim, italic, reverse, strike, underline, or none)",
    ]


def test_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(
        tmp_path / "evil.yaml",
        f'name: evil\nprimary: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    with pytest.raises(ThemeError) as raised:
        load_theme_file(path)
    assert not marker.exists()
    message = str(raised.value)
    assert message.startswith(f"{path}: line 2")
    assert "refused the YAML tag '!!python/object/apply:os.system'" in message


def test_echo_hi_tag_from_the_brief_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "evil.yaml", '!!python/object/apply:os.system ["echo hi"]\n')
    with pytest.raises(ThemeError, match="refused the YAML tag"):
        load_theme_file(path)


def test_theme_file_values_become_a_textual_theme(tmp_path: Path) -> None:
    path = write(
        tmp_path / "good.yaml",
        GOOD_THEME + "luminosity_spread: 0\n",
    )
    theme = load_theme_file(path)
    assert theme.name == "newsroom"
    assert theme.primary == "#004578"
    assert theme.dark is False
    assert theme.luminosity_spread == 0.0
    assert theme.variables == {"fact-person": "#1558b0"}


# --- Loading folders ---------------------------------------------------------


def test_folder_with_a_good_and_a_bad_file(tmp_path: Path) -> None:
    write(tmp_path / "good.yaml", GOOD_THEME)
    bad = write(tmp_path / "bad.yml", "name: broken\nprimary: nope\nsurfce: red\n")
    write(tmp_path / "notes.txt", "not a theme")
    catalog = load_themes(tmp_path)
    assert list(catalog.themes) == ["newsroom"]
    assert len(catalog.problems) == 1
    assert catalog.problems[0].startswith(f"{bad}: ")
    assert "'primary' is not a colour: 'nope'" in catalog.problems[0]
    assert "unknown key 'surfce'" in catalog.problems[0]


def test_later_folders_override_earlier_ones_and_missing_folders_are_fine(
    tmp_path: Path,
) -> None:
    user_folder = tmp_path / "user"
    user_folder.mkdir()
    write(
        user_folder / "mine.yaml",
        'name: dateline-dark\nprimary: "#ff0000"\n',
    )
    catalog = load_themes(themes_dir(), tmp_path / "missing", user_folder)
    assert catalog.problems == []
    assert catalog.themes["dateline-dark"].primary == "#ff0000"
    assert catalog.themes["dateline-light"].primary == "#1f5fa8"


def test_a_file_given_as_a_folder_is_a_problem(tmp_path: Path) -> None:
    not_a_folder = write(tmp_path / "themes", "")
    catalog = load_themes(not_a_folder)
    assert catalog.themes == {}
    assert len(catalog.problems) == 1
    assert catalog.problems[0].startswith(f"{not_a_folder}: cannot read the themes folder")


# --- fact_style ---------------------------------------------------------------


def test_fact_style_uses_the_theme_colour_and_style() -> None:
    variables = load_theme_file(themes_dir() / "high-contrast.yaml").variables
    style = fact_style(variables, "organization")
    assert style.color == RichColor.parse("#ffff00")
    assert style.bold is True
    assert style.underline is True
    assert style.italic is None
    assert style.bgcolor is None


def test_selected_fact_gets_the_highlight_and_stays_readable() -> None:
    variables = load_theme_file(themes_dir() / "high-contrast.yaml").variables
    # White highlight: yellow text would vanish, so it turns black, and the
    # money kind's reverse is dropped so the highlight stays a background.
    assert fact_style(variables, "money", selected=True) == Style(
        color="#000000", bgcolor="#ffffff", bold=True
    )
    dark = load_theme_file(themes_dir() / "dark.yaml").variables
    # On the dark highlight the fact's own colour is readable and is kept.
    assert fact_style(dark, "person", selected=True) == Style(
        color="#7cc4ff", bgcolor="#3d4456", bold=True
    )


def test_fact_style_falls_back_to_defaults_and_never_raises() -> None:
    defaults = fact_variable_defaults()
    broken = {"fact-date": "notacolour", "fact-date-style": "wobbly", "fact-selected": "?"}
    style = fact_style(broken, "date")
    assert style == Style(color=defaults["fact-date"])
    assert fact_style({}, "quote") == Style(color=defaults["fact-quote"], italic=True)
    assert fact_style({}, "not-a-kind") == Style()
    assert fact_style(broken, "date", selected=True).bgcolor == RichColor.parse(
        defaults["fact-selected"]
    )


@given(
    variables=st.dictionaries(
        st.sampled_from(sorted(FACT_VARIABLES)), st.text(max_size=20), max_size=6
    ),
    kind=st.sampled_from([*FACT_KINDS, "unknown"]),
    selected=st.booleans(),
)
def test_fact_style_never_raises(variables: dict[str, str], kind: str, selected: bool) -> None:
    style = fact_style(variables, kind, selected=selected)
    assert isinstance(style, Style)
    assert (style.bgcolor is not None) is selected


@pytest.mark.parametrize("dark", [None, True, False])
def test_defaults_cover_every_fact_variable_and_are_valid(dark: bool | None) -> None:
    defaults = fact_variable_defaults(dark=dark)
    assert set(defaults) == FACT_VARIABLES
    for name, value in defaults.items():
        if name.endswith("-style"):
            assert set(value.split()) <= {"bold", "italic", "none"}
        else:
            Color.parse(value)


@pytest.mark.parametrize("background", ["#000000", "#ffffff"])
def test_neutral_defaults_are_readable_on_black_and_on_white(background: str) -> None:
    defaults = fact_variable_defaults()
    for kind in FACT_KINDS:
        ratio = contrast_ratio(Color.parse(defaults[f"fact-{kind}"]), Color.parse(background))
        assert ratio >= 4.5, (kind, background, round(ratio, 2))


# --- In a Textual app --------------------------------------------------------


class ThemedApp(App[None]):
    CSS = """
    #person { color: $fact-person; text-style: $fact-person-style; }
    #selected { background: $fact-selected; text-style: $fact-selected-style; }
    """

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return fact_variable_defaults(dark=self.current_theme.dark)

    def compose(self) -> ComposeResult:
        yield Static("Angela Merkel", id="person")
        yield Static("selected", id="selected")


def test_app_can_switch_to_each_bundled_theme() -> None:
    # No pytest-asyncio in the test dependencies: run the coroutine directly.
    asyncio.run(switch_through_bundled_themes())


async def switch_through_bundled_themes() -> None:
    catalog = load_themes(themes_dir())
    app = ThemedApp()
    async with app.run_test() as pilot:
        for theme in catalog.themes.values():
            app.register_theme(theme)
        for name in ("dateline-dark", "dateline-high-contrast", "dateline-light"):
            app.theme = name
            await pilot.pause()
            assert app.current_theme.name == name
            person = app.query_one("#person", Static)
            expected = Color.parse(catalog.themes[name].variables["fact-person"])
            assert person.styles.color == expected
        # A Textual theme without fact variables gets the defaults.
        app.theme = "textual-dark"
        await pilot.pause()
        person = app.query_one("#person", Static)
        assert person.styles.color == Color.parse(fact_variable_defaults(dark=True)["fact-person"])
