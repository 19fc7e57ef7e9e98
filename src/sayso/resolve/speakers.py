"""Who a source mention refers to: names, role descriptions, pronouns, metonymy.

"the French president" → the person whose roles share its words and do not clash
with its nationality; "he" → the most plausible recent person (the subject of the
current sentence first); "Moscow", "the Kremlin" stay places and organisations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sayso.attribute.cues import SUBJECT_DEPS
from sayso.find.lexicon import honorifics, organisation_nouns, role_nouns, title_abbreviations
from sayso.find.quotes import find_quotes
from sayso.parse.repairs import age_epithet
from sayso.resolve.entities import Entity, EntityIndex, on_title_line, role_head
from sayso.resolve.gender import agrees, noun_gender, pronoun_gender
from sayso.resolve.organisations import (
    REPRESENTED_TYPES,
    by_name_head,
    by_organisation_noun,
    represented,
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
INDEFINITE = frozenset({"a", "an", "another", "some"})
# How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
QUOTES_KEY = "sayso_quotes"


@dataclass(frozen=True, slots=True)
class Resolution:
    entity: Entity | None
    how: str  # name, description, pronoun, unresolved
    # For a pronoun that refers to an earlier unnamed speaker ("A spokesman said … He
    # added …"): the head token of that speaker's mention.
    same_as: int | None = None


def resolve_token(
    doc: Doc,
    token: Token,
    index: EntityIndex,
    recent: Sequence[tuple[int, Entity]] = (),
    exclude: Sequence[tuple[int, int]] = (),
    unnamed: Sequence[tuple[int, int, Entity | None]] = (),
) -> Resolution:
    """``recent``: (token index, entity) of the speakers resolved so far, in text order; a
    pronoun prefers the last of them ("…,” the minister said. He added that …").
    ``exclude``: character ranges of what the speaker said; a pronoun never refers to a
    name inside them (“Rosa knows the numbers,” she said: she is not Rosa).
    ``unnamed``: (head token, end token, organisation or None) of the people who spoke so
    far without a name ("a spokesman", "a spokeswoman for Acme Corp" → Acme Corp)."""
    entity = index.entity_of(token)
    if entity is not None and entity.type == "NORP" and _definite(token):
        # "the Kentucky Republican added": an epithet for a person, not the party.
        # "the Spaniard said": whom a "he" there would be.
        epithet = _by_description(doc, token, index) or _antecedent(
            doc, token, index, ("PERSON",), recent, exclude
        )
        if epithet is not None:
            return Resolution(epithet, "description")
    if entity is not None:
        return Resolution(entity, "name")
    # "A senior Hamas official, Osama Hamdan, told …", "China's foreign minister, Qin Gang,":
    # the name beside the noun, before any guess from the noun's words.
    named = _apposed_name(doc, token, index)
    if named is not None:
        return Resolution(named, "name")
    plural = token.tag_ in ("NNS", "NNPS")  # "the two leaders": not one of them
    if token.pos_ == "NOUN" and token.lemma_.lower() in role_nouns() and not plural:
        # "the GOP nominee", "the Kremlin spokesman": a person first, the organisation after.
        person = _by_description(doc, token, index)
        # "a senior official said … The official, who …, said": that unnamed speaker,
        # unless the person the words describe was named after them.
        earlier = _unnamed_same_noun(doc, token, unnamed) if _definite(token) else None
        if earlier is not None and (person is None or _last_mention(person, token) < earlier[0]):
            head, body = earlier
            return Resolution(body, "description", None if body else head)
        if person is None and _definite(token):
            person = _last_speaker_with_role(doc, token, recent, unnamed)
        if person is not None:
            return Resolution(person, "description")
    # The head of a phrase may sit outside the entity ("The United States, its allies").
    for child in token.children:
        if child.dep_ == "compound":
            entity = index.entity_of(child)
            if entity is not None and entity.type == "PERSON" and _person_role(token):
                continue  # "a Clinton aide" is not Clinton (as "a spokesman for Ann Lee")
            if entity is None and _names_the_organisation(child, token):
                # "The RMT union" with "RMT" untagged: the union is RMT.
                entity = index.add_name(doc, child, "ORG")
            if entity is not None:
                return Resolution(entity, "name")
        # "Iraq's government", "Acme's board": the owner speaks through its body (not
        # "Trump's lawyer": only organisation nouns).
        if child.dep_ == "poss" and token.lemma_.lower() in organisation_nouns():
            entity = index.entity_of(child)
            if entity is not None and entity.type in REPRESENTED_TYPES:
                return Resolution(entity, "name")
    organisation = represented(token, index)
    if organisation is not None:
        return Resolution(organisation, "description")
    lower = token.lower_
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
        # "…the council, which said…": the relative clause speaks for its antecedent; for
        # "Sen. Ann Lee, D-N.M., who said …", the name the apposition describes.
        antecedent = token.head.head
        while antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i:
            antecedent = antecedent.head
        return resolve_token(doc, antecedent, index, recent, exclude, unnamed)
    if lower in PERSON_PRONOUNS or (age_epithet(token) and _definite(token)):
        found = _antecedent(doc, token, index, ("PERSON",), recent, exclude)
        wanted = pronoun_gender(token)
        closer = _unnamed_antecedent(doc, token, unnamed, found, wanted, recent)
        if closer is not None:
            head, body = closer
            return Resolution(body, "pronoun") if body else Resolution(None, "pronoun", head)
        if found is not None and found.gender is None and wanted is not None:
            found.gender_hint = wanted  # "She told …": Pat Cullen is a woman from now on
        return Resolution(found, "pronoun")
    if lower in GROUP_PRONOUNS:
        types = ("ORG", "GPE", "NORP", "OTHER")
        found = _antecedent(doc, token, index, types, recent, exclude) if lower == "it" else None
        if found is None and lower == "they":
            # "Developers welcomed the case. They said …": the unnamed group that spoke.
            group = _unnamed_group(doc, token, unnamed)
            if group is not None:
                return Resolution(None, "pronoun", group)
        return Resolution(found, "pronoun")
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower()):
        earlier = _unnamed_same_noun(doc, token, unnamed) if _definite(token) else None
        if earlier is not None and earlier[1] is not None:
            # "according to a City Hall source … the source said": City Hall again.
            return Resolution(earlier[1], "description")
        found = (
            (None if plural else _by_description(doc, token, index))
            or by_name_head(token, index)
            or by_organisation_noun(token, index, [e for _, e in recent])
        )
        if (
            found is None
            and not plural
            and _definite(token)
            and token.lemma_.lower() in role_nouns()
        ):
            # "the senator added" after her quote
            found = _last_speaker(doc, token, recent, unnamed)
        return Resolution(found, "description")
    if token.pos_ == "PROPN":
        if token.lower_ in role_nouns() and not any(c.dep_ == "compound" for c in token.lefts):
            # A capitalised role word on its own ("Minister defends fares" in a headline)
            # is a description, not a name.
            return Resolution(_by_description(doc, token, index), "description")
        # A name the entity recogniser missed ("the Valley Gazette") is still a name.
        return Resolution(index.add_name(doc, token), "name")
    return Resolution(None, "unresolved")


def _person_role(token: Token) -> bool:
    """A noun for a person ("aide", "lawyer"), not for a body ("campaign", "office")."""
    lemma = token.lemma_.lower()
    return lemma in role_nouns() and lemma not in organisation_nouns()


def _names_the_organisation(child: Token, token: Token) -> bool:
    """An untagged proper noun before an organisation noun names it ("the RMT union")."""
    return (
        child.pos_ == "PROPN"
        and child.i == token.i - 1
        and organisation_nouns().get(token.lemma_.lower()) is not None
        and not child.ent_type_
    )


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)


def _last_speaker(
    doc: Doc,
    token: Token,
    recent: Sequence[tuple[int, Entity]],
    unnamed: Sequence[tuple[int, int, Entity | None]] = (),
) -> Entity | None:
    """The person who spoke last, within the pronoun window before ``token``; nobody when
    an unnamed speaker spoke after them ("Lopez said … A senior official said … The
    diplomat said …": not Lopez)."""
    start = _window_start(doc, token.sent.start)
    for at, entity in reversed(recent):
        if start <= at < token.i and entity.type == "PERSON":
            if any(at < head < token.i for head, _, _ in unnamed):
                return None
            return entity
    return None


def _last_speaker_with_role(
    doc: Doc,
    token: Token,
    recent: Sequence[tuple[int, Entity]],
    unnamed: Sequence[tuple[int, int, Entity | None]],
) -> Entity | None:
    """The last speaker, when the description fits what is known of them: no role stated,
    or a role sharing the noun ("the nominee" after "Republican nominee Donald Trump")."""
    entity = _last_speaker(doc, token, recent, unnamed)
    if entity is None:
        return None
    words = set().union(*(_words(r) for r in entity.roles)) if entity.roles else set()
    if not entity.roles or token.lemma_.lower() in words or token.lower_ in words:
        return entity
    return None


def _apposed_name(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """ "Its chief executive, Lena Ortiz, told …": the name set beside the role noun;
    "the state news agency TASS", "the ministry, Rosstat,": an organisation's name beside
    a noun that is not a person's role."""
    role = token.lemma_.lower() in role_nouns()
    types = ("PERSON",) if role else ("PERSON", *REPRESENTED_TYPES)
    for child in token.rights:
        if child.dep_ == "appos":
            entity = index.entity_of(child)
            if entity is not None and entity.type in types:
                return entity
            if role and _bare_name(child):
                # "His wife, Rosa, said": a name the recogniser mistook for a place or a
                # company is a person when a person's role noun stands beside it.
                return index.as_person(doc, child)
    if token.pos_ != "NOUN":
        return None
    # The name after the noun, its "of"/"for" phrase or its relative clause, set off by a
    # comma: "A spokesman for the Energy Department, Kevin Alvarado, said", "The company
    # that employed him, Swiftline Logistics, said" (whichever word the parser hung the
    # name on).
    objects = [
        o
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ in ("of", "for", "at")
        for o in p.children
        if o.dep_ == "pobj"
    ]
    clauses = [
        g.i
        for c in token.rights
        if c.dep_ == "relcl"
        for g in (c, *c.children)
        if g is c or g.dep_ in ("dobj", "attr")
    ]
    ends = [token.i, *(o.i for o in objects), *(o.right_edge.i for o in objects), *clauses]
    for end in ends:
        if end + 2 < len(doc) and doc[end + 1].text == ",":
            entity = index.entity_of(doc[end + 2])
            if entity is not None and entity.type in types and _set_off(doc, end + 2, entity):
                return entity
    return None


def _set_off(doc: Doc, first: int, entity: Entity) -> bool:
    """Whether the name starting at ``first`` is closed like an apposition ("…, Kevin
    Alvarado, said"), not the subject of the next clause ("According to Turkish media,
    Erdogan raised …")."""
    last = max((b for a, b in entity.mentions if a == first), default=first + 1)
    return last < len(doc) and doc[last].text in (",", "—", "–", ")")


def _bare_name(token: Token) -> bool:
    """A capitalised proper noun standing alone as a name: not "a two-term Republican"."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ != "NORP"
        and not any(c.dep_ == "det" for c in token.children)
    )


def _antecedent(
    doc: Doc,
    token: Token,
    index: EntityIndex,
    types: tuple[str, ...],
    recent: Sequence[tuple[int, Entity]] = (),
    exclude: Sequence[tuple[int, int]] = (),
) -> Entity | None:
    """The entity a pronoun most plausibly refers to, in this order: a subject of its own
    sentence before it; the last speaker of an attribution within the window; another
    mention of its sentence; the subjects, then other mentions, of earlier sentences.
    Mentions inside ``exclude`` (character ranges) are skipped, and so are people whose
    known gender does not match the pronoun's ("he" is not Mrs. Clinton)."""
    wanted = pronoun_gender(token)

    def fits(entity: Entity | None) -> bool:
        return entity is not None and entity.type in types and agrees(entity.gender, wanted)

    sent = token.sent
    same = [doc[i] for i in range(sent.start, token.i) if not _inside(doc[i], exclude)]
    for tok in reversed(same):
        if tok.dep_ in SUBJECT_DEPS and fits(entity := _subject_entity(doc, tok, index)):
            return entity
    fresher = _previous_subject(doc, sent.start, index, fits)
    if fresher is not None:
        return fresher
    window_start = _window_start(doc, sent.start)
    for at, entity in reversed(recent):
        if window_start <= at < token.i and fits(entity):
            return entity
    for tok in reversed(same):
        if tok.dep_ != "poss" and tok.pos_ != "ADJ" and fits(entity := index.entity_of(tok)):
            return entity
    floor = sent.start
    for _ in range(PRONOUN_WINDOW):
        if floor == 0:
            break
        prev = doc[floor - 1].sent
        subjects = [t for t in prev if t.dep_ in SUBJECT_DEPS]
        for tok in [*reversed(subjects), *reversed(list(prev))]:
            if _inside(tok, exclude) or tok.pos_ == "ADJ":
                continue  # "the Russian defence ministry": "it" is not "Russian"
            entity = _subject_entity(doc, tok, index) if tok in subjects else index.entity_of(tok)
            if fits(entity):
                return entity
        floor = prev.start
    return None


def _previous_subject(
    doc: Doc, sent_start: int, index: EntityIndex, fits: Callable[[Entity | None], bool]
) -> Entity | None:
    """The subject of the sentence just before, when that sentence quotes nobody: "Zelensky
    thanked her. “…,” he wrote" is Zelensky, even if someone else spoke last."""
    if sent_start == 0:
        return None
    prev = doc[sent_start - 1].sent
    if any(t.is_quote for t in prev):
        return None
    for tok in prev:
        if tok.dep_ in SUBJECT_DEPS and tok.head == prev.root:
            entity = _subject_entity(doc, tok, index)
            if fits(entity):
                return entity
    return None


def _subject_entity(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """A subject's entity: its name, or the person a role description there stands for
    ("The former president was more nostalgic. “…,” he said")."""
    entity = index.entity_of(token)
    if entity is None and token.pos_ == "NOUN" and token.lemma_.lower() in role_nouns():
        entity = _apposed_name(doc, token, index) or _by_description(doc, token, index)
    if entity is None and age_epithet(token) and _definite(token):
        # "The 72-year-old had been accused … He has always denied …": whom the epithet
        # stands for, found as a pronoun there would be.
        entity = _antecedent(doc, token, index, ("PERSON",))
    return entity


def _unnamed_antecedent(
    doc: Doc,
    token: Token,
    unnamed: Sequence[tuple[int, int, Entity | None]],
    found: Entity | None,
    wanted: str | None,
    recent: Sequence[tuple[int, Entity]] = (),
) -> tuple[int, Entity | None] | None:
    """The unnamed person who spoke last within the pronoun window (with the organisation
    they speak for, if any), when ``found`` is not named, and does not speak, between them
    and the pronoun ("The minister's spokesman said … he said": not a person named
    earlier; "an official said … The top US diplomat told … he called": the diplomat)."""
    start = _window_start(doc, token.sent.start)
    for head, end, body in reversed(unnamed):
        if not start <= head < token.i or not agrees(noun_gender(doc[head]), wanted):
            continue
        if doc[head].tag_ in ("NNS", "NNPS"):
            continue  # "Reporters asked …": not a "he" or "she"
        if found is not None and (
            any(end <= s < token.i for s, _ in found.mentions)
            or any(end <= at < token.i and e is found for at, e in recent)
        ):
            return None
        return head, body
    return None


def _last_mention(entity: Entity, token: Token) -> int:
    return max((start for start, _ in entity.mentions if start < token.i), default=-1)


def _unnamed_same_noun(
    doc: Doc, token: Token, unnamed: Sequence[tuple[int, int, Entity | None]]
) -> tuple[int, Entity | None] | None:
    """The last unnamed speaker before ``token`` whose head noun is the same word."""
    lemma = token.lemma_.lower()
    for head, _, body in reversed(unnamed):
        if head < token.i and doc[head].lemma_.lower() == lemma:
            return head, body
    return None


def _unnamed_group(
    doc: Doc, token: Token, unnamed: Sequence[tuple[int, int, Entity | None]]
) -> int | None:
    """The head of the last plural unnamed speaker in the sentence before ``token`` or in
    its own sentence."""
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0
    for head, _, body in reversed(unnamed):
        if start <= head < token.i and body is None and doc[head].tag_ in ("NNS", "NNPS"):
            return head
    return None


def _inside(token: Token, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in ranges)


def _window_start(doc: Doc, sent_start: int) -> int:
    """The first token of the sentence PRONOUN_WINDOW - 1 sentences before this one.
    Sentences wholly inside a quote do not count: after `“A,” Ms. Lee said. “B. C.”` a
    "She said" in the next paragraph is still within reach of Ms. Lee."""
    start = sent_start
    counted = 0
    while counted < PRONOUN_WINDOW - 1 and start > 0:
        sent = doc[start - 1].sent
        start = sent.start
        if not _wholly_quoted(doc, sent.start_char, sent.end_char):
            counted += 1
    return start


def remember_quotes(doc: Doc, spans: Sequence[tuple[int, int]]) -> None:
    """Keep the article's quotation spans (characters, in text order) with its parse."""
    doc.user_data[QUOTES_KEY] = list(spans)


def _wholly_quoted(doc: Doc, start: int, end: int) -> bool:
    spans = doc.user_data.get(QUOTES_KEY)
    if spans is None:
        spans = [(q.start, q.end) for q in find_quotes(doc.text)]
        remember_quotes(doc, spans)
    return any(a <= start and end <= b for a, b in spans)


def _words(text: str) -> set[str]:
    """A role's words, an abbreviated title also as the word it stands for ("Gov." →
    "governor")."""
    words = {w.lower().strip(".,") for w in text.split()}
    return words | {title_abbreviations()[w] for w in words if w in title_abbreviations()}


def _by_description(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """ "the French president" → the entity whose roles share words without a clash; "an
    Egyptian official" brings in someone new and refers to nobody named before."""
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.lefts):
        return None
    modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]
    head = {token.lemma_.lower(), token.lower_}
    desc = head | {m.lower_.strip(".,") for m in modifiers}
    # A bare noun must be a role word, or the very role someone in the article holds
    # ("the councillor" for "Councillor Tom Baker").
    if (
        token.lemma_.lower() not in role_nouns()
        and not modifiers
        and not any(
            head & set().union(*(_words(r) for r in e.roles)) for e in index.entities if e.roles
        )
    ):
        return None
    headline = on_title_line(token)
    nationality = {m.lower_.strip(".,") for m in modifiers} & index.nationalities
    person_noun = token.lemma_.lower() in role_nouns()
    best: tuple[int, int, Entity] | None = None
    for entity in index.entities:
        if entity.type != "PERSON" or not entity.roles:
            continue
        # The noun must name a person's role, or be the head of a role this person holds:
        # "the ministry" is not "Foreign Ministry spokeswoman Mao Ning".
        role_heads = {role_head(r) for r in entity.roles}
        if not person_noun and not (head & role_heads):
            continue
        role_words = set().union(*(_words(r) for r in entity.roles))
        role_nats = role_words & index.nationalities
        if nationality and role_nats and not (nationality & role_nats):
            continue  # "the French president" is not the "Russian President"
        score = len(desc & role_words)
        if score == 0:
            continue
        last = max((s for s, _ in entity.mentions if s < token.i), default=-1)
        if last < 0 and headline and entity.mentions:
            # A headline's "Senator" points ahead to the article's senator: the first
            # one named wins.
            last = -min(s for s, _ in entity.mentions)
        elif last < 0:
            continue  # a description refers back to someone already named
        if best is None or (score, last) > best[:2]:
            best = (score, last, entity)
    return best[2] if best else None


def leading_person(doc: Doc, source: tuple[int, int], index: EntityIndex) -> Token | None:
    """ "Marisa Tully of the Citizens Watch Coalition": a source mention that opens with a
    person's name followed by "of", "at" or "from" is that person, whichever word the
    parser made its head (the organisation, when it misreads the name)."""
    start, end = source
    for tok in doc[start:end]:
        entity = index.entity_of(tok)
        if entity is None:
            if tok.pos_ in ("DET", "ADJ") or tok.lower_.rstrip(".") in honorifics():
                continue
            return None
        if entity.type != "PERSON":
            return None
        last = tok
        while last.i + 1 < end and index.entity_of(doc[last.i + 1]) is entity:
            last = doc[last.i + 1]
        after = doc[last.i + 1] if last.i + 1 < end else None
        return last if after is not None and after.lower_ in ("of", "at", "from") else None
    return None


def neighbour_speaker(doc: Doc, char_start: int, index: EntityIndex) -> Token | None:
    """For a quote with no cue and no neighbouring attribution: the person who is the
    subject of the sentence just before it ("Mary Jones spoke first. “…”")."""
    span = doc.char_span(char_start, char_start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    prev = doc[span.start - 1].sent
    if prev.start == span.start:
        return None
    for tok in prev:
        if tok.dep_ in ("nsubj", "nsubjpass"):
            entity = index.entity_of(tok)
            if (entity is not None and entity.type == "PERSON") or tok.lower_ in PERSON_PRONOUNS:
                return tok
    return None
