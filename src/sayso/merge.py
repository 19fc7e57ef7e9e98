"""Speaker merging across articles, as pure functions over name statistics.

Each article has its own speakers (``Speaker`` records). A corpus store merges
them into corpus speakers. The rules, in order:

1. **Aliases** (a user CSV ``alias,canonical``) force a merge, whatever else says.
2. **Same name**: names equal after normalisation (case, punctuation, leading
   honorifics of people, possessive ``'s``) are one speaker.
3. **Middle names**: people's names with the same first and last token merge
   into the longest form when that form is unique and contains the others
   ("Hillary Clinton" → "Hillary Rodham Clinton").
4. **Surname**: a one-word person name ("Macron") merges into a full name whose
   last token it is, only when exactly one full person name in the corpus has
   that surname ("Clinton" stays apart while "Hillary Clinton" and "Bill Clinton"
   both occur).
5. **Role**: an unnamed speaker or a description ("the French president") merges
   into a named speaker when its description, of at least two words, is a role
   seen with exactly one named speaker in the corpus ("French president").

Everything else stays apart; unnamed speakers are never merged by name. The
result depends only on the set of observations, not on their order, so a corpus
built in batches, resumed after a crash, or computed by Spark gives the same
speakers. The SQLite store and the Spark job both call ``resolve``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sayso.find.lexicon import honorifics

UNRESOLVED = "?"  # prefix of the keys of speakers that have no name of their own
PERSONISH = frozenset({"PERSON", "OTHER"})
HONORIFICS = honorifics()
SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv", "phd"])
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
    ]
)
_EDGE_PUNCT = ".,;:!?\"'()[]{}“”‘’«»-–—"
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def fold(text: str) -> str:
    """Case-, width- and punctuation-insensitive form of a name or phrase."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").strip()
    text = _POSSESSIVE.sub("", text)
    tokens = (t.strip(_EDGE_PUNCT) for t in text.casefold().split())
    return " ".join(t for t in tokens if t)


def is_descriptor(name: str) -> bool:
    """True for a description rather than a name: "the French president", "officials"."""
    words = name.split()
    return not words or words[0].casefold() in DETERMINERS or not any(c.isupper() for c in name)


def name_key(name: str, type: str = "PERSON") -> str:
    """The merge key of a name: folded, and for people without leading honorifics."""
    tokens = fold(name).split()
    if type in PERSONISH:
        while len(tokens) > 1 and tokens[0] in HONORIFICS:
            tokens.pop(0)
    return " ".join(tokens)


def role_key(text: str) -> str:
    """The merge key of a role or description: folded, determiners dropped."""
    tokens = fold(text).split()
    while tokens and tokens[0] in DETERMINERS:
        tokens.pop(0)
    return " ".join(tokens)


def surname(key: str) -> str:
    """Last token of a name key, not counting generational suffixes ("king" for "… king jr")."""
    tokens = key.split()
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    return tokens[-1] if tokens else ""


def observation_key(name: str | None, type: str, article_id: str, local_id: str) -> str:
    """The key of one article speaker: its name key, or a per-article key when unnamed."""
    if name and not is_descriptor(name):
        key = name_key(name, type)
        if key:
            return key
    return f"{UNRESOLVED}{article_id}/{local_id}"


def speaker_id(canonical: str) -> int:
    """A stable integer id for a corpus speaker: the same in every run, store and Spark."""
    return int(hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:15], 16)


@dataclass
class KeyStats:
    """What the corpus says about one observation key.

    forms: its names as written; types: its entity types; roles: the roles given
    to it ("French president"); mentions: how the text refers to it (for an
    unnamed speaker the only clue: "the French president", "a source").
    """

    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)

    def add(
        self,
        name: str | None,
        type: str,
        roles: Iterable[str] = (),
        mentions: Iterable[str] = (),
    ) -> None:
        if name:
            self.forms[name] += 1
        self.types[type or "OTHER"] += 1
        self.roles.update(r for r in roles if r)
        self.mentions.update(m for m in mentions if m and is_descriptor(m))

    def descriptions(self) -> set[str]:
        """Role keys this speaker is described by: its roles and descriptive names/mentions."""
        texts = [*self.roles, *(f for f in self.forms if is_descriptor(f)), *self.mentions]
        return {k for k in map(role_key, texts) if k}


def dominant(types: Counter[str]) -> str:
    """The most frequent type; ties broken alphabetically so the result is order-free."""
    if not types:
        return "OTHER"
    return min(types.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def own_types(canonical: str, members: Mapping[str, KeyStats]) -> Counter[str]:
    """The types that decide what a speaker is: those of its own name when it was seen
    under it, so that an alias ("Elysee,Emmanuel Macron") cannot turn a person into
    an organisation; else those of all its members."""
    if canonical in members:
        return Counter(members[canonical].types)
    return sum((m.types for m in members.values()), Counter())


def alias_table(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``alias → canonical`` pairs as folded keys; chains (a→b, b→c) are followed."""
    table = {fold(a): fold(c) for a, c in pairs if fold(a) and fold(c)}
    resolved = {}
    for alias, target in table.items():
        seen = {alias}
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        resolved[alias] = target
    return {a: c for a, c in resolved.items() if a != c}


def _alias_target(key: str, stats: KeyStats, aliases: Mapping[str, str]) -> str | None:
    """The alias target of a key: by its key, else (sorted, so order-free) its forms,
    and for an unnamed speaker its descriptive mentions."""
    if not aliases:
        return None
    if key in aliases:
        return aliases[key]
    texts = [*stats.forms, *(stats.mentions if key.startswith(UNRESOLVED) else ())]
    for candidate in sorted({f(t) for t in texts for f in (fold, role_key)}):
        if candidate in aliases:
            return aliases[candidate]
    return None


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(token in it for token in short)


def resolve_family(types: Mapping[str, Counter[str]]) -> dict[str, str]:
    """Rules 3 and 4 inside one family: named keys that share a surname.

    Returns only the keys that merge into another key.
    """
    persons = [k for k, t in types.items() if dominant(t) in PERSONISH]
    full = sorted(k for k in persons if len(k.split()) >= 2)
    merged: dict[str, str] = {}
    by_ends: dict[tuple[str, str], list[str]] = {}
    for key in full:
        tokens = key.split()
        by_ends.setdefault((tokens[0], surname(key)), []).append(key)
    for group in by_ends.values():
        if len(group) < 2:
            continue
        longest = max(len(k.split()) for k in group)
        tops = [k for k in group if len(k.split()) == longest]
        if len(tops) == 1 and all(_is_subsequence(k.split(), tops[0].split()) for k in group):
            merged.update({k: tops[0] for k in group if k != tops[0]})
    heads = {merged.get(k, k) for k in full}
    for key in persons:
        if len(key.split()) == 1:
            matches = {h for h in heads if surname(h) == key}
            if len(matches) == 1:
                merged[key] = matches.pop()
    return merged


def resolve(
    stats: Mapping[str, KeyStats], aliases: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Map every observation key to its canonical key (the corpus speaker it belongs to)."""
    aliases = aliases or {}
    base = {k: _alias_target(k, s, aliases) or k for k, s in stats.items()}
    members: dict[str, list[str]] = {}
    for key, target in base.items():
        if not target.startswith(UNRESOLVED):
            members.setdefault(target, []).append(key)
    families: dict[str, dict[str, Counter[str]]] = {}
    for target, keys in members.items():
        family = families.setdefault(surname(target), {})
        family[target] = own_types(target, {k: stats[k] for k in keys})
    merged: dict[str, str] = {}
    for family in families.values():
        merged.update(resolve_family(family))
    mapping = {k: merged.get(t, t) for k, t in base.items()}
    # Rule 5: descriptions that point at exactly one named speaker.
    index: dict[str, set[str]] = {}
    for key, canonical in mapping.items():
        if not canonical.startswith(UNRESOLVED):
            for role in stats[key].descriptions():
                index.setdefault(role, set()).add(canonical)
    for key, canonical in mapping.items():
        if canonical.startswith(UNRESOLVED):
            found = set().union(
                *(index.get(r, set()) for r in stats[key].descriptions() if len(r.split()) >= 2)
            )
            if len(found) == 1:
                mapping[key] = found.pop()
    return mapping


class Merger:
    """``resolve`` evaluated incrementally, for stores that grow batch by batch.

    After every ``update`` the mapping equals ``resolve(stats, aliases)`` for all
    observations added so far (tests check this); only the surname families and
    descriptions a batch touches are recomputed, so a batch costs time in
    proportion to what it changes, not to the size of the corpus.
    """

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.aliases = dict(aliases or {})
        self.stats: dict[str, KeyStats] = {}
        self.mapping: dict[str, str] = {}
        self.by_canonical: dict[str, set[str]] = {}
        self._base: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}  # named base key → observation keys
        self._families: dict[str, set[str]] = {}  # surname → named base keys
        self._family_merges: dict[str, dict[str, str]] = {}  # surname → resolve_family result
        self._index: dict[str, Counter[str]] = {}  # role (2+ words) → canonical → named keys
        self._contrib: dict[str, tuple[str, frozenset[str]]] = {}  # named key → its index entry
        self._waiting: dict[str, set[str]] = {}  # role → unresolved keys it describes
        self._dirty: set[str] = set()

    def add(
        self,
        key: str,
        name: str | None,
        type: str,
        roles: Iterable[str] = (),
        mentions: Iterable[str] = (),
    ) -> None:
        self.stats.setdefault(key, KeyStats()).add(name, type, roles, mentions)
        self._dirty.add(key)

    def update(self) -> dict[str, tuple[str | None, str]]:
        """Recompute what the added observations affect.

        Returns ``{key: (old canonical or None, new canonical)}`` for every key added
        since the last update and every key whose canonical changed.
        """
        dirty, self._dirty = self._dirty, set()
        families: set[str] = set()
        for key in dirty:
            old = self._base.get(key)
            new = _alias_target(key, self.stats[key], self.aliases) or key
            if old is not None and not old.startswith(UNRESOLVED):
                self._members[old].discard(key)
                if not self._members[old]:
                    del self._members[old]
                    self._families[surname(old)].discard(old)
                families.add(surname(old))
            self._base[key] = new
            if not new.startswith(UNRESOLVED):
                self._members.setdefault(new, set()).add(key)
                self._families.setdefault(surname(new), set()).add(new)
                families.add(surname(new))
        affected = set(dirty)
        for family in families:
            bases = self._families.get(family, set())
            types: dict[str, Counter[str]] = {}
            for base in bases:
                keys = self._members[base]
                types[base] = own_types(base, {k: self.stats[k] for k in keys})
                affected |= self._members[base]
            self._family_merges[family] = resolve_family(types)
        new_mapping: dict[str, str] = {}
        changed_roles: set[str] = set()
        for key in affected:
            base = self._base[key]
            if base.startswith(UNRESOLVED):
                self._drop_contribution(key, changed_roles)
                continue
            canonical = self._family_merges.get(surname(base), {}).get(base, base)
            new_mapping[key] = canonical
            roles = frozenset(r for r in self.stats[key].descriptions() if len(r.split()) >= 2)
            if self._contrib.get(key) != (canonical, roles):
                self._drop_contribution(key, changed_roles)
                self._contrib[key] = (canonical, roles)
                for role in roles:
                    self._index.setdefault(role, Counter())[canonical] += 1
                changed_roles |= roles
        # Rule 5 for unresolved keys that are new or described by a role that changed.
        unresolved = {k for k in dirty if self._base[k].startswith(UNRESOLVED)}
        for key in unresolved:
            for role in self.stats[key].descriptions():
                if len(role.split()) >= 2:
                    self._waiting.setdefault(role, set()).add(key)
        for role in changed_roles:
            unresolved |= {k for k in self._waiting.get(role, ()) if k in self._base}
        for key in unresolved:
            if not self._base[key].startswith(UNRESOLVED):
                continue
            found: set[str] = set()
            for role in self.stats[key].descriptions():
                if len(role.split()) >= 2:
                    found |= {c for c, n in self._index.get(role, Counter()).items() if n > 0}
            new_mapping[key] = found.pop() if len(found) == 1 else self._base[key]
        changes: dict[str, tuple[str | None, str]] = {}
        for key, canonical in new_mapping.items():
            old = self.mapping.get(key)
            if old != canonical or key in dirty:
                changes[key] = (old, canonical)
            if old != canonical:
                if old is not None:
                    self.by_canonical[old].discard(key)
                    if not self.by_canonical[old]:
                        del self.by_canonical[old]
                self.by_canonical.setdefault(canonical, set()).add(key)
                self.mapping[key] = canonical
        return changes

    def _drop_contribution(self, key: str, changed_roles: set[str]) -> None:
        entry = self._contrib.pop(key, None)
        if entry is None:
            return
        canonical, roles = entry
        for role in roles:
            counter = self._index[role]
            counter[canonical] -= 1
            if counter[canonical] <= 0:
                del counter[canonical]
        changed_roles |= roles


def display_name(
    canonical: str, members: Iterable[KeyStats], spellings: Mapping[str, str] | None = None
) -> str | None:
    """How a corpus speaker is named: the alias file's spelling, else its best surface form.

    Preferred: a form whose key is the canonical key itself, without an honorific,
    in mixed case, most frequent, then shortest, then alphabetical (so the choice
    is order-free).
    ``None`` for speakers that never had a name.
    """
    if spellings and canonical in spellings:
        return spellings[canonical]
    if canonical.startswith(UNRESOLVED):
        return None
    forms: Counter[str] = Counter()
    for stats in members:
        forms.update(stats.forms)
    if not forms:
        return None

    def rank(item: tuple[str, int]) -> tuple[bool, bool, bool, int, int, str]:
        form, count = item
        bare = fold(form) == canonical  # no honorific: "Emmanuel Macron", not "President …"
        exact = bare or name_key(form) == canonical
        return (not exact, not bare, form.isupper() or form.islower(), -count, len(form), form)

    return min(forms.items(), key=rank)[0]


def canonical_spellings(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Canonical key → the canonical name as the alias file spells it."""
    return {fold(c): c.strip() for _, c in pairs if fold(c)}
