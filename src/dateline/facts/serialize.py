"""Facts as plain, JSON-safe data and back: the `facts` object of the export
format (shared/spec/export.md), and the same plus `problems` for the cache.

The export and the cache share one form so that the cache holds nothing the
export cannot show, and a change to one is a change to both. The form leaves
out what the place of an entity in `ArticleFacts` already says (its kind), and
a role for anything but a person, which the extractors never give."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.facts.base import (
    ArticleFacts,
    DateFact,
    Duration,
    Entity,
    EntityKind,
    Mention,
    Quantity,
    Quote,
)

# The entity groups, in export order, and the kind of entity each holds.
ENTITY_GROUPS: tuple[tuple[str, EntityKind], ...] = (
    ("people", "person"),
    ("organizations", "organization"),
    ("places", "place"),
)


def facts_to_dict(facts: ArticleFacts) -> dict[str, Any]:
    """The export's `facts` object plus `problems`; `facts_from_dict` undoes it."""
    return {**export_facts(facts), "problems": list(facts.problems)}


def export_facts(facts: ArticleFacts) -> dict[str, Any]:
    """The `facts` object of one article in the export format, key order included
    (the export's bytes are part of the interface)."""
    return {
        "dates": [
            {
                "text": d.text,
                "paragraph": d.paragraph,
                "start_char": d.start_char,
                "end_char": d.end_char,
                "value": d.value,
                "granularity": d.granularity,
                "start": d.start.isoformat(),
                "end": d.end.isoformat(),
            }
            for d in facts.dates
        ],
        "durations": [
            {
                "text": d.text,
                "paragraph": d.paragraph,
                "start_char": d.start_char,
                "end_char": d.end_char,
            }
            for d in facts.durations
        ],
        "quantities": [
            {
                "text": q.text,
                "paragraph": q.paragraph,
                "start_char": q.start_char,
                "end_char": q.end_char,
                "kind": q.kind,
                "value": q.value,
                "unit": q.unit,
                "approximate": q.approximate,
            }
            for q in facts.quantities
        ],
        "people": [_entity(e, with_role=True) for e in facts.people],
        "organizations": [_entity(e) for e in facts.organizations],
        "places": [_entity(e) for e in facts.places],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "paragraph": q.paragraph,
                "start_char": q.start_char,
                "end_char": q.end_char,
                "partial": q.partial,
            }
            for q in facts.quotes
        ],
    }


def _entity(entity: Entity, *, with_role: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entity.name}
    if with_role:
        data["role"] = entity.role
    data["mentions"] = [_mention(m) for m in entity.mentions]
    return data


def _mention(mention: Mention) -> dict[str, int]:
    return {
        "paragraph": mention.paragraph,
        "start_char": mention.start_char,
        "end_char": mention.end_char,
    }


def facts_from_dict(data: dict[str, Any]) -> ArticleFacts:
    """The facts `facts_to_dict` wrote (or an export's `facts` object, which has
    no `problems`). A quantity's value keeps its type: 5000000 stays an int,
    2.5 a float. Malformed data raises KeyError, TypeError or ValueError; a
    cache treats that as a miss."""
    groups = {
        group: tuple(_entity_from(e, kind) for e in data[group]) for group, kind in ENTITY_GROUPS
    }
    return ArticleFacts(
        dates=tuple(
            DateFact(
                text=d["text"],
                paragraph=d["paragraph"],
                start_char=d["start_char"],
                end_char=d["end_char"],
                granularity=d["granularity"],
                start=dt.date.fromisoformat(d["start"]),
                end=dt.date.fromisoformat(d["end"]),
                value=d["value"],
            )
            for d in data["dates"]
        ),
        durations=tuple(
            Duration(
                text=d["text"],
                paragraph=d["paragraph"],
                start_char=d["start_char"],
                end_char=d["end_char"],
            )
            for d in data["durations"]
        ),
        quantities=tuple(
            Quantity(
                text=q["text"],
                paragraph=q["paragraph"],
                start_char=q["start_char"],
                end_char=q["end_char"],
                kind=q["kind"],
                value=q["value"],
                unit=q["unit"],
                approximate=q["approximate"],
            )
            for q in data["quantities"]
        ),
        people=groups["people"],
        organizations=groups["organizations"],
        places=groups["places"],
        quotes=tuple(
            Quote(
                text=q["text"],
                paragraph=q["paragraph"],
                start_char=q["start_char"],
                end_char=q["end_char"],
                speaker=q["speaker"],
                partial=q["partial"],
            )
            for q in data["quotes"]
        ),
        problems=tuple(data.get("problems", ())),
    )


def _entity_from(data: dict[str, Any], kind: EntityKind) -> Entity:
    return Entity(
        name=data["name"],
        kind=kind,
        mentions=tuple(
            Mention(m["paragraph"], m["start_char"], m["end_char"]) for m in data["mentions"]
        ),
        role=data.get("role"),
    )
