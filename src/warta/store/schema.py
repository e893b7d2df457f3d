"""The database schema as numbered migrations, one description for both backends.

Each migration is written once, in SQL common to SQLite and PostgreSQL, with a few
placeholders that ``migrations(dialect)`` fills in per backend: key and reference column
types, floating point, SQLite's WITHOUT ROWID, and full-text search (an FTS5 table kept in
step by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL).
SQLite records its step in ``PRAGMA user_version``, PostgreSQL in a ``warta_schema`` table;
opening a store applies the missing steps, one transaction each.
"""
from __future__ import annotations

ACTOR_COLUMNS = ("text", "canonical", "kb_id", "country", "sector")
DIALECTS = ("sqlite", "postgresql")


def _actor(prefix: str) -> str:
    return ", ".join(f"{prefix}_{c} TEXT" for c in ACTOR_COLUMNS)


TEMPLATES: list[str] = [
    # 1: articles, their annotations, rejections, full-text search
    """
    CREATE TABLE articles (
        {ID},
        doc_key TEXT NOT NULL UNIQUE,      -- where it came from: path[#line], URL, or stdin hash
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL, url TEXT, line INTEGER,
        title TEXT, published TEXT, outlet TEXT, language TEXT, dateline TEXT,
        authors TEXT NOT NULL DEFAULT '[]', editors TEXT NOT NULL DEFAULT '[]',
        wire_sources TEXT NOT NULL DEFAULT '[]',   -- JSON arrays
        body TEXT NOT NULL, boilerplate TEXT NOT NULL DEFAULT '[]', notes TEXT NOT NULL DEFAULT '[]',
        ingested_at TEXT NOT NULL, updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_outlet ON articles(outlet);

    CREATE TABLE entities (
        {ID},
        article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
        canonical TEXT, kb_id TEXT, country TEXT, role TEXT, sector TEXT, confidence {REAL}
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE INDEX entities_country ON entities(country);

    CREATE TABLE quotes (
        {ID},
        article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content TEXT NOT NULL,
        direct INTEGER NOT NULL, cue TEXT, confidence {REAL},
        speaker_start INTEGER, speaker_end INTEGER, {speaker}
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

    CREATE TABLE times (
        {ID},
        article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
        value TEXT, granularity TEXT, type TEXT
    );
    CREATE INDEX times_article ON times(article_id);

    CREATE TABLE events (
        {ID},
        article_id {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT NOT NULL, mode TEXT, aux TEXT, context TEXT,
        source_start INTEGER, source_end INTEGER, {source},
        target_start INTEGER, target_end INTEGER, {target},
        claimant_start INTEGER, claimant_end INTEGER, {claimant},
        date TEXT, date_inferred INTEGER NOT NULL DEFAULT 0, location TEXT, trigger TEXT,
        sentence TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, confidence {REAL}
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_country);
    CREATE INDEX events_target ON events(target_country);

    CREATE TABLE rejections (
        {ID},
        doc_key TEXT NOT NULL, source TEXT NOT NULL, line INTEGER,
        stage TEXT NOT NULL, reason TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        UNIQUE (doc_key, stage, reason)
    );

{FTS}
    """,
    # 2: indexes for the web app's filtered queries; corpus results (near-copies, stories)
    """
    CREATE INDEX events_date_id ON events(date, id);
    CREATE INDEX events_source_canonical ON events(source_canonical);
    CREATE INDEX events_target_canonical ON events(target_canonical);
    CREATE INDEX events_type_date ON events(type, date);
    CREATE INDEX events_pair_type ON events(source_canonical, target_canonical, type);
    CREATE INDEX entities_canonical_article ON entities(canonical, article_id);
    CREATE INDEX entities_country_article ON entities(country, article_id);
    CREATE INDEX articles_outlet_published ON articles(outlet, published);

    CREATE TABLE duplicates (              -- near-copies: a < b, both article ids
        a {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b {REF} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        jaccard {REAL} NOT NULL, containment {REAL} NOT NULL, exact INTEGER NOT NULL,
        earliest {REF} NOT NULL,         -- the id of the version seen first
        PRIMARY KEY (a, b)
    ){WITHOUT_ROWID};
    CREATE INDEX duplicates_b ON duplicates(b);

    CREATE TABLE stories (                 -- clusters of articles about the same event
        article_id {REF} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story {REF} NOT NULL,            -- the id of the story's earliest article
        rank INTEGER NOT NULL              -- 0 for the earliest, then in order seen
    );
    CREATE INDEX stories_story ON stories(story, rank);

    CREATE TABLE provenance (              -- wire credits found in metadata and body, per article
        article_id {REF} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        wires TEXT NOT NULL DEFAULT '[]',          -- JSON: credited wire services, first credit first
        credits TEXT NOT NULL DEFAULT '[]',        -- JSON: [{{wire, kind, start, end}}] evidence
        state_media TEXT NOT NULL DEFAULT '[]',    -- JSON: credited wires owned by a state
        group_wires TEXT NOT NULL DEFAULT '[]',    -- JSON: wires credited anywhere among its near-copies
        earliest {REF},                          -- earliest version among its near-copies
        uncredited_copy INTEGER NOT NULL DEFAULT 0 -- copies a wire-crediting article, credits none
    );

    CREATE TABLE event_mentions (          -- the same real-world event reported by several articles
        event_id {REF} PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        first_event {REF} NOT NULL,      -- the id of its earliest mention (itself for the first)
        mentions INTEGER NOT NULL          -- how many articles of the story report it
    );
    CREATE INDEX event_mentions_first ON event_mentions(first_event);

    CREATE TABLE corpus_runs (
        {ID}, finished_at TEXT NOT NULL, articles INTEGER NOT NULL,
        pairs INTEGER NOT NULL, stories INTEGER NOT NULL, seconds {REAL} NOT NULL
    );
{FTS_WEIGHTED}    """,
    # 3: covering (value, article_id) indexes so each article filter is a sorted id set read
    # from one index (web search); near-copy groups looked up by their earliest version
    """
    CREATE INDEX events_type_article ON events(type, article_id);
    CREATE INDEX events_article_type ON events(article_id, type);
    CREATE INDEX provenance_earliest ON provenance(earliest);
    """,
    # 4: an actor's or country's events newest first on each side, so that the event list
    # merges the two sides and stops after a page (replaces the one-column indexes)
    """
    DROP INDEX events_source_canonical;
    DROP INDEX events_target_canonical;
    DROP INDEX events_source;
    DROP INDEX events_target;
    CREATE INDEX events_source_canonical ON events(source_canonical, date);
    CREATE INDEX events_target_canonical ON events(target_canonical, date);
    CREATE INDEX events_source ON events(source_country, date);
    CREATE INDEX events_target ON events(target_country, date);
    """,
]

SQLITE_FTS = """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
"""

# Title words weigh more than body words in ts_rank (A = 1.0, D = 0.1), as bm25 weights
# the title 5:1 on SQLite; migration 1 had an unweighted column, so 2 replaces it.
_PG_TSVECTOR = ("setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
                "setweight(to_tsvector('simple', body), 'D')")
PG_FTS = """
    ALTER TABLE articles ADD COLUMN fts tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED;
    CREATE INDEX articles_fts ON articles USING GIN (fts);
"""
# Also indexes for "newest first" as SQLite orders it (NULLs last in descending order,
# which is how store/postgres.py's adapt() writes DESC), and the search vector kept
# uncompressed in the row when it fits (MAIN), the body going out of line first, so that
# ranking reads the vectors without decompressing them.
PG_FTS_WEIGHTED = f"""
    ALTER TABLE articles DROP COLUMN fts;
    ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS ({_PG_TSVECTOR}) STORED;
    ALTER TABLE articles ALTER COLUMN fts SET STORAGE MAIN;
    CREATE INDEX articles_fts ON articles USING GIN (fts);
    CREATE INDEX articles_published_desc ON articles(published DESC NULLS LAST, id DESC NULLS LAST);
    CREATE INDEX events_date_desc ON events(date DESC NULLS LAST, id DESC NULLS LAST);
    CREATE INDEX events_type_date_desc ON events(type, date DESC NULLS LAST, id DESC NULLS LAST);
"""

FILLS: dict[str, dict[str, str]] = {
    "sqlite": {"ID": "id INTEGER PRIMARY KEY", "REF": "INTEGER", "REAL": "REAL", "WITHOUT_ROWID": " WITHOUT ROWID",
               "FTS": SQLITE_FTS.strip("\n"), "FTS_WEIGHTED": ""},
    "postgresql": {"ID": "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "REF": "BIGINT",
                   "REAL": "DOUBLE PRECISION", "WITHOUT_ROWID": "", "FTS": PG_FTS, "FTS_WEIGHTED": PG_FTS_WEIGHTED},
}


def migrations(dialect: str) -> list[str]:
    """The migration scripts of one backend, in order."""
    fills = {**FILLS[dialect], **{side: _actor(side) for side in ("speaker", "source", "target", "claimant")}}
    return [template.format(**fills) for template in TEMPLATES]


MIGRATIONS: list[str] = migrations("sqlite")
VERSION = len(TEMPLATES)
