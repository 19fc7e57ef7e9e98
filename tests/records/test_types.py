import json

import pytest

from sayso.records.types import ArticleResult, Attribution, Mention, Role, Speaker

SPEAKER = Speaker(
    id="s1",
    name="Jane Doe",
    type="PERSON",
    roles=("mayor",),
    mentions=(Mention("Jane Doe", 15, 23),),
)
ATTRIBUTION = Attribution(
    kind="direct",
    content=Role("“We win,”", ((0, 9),)),
    cue=Role("said", ((24, 28),)),
    source=Role("Jane Doe", ((15, 23),)),
    speaker=SPEAKER,
    addressee=None,
    confidence=0.9,
)


def test_round_trip_through_json():
    result = ArticleResult(
        id="a",
        text="x" * 40,
        attributions=(ATTRIBUTION,),
        speakers=(SPEAKER,),
        boilerplate=((30, 40),),
        publisher="AP",
        outlets_cited=("AP",),
    )
    again = ArticleResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result


@pytest.mark.parametrize(
    ("role", "start", "end"),
    [(Role("a", ((3, 4),)), 3, 4), (Role("a … b", ((1, 2), (7, 9))), 1, 9)],
)
def test_role_bounds(role, start, end):
    assert (role.start, role.end) == (start, end)


def test_referee_fields_are_present():
    data = ATTRIBUTION.to_dict()
    assert data["content"]["spans"] == [[0, 9]]
    assert data["speaker"]["name"] == "Jane Doe"
    assert data["cue"]["spans"] == [[24, 28]]
