from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.config import (
    Config,
    cache_dir,
    config_dir,
    config_file,
    data_dir,
    load_config,
    user_themes_dir,
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_and_no_problem(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "config.yaml")
    assert config == Config(theme=None, show_sidebar=True, mark_read_on_open=True)
    assert problems == []


def test_empty_file_gives_defaults_and_no_problem(tmp_path: Path) -> None:
    assert load_config(write(tmp_path / "config.yaml", "")) == (Config(), [])


def test_every_setting_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.yaml",
        "theme: dateline-dark\nshow_sidebar: false\nmark_read_on_open: false\n",
    )
    config, problems = load_config(path)
    assert problems == []
    assert config == Config(theme="dateline-dark", show_sidebar=False, mark_read_on_open=False)


def test_unknown_key_is_reported_and_known_keys_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "config.yaml", "theme: dateline-light\nshow_sidebr: false\n")
    config, problems = load_config(path)
    assert config.theme == "dateline-light"
    assert config.show_sidebar is True
    assert problems == [
        f"{path}: unknown key 'show_sidebr' (did you mean 'show_sidebar'?)",
    ]


def test_wrong_type_is_reported_and_default_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "config.yaml", "show_sidebar: sometimes\ntheme: 42\n")
    config, problems = load_config(path)
    assert config == Config()
    assert problems == [
        f"{path}: 'show_sidebar' should be true or false, not 'sometimes'",
        f"{path}: 'theme' should be a theme name such as 'dateline-dark', not 42",
    ]


def test_invalid_yaml_is_reported_with_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "config.yaml", "theme: dateline-dark\nshow_sidebar: [true\n")
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: line 3")
    assert "invalid YAML" in problems[0]


def test_a_list_instead_of_keys_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "config.yaml", "- theme\n- dark\n")
    assert load_config(path) == (
        Config(),
        [f"{path}: expected keys such as 'theme: dateline-dark', found a list"],
    )


def test_python_tag_is_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = write(
        tmp_path / "config.yaml",
        f'theme: !!python/object/apply:os.system ["touch {marker}"]\n',
    )
    config, problems = load_config(path)
    assert config == Config()
    assert not marker.exists()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: line 1")
    assert "refused the YAML tag '!!python/object/apply:os.system'" in problems[0]


def test_unreadable_config_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # A folder where the file should be: reading fails whoever runs the tests.
    path = tmp_path / "config.yaml"
    path.mkdir()
    config, problems = load_config(path)
    assert config == Config()
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: cannot read the file")


def test_environment_variables_choose_the_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_CONFIG_DIR", str(tmp_path / "conf"))
    monkeypatch.setenv("DATELINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path / "cache"))
    assert config_dir() == tmp_path / "conf"
    assert config_file() == tmp_path / "conf" / "config.yaml"
    assert user_themes_dir() == tmp_path / "conf" / "themes"
    assert data_dir() == tmp_path / "data"
    assert cache_dir() == tmp_path / "cache"


def test_load_config_reads_the_file_in_the_environment_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "config.yaml", "theme: dateline-high-contrast\n")
    monkeypatch.setenv("DATELINE_CONFIG_DIR", str(tmp_path))
    assert load_config() == (Config(theme="dateline-high-contrast"), [])


def test_without_the_environment_variable_the_platform_folder_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DATELINE_CONFIG_DIR", raising=False)
    monkeypatch.delenv("DATELINE_DATA_DIR", raising=False)
    assert config_dir().name == "dateline"
    assert data_dir().name == "dateline"
    assert config_dir() != Path("dateline")


def test_config_and_reading_state_never_import_textual() -> None:
    # The export command and the store tests must not pay for the UI.
    code = (
        "import sys, dateline.config, dateline.store.state; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_aliases_and_deep_nesting_are_refused_before_they_are_built(tmp_path: Path) -> None:
    aliased = write(tmp_path / "aliased.yaml", "base: &b dateline-light\ntheme: *b\n")
    config, problems = load_config(aliased)
    assert config == Config()
    assert problems == [f"{aliased}: line 2, column 8: aliases (*name) are not read"]
    # Deep enough to overflow libyaml's stack (a crash) if it were composed; the
    # mapping is the first level, so the 64th bracket is the 65th.
    deep = write(tmp_path / "deep.yaml", "theme: " + "[" * 30_000 + "]" * 30_000 + "\n")
    config, problems = load_config(deep)
    assert config == Config()
    # The column is where the parser stopped: the 65th level (71) with PyYAML's
    # own walk, or further on where libyaml's scanner, reading ahead, met its
    # own limit of 1,000 first (libyaml 0.2.5, PyYAML 6.0.4).
    [problem] = problems
    assert re.fullmatch(
        rf"{re.escape(str(deep))}: line 1, column (71|1007): nested more than 64 levels deep",
        problem,
    )
