"""Direct quotes: a quotation plus the cue and speaker in the frame around it.

Frames: after the quote (`…,” Macron said` and inverted `…,” added the French
president`), before it (`Putin said:` / `…, saying: “…”`), or around an
interrupted quote (`“A,” he said, “B.”`, one attribution with two content pieces).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sayso.attribute.candidate import Candidate, TokenSpan, noun_phrase
from sayso.attribute.cues import (
    SUBJECT_DEPS,
    addressee,
    cue_entry,
    cue_span,
    inverted_subject,
    subject,
)
from sayso.attribute.extents import document_frame
from sayso.find.quotes import Quote

# A cue this close after the closing mark belongs to the quote (`,” he said`).
NEAR_AFTER = 5
# Quotes shorter than this with no cue are scare quotes or titles, not speech.
MIN_DIRECT_WORDS = 4
# `“A,” Jane Doe, the mayor, said on Monday. “B.”`: a frame this long (tokens) between two
# quotes of one paragraph still joins them into one statement (PolNeAR does).
MAX_FRAME = 30


def token_range(doc: Doc, start: int, end: int) -> TokenSpan | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def is_embedded(doc: Doc, tokens: TokenSpan) -> bool:
    """A quote inside a clause (`called the visit “very important”`, `adding that “…”`).

    Such quotes are the content of a mixed attribution, found through the cue's
    complement; a quote after punctuation or at a sentence start is direct. A quote
    right after its cue word (`he voted “uncommitted”`, `says he believes “…”`) is the
    cue's object, a piece of the clause: PolNeAR keeps the clause around it as the content.
    """
    first = tokens[0]
    prev = first - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev < 0 or doc[first].is_sent_start:
        return False
    before = doc[prev]
    return not (before.is_punct or before.is_sent_end)


def _after_cue(doc: Doc, tokens: TokenSpan, limit: int) -> Token | None:
    """The first reporting verb in the frame after the quote, up to ``limit``."""
    end = tokens[1]
    sent_end = doc[end - 1].sent.end
    extended = False
    if sent_end == end < len(doc):
        # `“…?” the editorial board writes.`: the parser often ends the sentence at the
        # closing mark; the frame is then the next sentence (same paragraph only, below)
        # when it continues in lower case or is a bare frame (`Trump said.`), never a new
        # statement of its own (`Smith said the party …`, `The crowd cheered.`).
        sent_end = doc[end].sent.end
        extended = True
    continues = extended and _starts_lower(doc, end)
    fallback: Token | None = None
    for i in range(end, min(sent_end, limit)):
        tok = doc[i]
        if "\n" in tok.text:
            break  # the frame never runs into the next paragraph
        if cue_entry(tok) is not None:
            if extended and not continues and _has_complement(tok):
                return None
            return tok
        # An unlisted verb right after the quote with a speaker ("…,” Macron captioned),
        # or inverted with the verb first ("…,” mused the host": the parser often makes
        # the speaker an object there).
        if (
            fallback is None
            and (continues or not extended)
            and tok.pos_ == "VERB"
            and i - end <= 3
            and (subject(tok) is not None or (i == end and inverted_subject(tok) is not None))
        ):
            fallback = tok
    return fallback


def sentence_inside(gap: list[Token]) -> bool:
    """`“A,” Trump added. He then turned to the crowd. “B.”`: a sentence ends inside the
    frame, so the frame tells more than who spoke and the next quote starts anew."""
    return any(t.is_sent_end and t.text in ".?!" for t in gap[:-1])


def _starts_lower(doc: Doc, i: int) -> bool:
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct):
        i += 1
    return i < len(doc) and doc[i].text[:1].islower()


def _has_complement(tok: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in tok.children)


def _before_cue(doc: Doc, tokens: TokenSpan, floor: int) -> Token | None:
    """The nearest reporting verb before the quote in its sentence (or a colon intro)."""
    start = tokens[0]
    sent = doc[start].sent
    lo = max(sent.start, floor)
    if start == sent.start and start > 0:
        prev = doc[start - 1].sent
        # "He said:" ends the sentence before a quote that starts its own sentence.
        if any(t.text == ":" for t in prev[-2:]):
            lo = max(prev.start, floor)
    region = [doc[i] for i in range(lo, start)]
    for tok in reversed(region):
        if cue_entry(tok) is not None:
            return tok
    if region and any(t.text == ":" for t in region[-2:]):
        verbs = [t for t in region if t.pos_ == "VERB"]
        if verbs:
            return verbs[0]
    return None


def _ends_with_colon(doc: Doc, quote_start: int) -> bool:
    """`saying: “…”`: a colon right before the quote introduces it."""
    i = quote_start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text == ":"


def _speaker_token(cue: Token, quote_tokens: TokenSpan, cue_after: bool) -> Token | None:
    subj = subject(cue)
    inside = subj is not None and quote_tokens[0] <= subj.i < quote_tokens[1]
    if inside:
        # `“My dear John,” the speaker says`: the parser may make a vocative inside the
        # quote a second subject; the speaker is the one in the frame.
        subj = next(
            (
                c
                for c in cue.children
                if c.dep_ in SUBJECT_DEPS and not quote_tokens[0] <= c.i < quote_tokens[1]
            ),
            None,
        )
    if subj is None:
        subj = inverted_subject(cue) if cue_after else None
    if subj is not None and quote_tokens[0] <= subj.i < quote_tokens[1]:
        return None
    return subj


def direct_candidates(doc: Doc, quotes: list[Quote], skip: set[int]) -> list[Candidate]:
    """Candidates for every non-embedded quote; ``skip`` holds quote indices already used."""
    found: list[Candidate] = []
    ranges = [token_range(doc, q.start, q.end) for q in quotes]
    n = 0
    while n < len(quotes):
        quote, tokens = quotes[n], ranges[n]
        if n in skip or tokens is None or is_embedded(doc, tokens):
            n += 1
            continue
        next_start = next((r[0] for r in ranges[n + 1 :] if r), len(doc))
        prev_end = next((r[1] for r in reversed(ranges[:n]) if r), 0)
        after = _after_cue(doc, tokens, next_start)
        before = _before_cue(doc, tokens, prev_end)
        cue: Token | None
        colon_intro = before is not None and _ends_with_colon(doc, tokens[0])
        if (
            after is not None
            and not colon_intro
            and (after.i - tokens[1] <= NEAR_AFTER or before is None)
        ):
            cue, cue_after = after, True
        else:
            cue, cue_after = before, False
        words = sum(not doc[i].is_punct and not doc[i].is_space for i in range(*tokens))
        if cue is None and words < MIN_DIRECT_WORDS:
            n += 1
            continue
        pieces = list(quote.pieces)
        used = [n]
        # `“A,” he said, “B.”`: the second piece continues the same statement.
        if cue_after and cue is not None and n + 1 < len(quotes) and ranges[n + 1]:
            gap = [doc[i] for i in range(tokens[1], ranges[n + 1][0]) if not doc[i].is_space]
            # Token texts, not doc.text: spaCy rebuilds that whole string on every access.
            # A frame closing its paragraph may lead into the next one's quote
            # (`“A,” he said.¶“B.”`): only a break inside the frame separates them.
            last = gap[-1].i if gap else tokens[1]
            same_par = not any("\n" in doc[i].text for i in range(tokens[1], last))
            # …unless the second quote has a frame of its own (`“A,” he said. “B,” she said.`).
            nxt = ranges[n + 1]
            after_next = ranges[n + 2] if n + 2 < len(ranges) else None
            follow = after_next[0] if after_next else len(doc)
            own = _after_cue(doc, nxt, follow)
            own_frame = own is not None and own.i - nxt[1] <= NEAR_AFTER
            if (
                gap
                and len(gap) <= MAX_FRAME
                and gap[-1].text in (",", ":", ".")
                and cue in gap
                and same_par
                and not own_frame
                and not sentence_inside(gap)
            ):
                pieces += list(quotes[n + 1].pieces)
                used.append(n + 1)
        speaker = _speaker_token(cue, tokens, cue_after) if cue is not None else None
        target = addressee(cue) if cue is not None else None
        span = cue_span(cue) if cue is not None else None
        # "The minister issued a statement saying: “…”": the cue runs from the verb that
        # put the document out, whose subject speaks.
        frame = document_frame(cue) if cue is not None and not cue_after else None
        if frame is not None and span is not None:
            span = (min(span[0], frame.i), span[1])
            speaker = speaker or subject(frame)
        found.append(
            Candidate(
                kind="direct",
                content=pieces,
                cue=span,
                source=noun_phrase(speaker) if speaker is not None else None,
                confidence=_confidence(cue, speaker, quote),
                cue_head=cue.i if cue is not None else None,
                source_head=speaker.i if speaker is not None else None,
                addressee=noun_phrase(target) if target is not None else None,
                quotes=used,
            )
        )
        n = used[-1] + 1
    return found


def _confidence(cue: Token | None, speaker: Token | None, quote: Quote) -> float:
    score = 0.55
    if cue is not None:
        entry = cue_entry(cue)
        score += 0.25 if entry is not None and entry.cls in ("speech", "write") else 0.1
    if speaker is not None:
        score += 0.15
    if not quote.closed:
        score -= 0.2
    return max(0.05, min(score, 0.98))
