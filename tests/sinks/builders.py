"""Hand-made ``ArticleResult`` records for store tests (no model needed)."""

from __future__ import annotations

from sayso.records.types import ArticleResult, Attribution, Mention, Role, Speaker


def result(
    article_id: str,
    said: list[tuple[str | None, str]],
    roles: dict[str, tuple[str, ...]] | None = None,
    source: str | None = None,
) -> ArticleResult:
    """An article where each ``(speaker name, quote)`` is one direct attribution."""
    roles = roles or {}
    parts, attributions, speakers = [], [], []
    offset = 0
    for n, (name, quote) in enumerate(said):
        who = name or "a source"
        sentence = f"“{quote},” {who} said. "
        start = offset
        q_end = start + len(quote) + 3
        s_start = q_end + 1
        speaker = Speaker(
            id=f"s{n}",
            name=name,
            type="PERSON",
            roles=roles.get(who, ()),
            mentions=(Mention(who, s_start, s_start + len(who)),),
        )
        speakers.append(speaker)
        attributions.append(
            Attribution(
                kind="direct",
                content=Role(sentence[: len(quote) + 3], ((start, q_end),)),
                cue=Role("said", ((s_start + len(who) + 1, s_start + len(who) + 5),)),
                source=Role(who, ((s_start, s_start + len(who)),)),
                speaker=speaker,
                confidence=0.9,
            )
        )
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts) + f"(article {article_id})"
    return ArticleResult(
        id=article_id,
        text=text,
        attributions=tuple(attributions),
        speakers=tuple(speakers),
        meta={"source": source or f"{article_id}.txt", "title": f"Title {article_id}"},
    )
