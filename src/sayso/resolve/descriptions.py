"""Role descriptions and the names set beside nouns: "the French president", "A senior
Hamas official, Osama Hamdan,", "Marisa Tully of the Citizens Union"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sayso.find.lexicon import (
    honorifics,
    leader_titles,
    organisation_nouns,
    portfolios,
    role_nouns,
)
from sayso.resolve.entities import Entity, EntityIndex
from sayso.resolve.organisations import REPRESENTED_TYPES
from sayso.resolve.roles import in_opening, role_head

INDEFINITE = frozenset({"a", "an", "another", "some"})


def definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)


def by_description(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """ "the French president" → the entity whose roles share words without a clash; "an
    Egyptian official" brings in someone new and refers to nobody named before."""
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.lefts):
        return None
    modifiers = _modifiers(token)
    head = {token.lemma_.lower(), token.lower_}
    desc = head | {m.lower_.strip(".,") for m in modifiers} | _names_in(modifiers)
    # A bare noun must be a role word, or the very role someone in the article holds
    # ("the councillor" for "Councillor Tom Baker").
    if (
        token.lemma_.lower() not in role_nouns()
        and not modifiers
        and not any(head & e.role_words for e in index.entities if e.roles)
    ):
        return None
    nationality = _said_nationality(token, index)
    person_noun = token.lemma_.lower() in role_nouns()
    offices = portfolios()
    best: tuple[tuple[int, bool, int], Entity] | None = None
    topic = _subject_before(doc, token, index)
    for entity in index.entities:
        if entity.type != "PERSON" or not entity.roles:
            continue
        # The noun must name a person's role, or be the head of a role this person holds:
        # "the ministry" is not "Foreign Ministry spokeswoman Mao Ning".
        role_heads = {role_head(r) for r in entity.roles}
        if not person_noun and not (head & role_heads):
            continue
        role_words = entity.role_words
        leader = "leader" in head and role_words & leader_titles() and "leader" not in role_words
        if _serves(token.lower_, entity.roles):
            continue  # "the chancellor" is not "a spokesman for the chancellor"
        if nations_clash(nationality, role_words & index.nationalities):
            continue  # "the French president" is not the "Russian President"
        if offices & role_words and offices & desc and not offices & desc & role_words:
            continue  # "the former prime minister" is not a foreign minister
        score = len(desc & role_words)
        if leader and not (role_words & offices) - {"prime"}:
            score += 1  # "the German leader" for "Chancellor Merz" (not a defence minister)
        if score == 0:
            continue
        last = entity.last_before(token.i)
        if last < 0 and entity.mentions and in_opening(token):
            # A headline's or a lede's "Senator" points ahead to the article's senator:
            # the first one named wins.
            last = -entity.first
        elif last < 0:
            continue  # a description refers back to someone already named
        # On a tie, the subject of the sentence before ("Argentina's President Javier Milei,
        # a critic of Maduro, was blunt. The libertarian leader wrote …"), then the latest.
        key = (score, entity is topic, last)
        if best is None or key > best[0]:
            best = (key, entity)
    return best[1] if best else None


# "spokesman for", "adviser to": the words after these name whom the person serves.
SERVING = frozenset({"for", "to"})


def _serves(word: str, roles: list[str]) -> bool:
    """Whether ``word`` names, in every role that has it, the one served, not the office."""
    found = False
    for role in roles:
        words = [w.lower().strip(".,") for w in role.split()]
        if word not in words:
            continue
        cut = next((i for i, w in enumerate(words) if w in SERVING), len(words))
        if word in words[:cut]:
            return False
        found = True
    return found


def untitled_subject_before(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """ "Sir Keir Starmer was facing a rebellion. The prime minister told MPs …": an office
    held by one person ("the prime minister", "the senator", a title) right after a
    sentence whose subject is a person the article gives no role is that person; not when
    that sentence names the office too ("Ann Lee met the president. The president said")."""
    lemma = token.lemma_.lower()
    office = lemma in honorifics() or lemma == "leader"  # "the Chinese leader"
    if token.tag_ in ("NNS", "NNPS") or not definite(token) or not office:
        return None
    if token.sent.start == 0:
        return None
    prev = doc[token.sent.start - 1].sent
    if any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" for t in prev):
        return None  # not for "President Putin", a title
    subject = _main_subject(prev)
    entity = index.entity_of(subject) if subject is not None else None
    if entity is not None and entity.type == "PERSON" and not entity.roles:
        return entity
    return None


def _main_subject(sent: Span, deps: tuple[str, ...] = ("nsubj", "nsubjpass")) -> Token | None:
    """The subject of a sentence's main verb (``deps``: which kinds count)."""
    return next((t for t in sent if t.dep_ in deps and t.head == sent.root), None)


def _subject_before(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """The person who is the main subject of the sentence before ``token``'s, when that
    sentence quotes nobody (after "“…,” Biden told Xi", the Chinese president is not Biden
    for being the subject)."""
    if token.sent.start == 0:
        return None
    prev = doc[token.sent.start - 1].sent
    if any(t.is_quote for t in prev):
        return None
    # An active subject only: one photographed or accused is not the topic of what follows.
    subject = _main_subject(prev, ("nsubj",))
    if subject is None:
        return None
    entity = index.entity_of(subject)
    if entity is None and subject.pos_ == "NOUN":
        entity = apposed_name(doc, subject, index)
    return entity if entity is not None and entity.type == "PERSON" else None


def weak_match(token: Token, entity: Entity, index: EntityIndex) -> bool:
    """A description that fits a person only loosely: it names a country their known roles
    do not ("the US president" for "President Putin", whose country the article never
    says), or it shares only a country with them, not the office ("the Italian premier" for
    "the former Italian president")."""
    said = _said_nationality(token, index)
    if said and not said & nationality_of(entity, index):
        return True
    words = entity.role_words
    head = {token.lemma_.lower(), token.lower_}
    shared = ({m.lower_.strip(".,") for m in _modifiers(token)} | head) & words
    return bool(shared) and shared <= index.nationalities and not head & words


def clashes(token: Token, entity: Entity, index: EntityIndex) -> bool:
    """ "the former Dutch prime minister" is not "Ukraine's energy minister": the
    description's nationality and the person's role name different countries; nor is "the
    chancellor" the chancellor's spokesman."""
    return _serves(token.lower_, entity.roles) or nations_clash(
        _said_nationality(token, index), nationality_of(entity, index)
    )


def _modifiers(token: Token) -> list[Token]:
    """The words that narrow a description: "the Dutch prime minister", "the senator from
    Ohio"."""
    before = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]
    origin = [
        g
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ == "GPE"
    ]
    return before + origin


def _names_in(modifiers: list[Token]) -> set[str]:
    """Hyphenated names among a description's modifiers as one word, the way a role keeps
    them ("the Al-Nassr president" for "Al-Nassr's president")."""
    out = set()
    for m in modifiers:
        phrase = m.doc[m.left_edge.i : m.i + 1]
        if any(t.text == "-" for t in phrase):
            out.add(phrase.text.lower().replace(" ", ""))
    return out


def _said_nationality(token: Token, index: EntityIndex) -> set[str]:
    """The country words a description carries ("the former Dutch prime minister")."""
    return {m.lower_.strip(".,") for m in _modifiers(token)} & index.nationalities


def nationality_of(entity: Entity, index: EntityIndex) -> set[str]:
    """The country words in a person's roles ("Germany's finance minister" → {"germany"})."""
    return entity.role_words & index.nationalities


def of_nationality(token: Token, index: EntityIndex) -> Entity | None:
    """The person named before ``token`` whose role carries its nationality ("the German"
    → "Germany's finance minister, Christian Lindner")."""
    best: tuple[int, Entity] | None = None
    for entity in index.entities:
        if entity.type != "PERSON" or nations_clash({token.lower_}, nationality_of(entity, index)):
            continue
        if not nationality_of(entity, index):
            continue
        last = entity.last_before(token.i)
        if last >= 0 and (best is None or last > best[0]):
            best = (last, entity)
    return best[1] if best else None


def nations_clash(said: set[str], held: set[str]) -> bool:
    """Whether two sets of country words name different countries; a country and its
    people's adjective count as the same when they share three letters ("Ukraine",
    "Ukrainian"; not "France", "French", which clash)."""
    return bool(said and held and not any(a[:3] == b[:3] for a in said for b in held))


def apposed_name(doc: Doc, token: Token, index: EntityIndex) -> Entity | None:
    """ "Its chief executive, Lena Ortiz, told …": the name set beside the role noun;
    "the state news agency TASS", "the ministry, Rosstat,": an organisation's name beside
    a noun that is not a person's role."""
    role = token.lemma_.lower() in role_nouns()
    types = ("PERSON",) if role else ("PERSON", *REPRESENTED_TYPES)
    for child in token.rights:
        if child.dep_ == "appos" and (not role or _after_comma(child)):
            entity = index.entity_of(child)
            if entity is not None and entity.type in types:
                return entity
            if role and _bare_name(child):
                # "His wife, Rosa, said": a name the recogniser mistook for a place or a
                # company is a person when a person's role noun stands beside it.
                return index.as_person(doc, child)
            if (
                not role
                and child.pos_ == "PROPN"
                and child.left_edge.i == token.i + 1
                and token.lemma_.lower() in organisation_nouns()
            ):
                # "The Italian newspaper Corriere della Sera reported": the name the
                # recogniser cut or mistyped is the organisation's.
                return index.add_name(doc, child, "ORG")
    if token.pos_ != "NOUN":
        return None
    # The name after the noun, its "of"/"for" phrase or its relative clause, set off by a
    # comma: "A spokesman for the Energy Department, Kevin Alvarado, said", "The company
    # that employed him, Swiftline Logistics, said" (whichever word the parser hung the
    # name on).
    objects = [
        o
        for p in token.rights
        if p.dep_ == "prep" and p.lower_ in ("of", "for", "at", "to", "on")
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
    # Objects of phrases inside those phrases too ("envoy to organizations in Vienna, …").
    inner = [t.i for o in objects for t in o.subtree if t.dep_ == "pobj" and t.i != o.i]
    ends = [token.i, *(o.i for o in objects), *(o.right_edge.i for o in objects), *inner, *clauses]
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


def _after_comma(child: Token) -> bool:
    """An apposition set off by a comma, dash or bracket: "A spokesman for Attorney General
    Ann Lee said" has none (the parser's apposition is the one he speaks for)."""
    i = child.left_edge.i
    return i > 0 and child.doc[i - 1].text in (",", "—", "–", "(")


def _bare_name(token: Token) -> bool:
    """A capitalised proper noun standing alone as a name: not "a two-term Republican"."""
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ != "NORP"
        and not any(c.dep_ == "det" for c in token.children)
    )


def person_role(token: Token) -> bool:
    """A noun for a person ("aide", "lawyer"), not for a body ("campaign", "office")."""
    lemma = token.lemma_.lower()
    return lemma in role_nouns() and lemma not in organisation_nouns()


def names_the_organisation(child: Token, token: Token) -> bool:
    """An untagged proper noun before an organisation noun names it ("the RMT union")."""
    return (
        child.pos_ == "PROPN"
        and child.i == token.i - 1
        and organisation_nouns().get(token.lemma_.lower()) is not None
        and not child.ent_type_
    )


def unnamed_same_noun(
    doc: Doc, token: Token, unnamed: Sequence[tuple[int, int, Entity | None]]
) -> tuple[int, Entity | None] | None:
    """The last unnamed speaker before ``token`` whose head noun is the same word."""
    lemma = token.lemma_.lower()
    for head, _, body in reversed(unnamed):
        if head < token.i and doc[head].lemma_.lower() == lemma:
            return head, body
    return None


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
