"""The export of the seeds keeps to shared/spec/export.md."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.cli import main
from dateline.output.export import json_indented
from tests.conftest import SEED_000, SEED_001

ARTICLE_FIELDS = {
    "id": str,
    "path": str,
    "date": str,
    "title": str,
    "credits": list,
    "word_count": int,
    "paragraphs": list,
    "warnings": list,
    "facts": dict,
}
FACT_GROUPS = ("dates", "durations", "quantities", "people", "organizations", "places", "quotes")
GRANULARITIES = {
    "time",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "fiscal_year",
    "decade",
    "century",
}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["export", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def document(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    return json.loads(export(capsys, "--format", "json"))


def test_document_header(document: dict[str, Any]) -> None:
    assert document["version"] == 1
    assert document["generator"] == "dateline 0.1.0"
    assert [a["id"] for a in document["articles"]] == [SEED_001, SEED_000]
    assert isinstance(document["stories"], list)


def test_article_fields(document: dict[str, Any]) -> None:
    for article in document["articles"]:
        for field, kind in ARTICLE_FIELDS.items():
            assert isinstance(article[field], kind), field
        assert set(article["facts"]) >= set(FACT_GROUPS)
    by_id = {a["id"]: a for a in document["articles"]}
    assert by_id[SEED_000]["path"] == f"seeds/{SEED_000}.txt"
    assert by_id[SEED_000]["date"] == "2017-01-18"
    assert by_id[SEED_000]["credits"] == ["Photo: Jeffery Titcomb/REX/Shutterstock"]
    assert by_id[SEED_000]["warnings"] == []


def test_every_fact_text_is_its_slice(document: dict[str, Any]) -> None:
    checked = 0
    for article in document["articles"]:
        paragraphs = article["paragraphs"]
        facts = article["facts"]
        for group in ("dates", "durations", "quantities", "quotes"):
            for fact in facts[group]:
                text = paragraphs[fact["paragraph"]][fact["start_char"] : fact["end_char"]]
                assert text == fact["text"], (group, fact)
                checked += 1
        for group in ("people", "organizations", "places"):
            for entity in facts[group]:
                assert entity["mentions"], entity
                for mention in entity["mentions"]:
                    paragraph = paragraphs[mention["paragraph"]]
                    assert 0 <= mention["start_char"] < mention["end_char"] <= len(paragraph)
                    checked += 1
    assert checked > 40


def test_date_and_quantity_fields(document: dict[str, Any]) -> None:
    for article in document["articles"]:
        for date in article["facts"]["dates"]:
            assert date["granularity"] in GRANULARITIES
            assert ISO_DAY.fullmatch(date["start"]) and ISO_DAY.fullmatch(date["end"])
            assert date["start"] <= date["end"]
        for quantity in article["facts"]["quantities"]:
            assert quantity["kind"] in {"money", "percent", "count"}
            assert isinstance(quantity["value"], int | float)
            assert isinstance(quantity["approximate"], bool)
        for person in article["facts"]["people"]:
            assert "role" in person


def test_the_seed_facts_the_brief_names(document: dict[str, Any]) -> None:
    by_id = {a["id"]: a["facts"] for a in document["articles"]}
    dates_000 = {d["text"]: d for d in by_id[SEED_000]["dates"]}
    assert dates_000["27 January"]["start"] == "2017-01-27"
    assert dates_000["4pm yesterday"]["value"] == "2017-01-17T16:00"
    dates_001 = {d["text"]: d for d in by_id[SEED_001]["dates"]}
    assert dates_001["this Friday"]["start"] == dates_001["this Friday"]["end"] == "2017-01-27"
    money = {q["text"]: q for q in by_id[SEED_001]["quantities"] if q["kind"] == "money"}
    assert (money["£5m"]["value"], money["£5m"]["unit"]) == (5_000_000, "GBP")
    percent = {q["text"]: q for q in by_id[SEED_000]["quantities"] if q["kind"] == "percent"}
    assert percent["79%"]["value"] == 79
    people = {p["name"]: p for p in by_id[SEED_000]["people"]}
    assert people["Paul Holmes"]["role"] == "branch secretary for Unison in Kirklees"
    quotes = {q["text"]: q for q in by_id[SEED_001]["quotes"]}
    spokesman = quotes["Discussions between the council and the union are ongoing."]
    assert spokesman["speaker"] == "A Kirklees Council spokesman"


STORY_ITEM_FIELDS = (
    "start",
    "end",
    "granularity",
    "value",
    "text",
    "article",
    "paragraph",
    "start_char",
    "end_char",
    "sentence",
)


def test_the_seeds_are_one_story(document: dict[str, Any]) -> None:
    [story] = document["stories"]
    assert story["id"] == f"s:{SEED_000}"  # named by its earliest article
    assert story["number"] == 1
    assert story["title"] == "Council has threatened to take legal action against a union"
    assert story["articles"] == [SEED_000, SEED_001]
    [strike_day] = [item for item in story["timeline"] if item["start"] == "2017-01-27"]
    assert {field: strike_day[field] for field in STORY_ITEM_FIELDS[:7]} == {
        "start": "2017-01-27",
        "end": "2017-01-27",
        "granularity": "day",
        "value": "2017-01-27",
        "text": "27 January",
        "article": SEED_000,
        "paragraph": 1,
    }
    assert [(s["article"], s["text"]) for s in strike_day["sources"]] == [
        (SEED_000, "27 January"),
        (SEED_001, "this Friday"),
    ]
    people = {p["name"]: p for p in story["people"]}
    assert people["Paul Holmes"]["articles"] == [SEED_000, SEED_001]
    speakers = {q["speaker"]: q["quotes"] for q in story["quotes"]}
    assert {q["article"] for q in speakers["Paul Holmes"]} == {SEED_000, SEED_001}


def test_story_timeline_items_are_their_slices(document: dict[str, Any]) -> None:
    paragraphs = {a["id"]: a["paragraphs"] for a in document["articles"]}
    checked = 0
    for story in document["stories"]:
        starts = [(item["start"], item["end"]) for item in story["timeline"]]
        assert starts == sorted(starts)
        for item in story["timeline"]:
            assert list(item)[: len(STORY_ITEM_FIELDS)] == list(STORY_ITEM_FIELDS)
            assert item["granularity"] in GRANULARITIES
            for source in [item, *item["sources"]]:
                paragraph = paragraphs[source["article"]][source["paragraph"]]
                assert paragraph[source["start_char"] : source["end_char"]] == source["text"]
                assert source["text"] in source["sentence"] and source["sentence"] in paragraph
                checked += 1
        for group in story["quotes"]:
            for quote in group["quotes"]:
                paragraph = paragraphs[quote["article"]][quote["paragraph"]]
                assert paragraph[quote["start_char"] : quote["end_char"]] == quote["text"]
                checked += 1
    assert checked == 12 + 14 + 11  # items, their sources, quotes


def test_yaml_is_the_same_structure(capsys: pytest.CaptureFixture[str]) -> None:
    as_json = json.loads(export(capsys, "--format", "json"))
    as_yaml = yaml.safe_load(export(capsys, "--format", "yaml"))
    assert as_yaml == as_json


def test_markdown_report(capsys: pytest.CaptureFixture[str]) -> None:
    report = export(capsys, "--format", "markdown")
    assert report.startswith("# Dateline facts export (version 1)\n")
    assert "## Council has threatened to take legal action against a union" in report
    assert "- Paul Holmes, branch secretary for Unison in Kirklees" in report
    assert "- this Friday → 2017-01-27 (day)" in report
    assert (
        f"## Story s:{SEED_000}: Council has threatened to take legal action against a union"
        in report
    )
    assert f"- 2017-01-27 (day): 27 January in `{SEED_000}`; this Friday in `{SEED_001}`" in report


def test_output_file(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "facts.json"
    assert main(["export", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        # Holmes called the council's threat a "red herring" in the first seed only.
        ("said:Holmes quote:herring", [SEED_000]),
        # Only the second names a sum over a million (£5m) and a date in 1974.
        ("money>1m on:1974", [SEED_001]),
        ('person:"Paul Holmes" strike', [SEED_001, SEED_000]),
    ],
)
def test_a_query_exports_only_the_articles_it_matches(
    capsys: pytest.CaptureFixture[str], query: str, ids: list[str]
) -> None:
    exported = json.loads(export(capsys, "--query", query))
    assert [article["id"] for article in exported["articles"]] == ids


def test_a_query_that_matches_nothing_exports_no_article(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["export", "--query", "zebra"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["articles"] == []
    assert "no article matches 'zebra'" in err


def test_a_query_that_cannot_be_read_exports_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--query", "money>lots"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "cannot read the query 'money>lots': money>lots: an amount is a number" in err


def test_the_json_text_is_the_standard_library_s_indented_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = export(capsys, "--format", "json")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


_JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(
            st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats()),
            children,
            max_size=4,
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=500, deadline=None)
@given(_JSON_VALUES)
def test_json_indented_writes_what_json_dumps_writes(value: object) -> None:
    assert json_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)
