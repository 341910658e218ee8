"""Where Dateline keeps its files, and the user's `config.yaml`.

The folders come from `platformdirs`, each overridable by an environment
variable so tests (and anyone trying things out) can point Dateline at their
own files without touching the real ones.

Reading never raises: a broken config file must not stop the reader from
starting, so every problem becomes a message and the default stands in for
the value that was wrong. The YAML helpers here are shared with `themes.py`,
which reads theme files the same way.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dateline.model import safe_yaml

APP_NAME = "dateline"
CONFIG_DIR_ENV = "DATELINE_CONFIG_DIR"
DATA_DIR_ENV = "DATELINE_DATA_DIR"
CACHE_DIR_ENV = "DATELINE_CACHE_DIR"


# --- Locations ---------------------------------------------------------------


def _folder_from_env(variable: str) -> Path | None:
    value = os.environ.get(variable, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    # appauthor=False: on Windows the default would nest the app name twice.
    return _folder_from_env(CONFIG_DIR_ENV) or Path(
        platformdirs.user_config_dir(APP_NAME, appauthor=False)
    )


def data_dir() -> Path:
    return _folder_from_env(DATA_DIR_ENV) or Path(
        platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )


def cache_dir() -> Path:
    return _folder_from_env(CACHE_DIR_ENV) or Path(
        platformdirs.user_cache_dir(APP_NAME, appauthor=False)
    )


def config_file() -> Path:
    return config_dir() / "config.yaml"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


# --- Reading YAML safely -----------------------------------------------------


class YamlFileError(Exception):
    """A YAML file that could not be read; the message says why, without the path."""


def read_yaml_file(path: Path) -> object:
    """The parsed contents of `path` (None for an empty file).

    Raises FileNotFoundError when the file is missing (callers decide whether
    that matters) and YamlFileError for anything else that goes wrong.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise
    except UnicodeDecodeError:
        raise YamlFileError("the file is not UTF-8 text") from None
    except OSError as error:
        raise YamlFileError(f"cannot read the file: {error.strerror or error}") from None
    try:
        # The safe loader only: a file must never be able to build Python objects.
        return safe_yaml.load(text)
    except safe_yaml.YamlError as error:
        raise YamlFileError(safe_yaml.describe_error(error)) from None


def unknown_key_message(key: object, known: Iterable[str], *, what: str = "key") -> str:
    """'unknown key 'primry' (did you mean 'primary'?)', for typos in hand-written files."""
    message = f"unknown {what} {str(key)!r}"
    close = difflib.get_close_matches(str(key), list(known), n=1)
    return f"{message} (did you mean {close[0]!r}?)" if close else message


# --- The config file ---------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Config:
    theme: str | None = None
    """Name of the theme to start with; None leaves the choice to the app."""
    show_sidebar: bool = True
    mark_read_on_open: bool = True
    facts_time_budget: float = 5.0
    """Seconds an article's facts may take before they are stopped, with what
    was found and a warning (the facts are found in worker processes)."""
    watch: bool = False
    """Watch the corpus's folders: new and changed files appear in the open
    reader (as `dateline --watch`)."""
    feed_interval: float = 30.0
    """Minutes between two fetches of a feed while the reader watches (the
    feeds you follow are fetched on this schedule; `r` fetches them now)."""


def _check_theme_name(key: str, value: object) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return None
    return f"{key!r} should be a theme name such as 'dateline-dark', not {value!r}"


def _check_bool(key: str, value: object) -> str | None:
    if isinstance(value, bool):
        return None
    return f"{key!r} should be true or false, not {value!r}"


def _check_seconds(key: str, value: object) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 3600:
        return None
    return f"{key!r} should be a number of seconds from 0 to 3600, such as 5, not {value!r}"


def _check_minutes(key: str, value: object) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 10080:
        return None
    return f"{key!r} should be a number of minutes from 1 to 10080, such as 30, not {value!r}"


_CHECKS: dict[str, Callable[[str, object], str | None]] = {
    "theme": _check_theme_name,
    "show_sidebar": _check_bool,
    "mark_read_on_open": _check_bool,
    "facts_time_budget": _check_seconds,
    "watch": _check_bool,
    "feed_interval": _check_minutes,
}


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The config in `path` (default: `config_file()`) and the problems found.

    Each problem names the file; the keys that are valid are still used.
    """
    path = config_file() if path is None else path
    try:
        data = read_yaml_file(path)
    except FileNotFoundError:
        return Config(), []
    except YamlFileError as error:
        return Config(), [f"{path}: {error}"]
    if data is None:
        return Config(), []
    if not isinstance(data, dict):
        kind = type(data).__name__
        return Config(), [f"{path}: expected keys such as 'theme: dateline-dark', found a {kind}"]
    return _config_from_mapping(path, data)


def _config_from_mapping(path: Path, data: dict[object, object]) -> tuple[Config, list[str]]:
    values: dict[str, object] = {}
    problems: list[str] = []
    for key, value in data.items():
        check = _CHECKS.get(key) if isinstance(key, str) else None
        if check is None:
            problems.append(f"{path}: {unknown_key_message(key, _CHECKS)}")
            continue
        problem = check(key, value)
        if problem is None:
            values[key] = value
        else:
            problems.append(f"{path}: {problem}")
    return Config(**values), problems  # type: ignore[arg-type]
