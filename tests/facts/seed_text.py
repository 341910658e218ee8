"""The seed articles' cleaned paragraphs, as literals, for the extractor tests.

They equal what the loader makes of seeds/ (tests/model/test_loading.py checks
the loader); keeping them literal lets each extractor be tested on its own."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import strategies as st

SEED_000 = (
    "A council has threatened to take legal action against a union over strike action social workers plan to take next week.",  # noqa: E501
    "Kirklees council wrote to its local Unison branch to warn it would take “immediate steps” to secure a court injunction unless the union called off a one-day strike planned for 27 January.",  # noqa: E501
    "The council set the union a deadline of 4pm yesterday. But the union refused to back down and today told Community Care the strike will go ahead as planned. The council has yet to set out its next move.",  # noqa: E501
    "Social workers at the council want action on a series of issues including pay, caseloads, IT systems and high dependency on agency staff.",  # noqa: E501
    "A ballot on industrial action was backed by 79% of 75 Unison members who voted. In its letter, the council claimed it was unable to find out how many staff were balloted, what level they worked it and where they worked and therefore the action was “unlawful”. But Unison replied that it had taken legal advice over the matter and would be going ahead with the strike.",  # noqa: E501
    "Ratcheted up the dispute",
    "Paul Holmes, branch secretary for Unison in Kirklees, said any move by the council to seek an injunction would be unprecedented among local authorities, adding: “I think it’s really ratcheted the dispute up”.",  # noqa: E501
    "When news of the strike emerged, councillors in Kirklees accused the union of playing politics with a vital service and demanded an assessment of the risks the walk-out would pose to children.",  # noqa: E501
    "Holmes said any suggestion the strike would play service users at extra risk was a “red herring”.",  # noqa: E501
    "“We would provide emergency cover as we would on a Bank Holiday. There’s nobody saying that people are at risk on a Bank Holiday,” he said.",  # noqa: E501
    "The dispute comes amid upheaval at Kirklees children’s services. The council’s director of children’s services quit last week after less than nine months in post. The authority has been under government intervention since being given an ‘inadequate’ Ofsted rating in November last year.",  # noqa: E501
    "Kirklees council has been contacted for comment.",
)

# Body paragraphs of seeds/001_2d0c5c05bb21721c.txt (2017-01-24), without the
# newsletter and video-player debris.
SEED_001 = (
    "This week’s children’s services strike in Kirklees is on ... even though the union says its members don’t really want to walk out.",  # noqa: E501
    "The union Unison has now served formal notice on the council for the one-day strike by children’s social work teams this Friday which will be the first ever strike by these teams since Kirklees was set up in 1974.",  # noqa: E501
    "It means the union has ignored Kirklees Council ’s threat of legal action to stop the action.",
    "The 24-hour strike is due to start at midnight.",
    "John Chapman, the council’s interim deputy head of legal services, had written a four-page letter to council union reps saying the industrial action is ‘unlawful’ – and says unless the strike was called off legal steps would be taken to prevent it in court. This would be an injunction.",  # noqa: E501
    "So far nothing has happened legally to prevent the strike.",
    "Kirklees Unison branch secretary Paul Holmes said: “Our members just want to be able to provide a decent service to the young people of Kirklees. The last thing they want to do is strike, but they feel they have no option.",  # noqa: E501
    "“Our members are at the end of their tether. They have no choice – the current situation is unsustainable.",  # noqa: E501
    "“The Government’s austerity agenda as implemented by Kirklees Council is now really biting. And 25% of social workers in Kirklees Council are now agency staff which makes consistency of service virtually impossible. Kirklees Council is spending £5m on agency social workers this year and £500,000 on a private social work team for six months. The service needs stability and consistency .”",  # noqa: E501
    "Kirklees Council claims the industrial action is unlawful as it says the council was not able to find out how many staff were balloted, what category they are and where they work.",  # noqa: E501
    "A Kirklees Council spokesman said: “Discussions between the council and the union are ongoing.”",  # noqa: E501
    "The Examiner recently revealed that children’s social workers have been rushing to the exit door in their hundreds.",  # noqa: E501
    "An astonishing 450 staff have left employment at Kirklees Council’s embattled children’s services department in fewer than four years.",  # noqa: E501
    "Figures released by the council to the Examiner show a stunning 136 members of staff left in 2013/14 – almost a dozen each week.",  # noqa: E501
    "The following year 123 moved on, while in 2015/16 99 called time on their employment with Kirklees .",  # noqa: E501
    "So far in 2016/17 a further 92 members of staff from children’s services have left.",
    "A former Kirklees children’s social worker has told the Examiner heavy workloads and poor management saw dozens leaving each month for an easier life working for agencies.",  # noqa: E501
)


def seed_phrases() -> set[str]:
    """Words and clause-sized phrases of both seeds, to build realistic odd text from."""
    paragraphs = SEED_000 + SEED_001
    words = {word for paragraph in paragraphs for word in paragraph.split()}
    phrases = {
        phrase for paragraph in paragraphs for phrase in re.split(r"(?<=[.,;–])\s+", paragraph)
    }
    return words | phrases


def paragraphs_from(
    fragments: Iterable[str], *, words: int, paragraphs: int
) -> st.SearchStrategy[list[str]]:
    """Lists of up to `paragraphs` paragraphs, each up to `words` fragments long."""
    paragraph = st.lists(st.sampled_from(sorted(fragments)), max_size=words).map(" ".join)
    return st.lists(paragraph, max_size=paragraphs)
