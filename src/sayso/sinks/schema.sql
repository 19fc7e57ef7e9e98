-- Sayso's SQLite store. Opened by sqlite3 or Datasette without Sayso.
-- Offsets are Python string indices into articles.text; JSON columns hold lists.
-- Every column is documented in docs/corpus.md.
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
    id         INTEGER PRIMARY KEY,       -- sayso.merge.speaker_id(key): stable across runs
    key        TEXT NOT NULL UNIQUE,      -- canonical merge key (sayso.merge)
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
    speaker_local_id TEXT,                -- Speaker.id within the article (article_speakers)
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
    name       TEXT,                      -- the name as the article resolved it
    type       TEXT NOT NULL DEFAULT 'OTHER',
    key        TEXT NOT NULL,             -- merge key of this observation (sayso.merge)
    mentions   TEXT NOT NULL DEFAULT '[]',    -- JSON list of {text, start, end}
    roles      TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (article_id, local_id)
);

-- One row per input that failed (latest failure); removed when a re-run stores it.
CREATE TABLE IF NOT EXISTS errors (
    id         INTEGER PRIMARY KEY,
    input      TEXT NOT NULL UNIQUE,      -- path, path:line, path#record
    article_id TEXT,
    message    TEXT NOT NULL,
    at         TEXT NOT NULL
);

CREATE VIRTUAL TABLE IF NOT EXISTS attributions_fts USING fts5(
    content, speaker_name, content='attributions', content_rowid='id'
);

-- Keep the external-content FTS index in step with attributions.
CREATE TRIGGER IF NOT EXISTS attributions_ai AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS attributions_ad AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;
CREATE TRIGGER IF NOT EXISTS attributions_au AFTER UPDATE OF content, speaker_name
ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
    INSERT INTO attributions_fts(rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;

CREATE INDEX IF NOT EXISTS attributions_article ON attributions(article_id);
CREATE INDEX IF NOT EXISTS attributions_local ON attributions(article_id, speaker_local_id);
CREATE INDEX IF NOT EXISTS article_speakers_key ON article_speakers(key);
CREATE INDEX IF NOT EXISTS article_speakers_speaker ON article_speakers(speaker_id);
CREATE INDEX IF NOT EXISTS attributions_speaker ON attributions(speaker_id);
CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
