-- Sayso's SQLite store. Opened by sqlite3 or Datasette without Sayso.
-- Offsets are Python string indices into articles.text; JSON columns hold lists.
PRAGMA journal_mode = WAL;

CREATE TABLE IF NOT EXISTS articles (
    id            TEXT PRIMARY KEY,       -- reader id (file stem, record id, WARC record id)
    url           TEXT,
    title         TEXT,
    outlet        TEXT,                   -- from metadata, else the publisher read off the text
    author        TEXT,
    date          TEXT,                   -- ISO 8601 where known
    source        TEXT,                   -- the input it came from (path, path:line)
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL UNIQUE,   -- sha256 of text: the resume / idempotence key
    publisher     TEXT,
    dateline      TEXT,
    outlets_cited TEXT NOT NULL DEFAULT '[]',  -- JSON list
    boilerplate   TEXT NOT NULL DEFAULT '[]',  -- JSON list of [start, end]
    words         INTEGER NOT NULL DEFAULT 0,
    processed_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS speakers (
    id         INTEGER PRIMARY KEY,
    name       TEXT,                      -- canonical name; NULL for unresolved mentions
    type       TEXT NOT NULL,             -- PERSON, ORG, GPE, NORP, OTHER
    roles      TEXT NOT NULL DEFAULT '[]',    -- JSON list ("Kremlin spokesman")
    aliases    TEXT NOT NULL DEFAULT '[]',    -- JSON list of surface forms seen
    n_attributions INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS attributions (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,       -- order within the article
    kind          TEXT NOT NULL,          -- direct, mixed, indirect, according_to
    content       TEXT NOT NULL,
    content_spans TEXT NOT NULL,          -- JSON [[start, end], ...]
    cue           TEXT,
    cue_spans     TEXT,
    source        TEXT,
    source_spans  TEXT,
    speaker_id    INTEGER REFERENCES speakers(id),
    speaker_name  TEXT,                   -- denormalised for FTS and quick reads
    addressee     TEXT,
    addressee_name TEXT,
    confidence    REAL NOT NULL,
    UNIQUE (article_id, seq)
);

-- Which article-level speaker (mentions, roles) maps to which corpus speaker.
CREATE TABLE IF NOT EXISTS article_speakers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,             -- Speaker.id within the article ("s1")
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    mentions   TEXT NOT NULL DEFAULT '[]',    -- JSON list of {text, start, end}
    roles      TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, local_id)
);

CREATE TABLE IF NOT EXISTS errors (
    id       INTEGER PRIMARY KEY,
    input    TEXT NOT NULL,
    message  TEXT NOT NULL,
    at       TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5(
    content, speaker_name, content='attributions', content_rowid='id'
);

CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker_id);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
