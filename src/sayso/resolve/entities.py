"""The article's entities: people clustered by name, organisations and places by alias.

"Emmanuel Macron", "Macron" and "Mr. Macron" are one person; a surname joins a full
name only when exactly one full name in the article ends with it. Roles come from
titles before the name and appositions (``name_roles``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sayso.attribute.cues import SUBJECT_DEPS
from sayso.find.lexicon import (
    aliases,
    cues,
    generic_places,
    media_words,
    role_nouns,
)
from sayso.resolve.gender import gender_of, title_gender
from sayso.resolve.name_roles import appositive_role, name_tokens, party_role, role_before
from sayso.resolve.names import headline_names, person_spans
from sayso.resolve.roles import (
    TITLES,
    company_word,
    is_title,
    person_role,
    titled,
    words_of,
)

GROUP_LABELS = ("ORG", "GPE", "NORP", "LOC", "FAC")
# Words before a surname that point to the family member just named ("the younger Ortiz").
KIN_WORDS = frozenset({"younger", "elder", "older"})


@dataclass(slots=True)
class Entity:
    key: int
    type: str
    name: str
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    words: set[str] = field(default_factory=set)  # lower-cased name tokens
    gender_hint: str | None = None  # from a courtesy title before a mention ("Mrs.")

    @property
    def gender(self) -> str | None:
        return gender_of(self.name, self.roles, self.gender_hint) if self.type == "PERSON" else None

    @property
    def first(self) -> int:
        """The token where the article first names it."""
        return min(start for start, _ in self.mentions)

    def last_before(self, i: int) -> int:
        """The token of its last mention before token ``i`` (-1 when none)."""
        return max((start for start, _ in self.mentions if start < i), default=-1)

    @property
    def role_words(self) -> set[str]:
        """The words of all its roles (``words_of``)."""
        return set().union(*(words_of(r) for r in self.roles))

    def add_mention(self, span: tuple[int, int]) -> None:
        if span not in self.mentions:
            self.mentions.append(span)


@dataclass(slots=True)
class EntityIndex:
    entities: list[Entity] = field(default_factory=list)
    by_token: dict[int, Entity] = field(default_factory=dict)
    by_word: dict[str, list[Entity]] = field(default_factory=dict)
    nationalities: set[str] = field(default_factory=set)  # lower-cased NORP/GPE words

    def entity_of(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    def add_name(self, doc: Doc, token: Token, label: str | None = None) -> Entity | None:
        """An entity for a proper-noun phrase the recogniser missed, from its name tokens;
        ``label``: its type when the context tells (else ORG for an outlet, or OTHER)."""
        words = [
            t for t in doc[token.left_edge.i : token.i + 1] if t.pos_ == "PROPN" and t.tag_ != "POS"
        ]
        if not words or words[-1].i != token.i:
            return None
        name = aliases().get(" ".join(t.text for t in words), " ".join(t.text for t in words))
        entity = (
            next((e for e in self.entities if e.name == name), None)
            or _short_form_of(self, name)
            or _acronym_match(self, name)
            or (_bare_surname(self, name, token.i) if len(words) == 1 else None)
        )
        if entity is None:
            media = any(w.text in media_words() for w in words)
            role = appositive_role(doc[words[0].i : token.i + 1]) if len(words) > 1 else None
            # "Matthias Schmale, the UN coordinator," left untagged: the role says a person.
            person = role is not None and person_role(role)
            label = label or ("ORG" if media else "PERSON" if person else "OTHER")
            entity = Entity(key=len(self.entities), type=label, name=name)
            self.entities.append(entity)
        entity.add_mention((words[0].i, token.i + 1))
        for t in words:
            self.by_token[t.i] = entity
        return entity

    def as_person(self, doc: Doc, token: Token) -> Entity | None:
        """The name at ``token`` as a person, retyped when this is its only mention."""
        entity = self.entity_of(token) or self.add_name(doc, token)
        if entity is not None and entity.type != "PERSON":
            if len(entity.mentions) > 1:
                return None
            entity.type = "PERSON"
        return entity


def build_entities(doc: Doc) -> EntityIndex:
    index = EntityIndex()
    index.nationalities = {
        t.lower_ for t in doc if t.ent_type_ in ("NORP", "GPE") and t.lower_ not in generic_places()
    }
    headline = headline_names(doc)
    _add_people(doc, index, person_spans(doc, headline))
    _add_groups(doc, index, headline)
    _complete_short_names(doc, index)
    _add_bare_surnames(doc, index)
    return index


def _add_people(doc: Doc, index: EntityIndex, spans: list[Span]) -> None:
    """People by name: a surname joins the full name it abbreviates."""
    people = [
        (ent, toks, role_before(ent))
        for ent in spans
        if (toks := name_tokens(ent))
        and _surface(toks) not in media_words()  # "Politico" tagged PERSON is an outlet
    ]
    # Longer names first, so surnames find the full name they abbreviate; among surnames,
    # those with a title first ("President Biden" may be a person of their own).
    for ent, toks, title in sorted(people, key=lambda p: (-len(p[1]), p[2] is None, p[0].start)):
        words = [t.text for t in toks]
        hint = title_gender(doc[toks[0].i - 1] if toks[0].i > 0 else None)
        before = doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
        entity = _match_person(
            index, words, _surface(toks), hint, toks[0].i, latest=before in KIN_WORDS
        )
        if entity is not None and len(words) == 1 and _someone_else(entity, ent, title):
            entity = None
        entity = entity or _new(index, "PERSON", _surface(toks))
        if hint is not None and entity.gender_hint is None:
            entity.gender_hint = hint
        _attach(index, entity, ent, toks)
        for role in (title, appositive_role(ent), party_role(ent)):
            if role and role not in entity.roles:
                entity.roles.append(role)
        if entity.roles and all(company_word(r) for r in entity.roles):
            # "The drugmaker, Halvern Therapeutics," tagged a person: a company.
            entity.type, entity.roles = "ORG", []


def _add_groups(doc: Doc, index: EntityIndex, headline: Callable[[Span], Span | None]) -> None:
    """Organisations and places, and people the recogniser typed as either."""
    for tagged in doc.ents:
        ent = headline(tagged)
        if ent is None or any(t.i in index.by_token for t in ent):
            continue
        toks = name_tokens(ent)
        if not toks:
            continue
        if _glued_person(index, ent):
            continue
        toks = _with_proper_modifiers(toks, index)
        name = _surface(toks)
        label = "ORG" if name in media_words() else ent.label_
        if label not in GROUP_LABELS:
            continue
        name = aliases().get(name, name)
        group = next((e for e in index.entities if e.type != "PERSON" and e.name == name), None)
        # A surname the tagger mislabelled ("Peskov" as NORP) still belongs to its person.
        person = _match_person(index, [name], name, None, toks[0].i) if len(toks) == 1 else None
        if person is None and titled(ent, toks):
            # "President Trump" tagged an organisation: the title says a person.
            words = [t.text for t in toks]
            person = _match_person(index, words, name, None, toks[0].i) or _new(
                index, "PERSON", name
            )
            title = ent.doc[toks[0].i - 1].text
            if title not in person.roles:
                person.roles.append(title)
        role = (
            appositive_role(ent)
            if person is None and len(toks) > 1 and ent.label_ in ("ORG", "GPE")
            else None
        )
        if role is not None and person_role(role) and group is None:
            # "Oleh Kiper, the governor of the region," tagged a company: a person.
            person = _new(index, "PERSON", name)
            person.roles.append(role)
        entity = (
            person
            or group
            or (_short_form_of(index, name) if label == "ORG" else None)
            or _acronym_match(index, name)
            or _new(index, label, name)
        )
        if entity.name != name and _initials(name) == entity.name:
            entity.name = name  # "WHO" first, "the World Health Organization" later: the full name
        _attach(index, entity, ent, toks)


def _glued_person(index: EntityIndex, ent: Span) -> bool:
    """ "from Abuja, Tinubu said" tagged one organisation "Abuja, Tinubu": the words after
    the comma are a person named in the article; they join that person."""
    commas = [t.i for t in ent if t.text == ","]
    if not commas:
        return False
    toks = [t for t in ent.doc[commas[-1] + 1 : ent.end] if not t.is_punct]
    person = _match_person(index, [t.text for t in toks], _surface(toks)) if toks else None
    if person is None or person.type != "PERSON":
        return False
    _attach(index, person, ent.doc[toks[0].i : toks[-1].i + 1], toks)
    return True


def _with_proper_modifiers(toks: list[Token], index: EntityIndex) -> list[Token]:
    """Proper nouns the recogniser left out before a name ("the [Valley] Gazette")."""
    doc = toks[0].doc
    first = toks[0].i
    while first > 0:
        prev = doc[first - 1]
        if prev.pos_ != "PROPN" or prev.dep_ != "compound" or prev.i in index.by_token:
            break
        if prev.ent_type_ and prev.ent_iob_ != "O":
            break  # part of another entity
        if prev.lower_.rstrip(".") in TITLES:
            break  # "President [Trump]": a title, not part of the name
        first -= 1
    return [doc[i] for i in range(first, toks[0].i)] + toks


def _bare_surname(index: EntityIndex, word: str, at: int) -> Entity | None:
    """A surname the recogniser missed: the person it names ("Okafor" after Daniel and
    Maria Okafor: the one introduced first), or the one untagged name it ends
    ("Schmale" after "Matthias Schmale", both missed)."""
    person = _match_person(index, [word], word, None, at)
    if person is not None:
        return person
    matches = [
        e
        for e in index.entities
        if e.type in ("PERSON", "OTHER") and " " in e.name and e.name.split()[-1] == word
    ]
    return matches[0] if len(matches) == 1 else None


def _short_form_of(index: EntityIndex, name: str) -> Entity | None:
    """ "Northwind" after "Northwind Systems": the one organisation whose name it begins."""
    matches = [e for e in index.entities if e.type == "ORG" and e.name.startswith(name + " ")]
    return matches[0] if len(matches) == 1 else None


def _initials(name: str) -> str | None:
    """ "Securities and Exchange Commission" → "SEC": the capitals of a name of three or more
    capitalised words (small words skipped), or None."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 3 else None


def _acronym_match(index: EntityIndex, name: str) -> Entity | None:
    """The one organisation that ``name`` abbreviates ("WHO" after "the World Health
    Organization"), or that abbreviates ``name`` ("WHO" named before the full name)."""
    bare = name.replace(".", "")
    if bare.isupper() and bare.isalpha():
        matches = [e for e in index.entities if e.type != "PERSON" and _initials(e.name) == bare]
    else:
        initials = _initials(name)
        matches = [e for e in index.entities if e.type != "PERSON" and e.name == initials]
    return matches[0] if len(matches) == 1 else None


def _surface(toks: list[Token]) -> str:
    """A name as written, inner hyphens kept ("Ban Ki-moon"); a left-out nickname leaves
    a space (`Kieran "Kash" Ashworth` → "Kieran Ashworth")."""
    written = toks[0].doc[toks[0].i : toks[-1].i + 1]
    if any(t.is_quote for t in written):
        return " ".join(t.text for t in toks)
    return written.text


def _match_person(
    index: EntityIndex,
    words: list[str],
    surface: str,
    gender: str | None = None,
    at: int | None = None,
    latest: bool = False,
) -> Entity | None:
    """``gender``: from a courtesy title; "Mrs. Clinton" picks Hillary Clinton out of two.
    ``at``: the mention's token; of two people sharing the surname, one named before it
    and one only after, the earlier ("Frank Dimitriou … Dimitriou said … Anna Dimitriou");
    of two named before, the first introduced, or with ``latest`` ("the younger Ortiz") the
    one named last."""
    if len(words) > 1:
        same = next((e for e in index.entities if e.type == "PERSON" and e.name == surface), None)
        if same is not None:
            return same
        # "von der Leyen", "De Croo", "Bin Salman": the end of exactly one fuller name.
        tail = [w.lower() for w in words if w != "-"]
        longer = [
            e
            for e in index.entities
            if e.type == "PERSON"
            and len(names := e.name.lower().replace("-", " ").split()) > len(tail)
            and names[-len(tail) :] == tail
        ]
        return longer[0] if len(longer) == 1 else None
    matches = [e for e in index.by_word.get(words[0].lower(), []) if e.type == "PERSON"]
    if len(matches) > 1 and gender is not None:
        matches = [e for e in matches if e.gender == gender]
    if len(matches) > 1 and at is not None:
        matches = [e for e in matches if e.first < at] or matches
    if len(matches) > 1:
        # "Biden" after "President Biden" and "Jill Biden": the one named by surname alone.
        matches = [e for e in matches if e.name == surface] or matches
    if len(matches) > 1 and at is not None:
        if latest:
            # "His son, Daniel Ortiz, told … the younger Ortiz said": the one named last.
            return max(matches, key=lambda e: e.last_before(at))
        # "President Emmanuel Macron and his wife, Brigitte Macron, … Macron said": the
        # surname alone is the person the article introduced first.
        return min(matches, key=lambda e: e.first)
    return matches[0] if len(matches) == 1 else None


def _someone_else(person: Entity, ent: Span, role: str | None) -> bool:
    """ "President Biden" before "Jill Biden, the first lady,": a titled surname that comes
    before the only full name with that surname, with a title that full name's roles do not
    share, is another person of the same family name. ``role``: the title before it."""
    if role is None or not person.roles or not is_title(role.split()[-1]):
        return False
    if person.first < ent.start:
        return False
    return not words_of(role) & person.role_words


def _new(index: EntityIndex, label: str, name: str) -> Entity:
    entity = Entity(key=len(index.entities), type=label, name=name)
    index.entities.append(entity)
    return entity


def _attach(index: EntityIndex, entity: Entity, ent: Span, toks: list[Token]) -> None:
    entity.add_mention((toks[0].i, toks[-1].i + 1))
    for tok in ent:
        index.by_token[tok.i] = entity
    for tok in toks:
        word = tok.lower_
        if word not in entity.words:
            entity.words.add(word)
            index.by_word.setdefault(word, []).append(entity)


def _complete_short_names(doc: Doc, index: EntityIndex) -> None:
    """A one-word person whose full name the recogniser missed elsewhere:
    "Mayor Ines Carvalho" (untagged) … "Carvalho" (tagged) → "Ines Carvalho", role "Mayor"."""
    short = {e.name: e for e in index.entities if e.type == "PERSON" and " " not in e.name}
    if not short:
        return
    places: dict[str, list[Token]] = {}
    for tok in doc:
        if tok.text in short and tok.i > 0 and tok.i not in index.by_token:
            places.setdefault(tok.text, []).append(tok)
    for name, entity in short.items():
        for tok in places.get(name, ()):
            first = doc[tok.i - 1]
            if first.pos_ != "PROPN" or not first.is_title or first.lower_.rstrip(".") in TITLES:
                continue
            if first.i in index.by_token:
                continue
            entity.name = f"{first.text} {tok.text}"
            entity.add_mention((first.i, tok.i + 1))
            for t in (first, tok):
                index.by_token[t.i] = entity
                index.by_word.setdefault(t.lower_, []).append(entity)
                entity.words.add(t.lower_)
            title = doc[first.i - 1] if first.i > 0 else None
            if (
                title is not None
                and title.is_title
                and (title.lower_.rstrip(".") in TITLES or title.lemma_.lower() in role_nouns())
            ):
                entity.roles.append(title.text)
            break


def _capitalised_noun(tok: Token) -> bool:
    """A surname the tagger read as a common noun ("Moss: It's the worst …"): capitalised
    inside a sentence, before an interview colon, or opening a sentence as the subject of
    a reporting verb ("Macron warns of …" in a headline; not "Rice is scarce")."""
    if tok.pos_ != "NOUN" or not tok.is_title:
        return False
    follows_colon = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ":"
    reports = tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in cues()
    return follows_colon or not tok.is_sent_start or reports


def _add_bare_surnames(doc: Doc, index: EntityIndex) -> None:
    """Proper nouns outside any entity that repeat a known person's name word."""
    for tok in doc:
        pos = tok.pos_
        if pos not in ("PROPN", "NOUN") or tok.i in index.by_token:
            continue
        if pos == "NOUN" and not _capitalised_noun(tok):
            continue
        matches = [e for e in index.by_word.get(tok.lower_, []) if e.type == "PERSON"]
        if len(matches) == 1:
            index.by_token[tok.i] = matches[0]
            matches[0].add_mention((tok.i, tok.i + 1))
