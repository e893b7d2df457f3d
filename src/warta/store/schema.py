"""The database schema as numbered migrations. ``PRAGMA user_version`` records how far a
database has come; opening a store applies the missing steps in one transaction each."""
from __future__ import annotations

ACTOR_COLUMNS = ("text", "canonical", "kb_id", "country", "sector")


def _actor(prefix: str) -> str:
    return ", ".join(f"{prefix}_{c} TEXT" for c in ACTOR_COLUMNS)


MIGRATIONS: list[str] = [
    # 1: articles, their annotations, rejections, full-text search
    f"""
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
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
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
        canonical TEXT, kb_id TEXT, country TEXT, role TEXT, sector TEXT, confidence REAL
    );
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE INDEX entities_country ON entities(country);

    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content TEXT NOT NULL,
        direct INTEGER NOT NULL, cue TEXT, confidence REAL,
        speaker_start INTEGER, speaker_end INTEGER, {_actor("speaker")}
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

    CREATE TABLE times (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
        value TEXT, granularity TEXT, type TEXT
    );
    CREATE INDEX times_article ON times(article_id);

    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        type TEXT NOT NULL, mode TEXT, aux TEXT, context TEXT,
        source_start INTEGER, source_end INTEGER, {_actor("source")},
        target_start INTEGER, target_end INTEGER, {_actor("target")},
        claimant_start INTEGER, claimant_end INTEGER, {_actor("claimant")},
        date TEXT, date_inferred INTEGER NOT NULL DEFAULT 0, location TEXT, trigger TEXT,
        sentence TEXT NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, confidence REAL
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_source ON events(source_country);
    CREATE INDEX events_target ON events(target_country);

    CREATE TABLE rejections (
        id INTEGER PRIMARY KEY,
        doc_key TEXT NOT NULL, source TEXT NOT NULL, line INTEGER,
        stage TEXT NOT NULL, reason TEXT NOT NULL,
        first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        UNIQUE (doc_key, stage, reason)
    );

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
        a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        jaccard REAL NOT NULL, containment REAL NOT NULL, exact INTEGER NOT NULL,
        earliest INTEGER NOT NULL,         -- the id of the version seen first
        PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX duplicates_b ON duplicates(b);

    CREATE TABLE stories (                 -- clusters of articles about the same event
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story INTEGER NOT NULL,            -- the id of the story's earliest article
        rank INTEGER NOT NULL              -- 0 for the earliest, then in order seen
    );
    CREATE INDEX stories_story ON stories(story, rank);

    CREATE TABLE provenance (              -- wire credits found in metadata and body, per article
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        wires TEXT NOT NULL DEFAULT '[]',          -- JSON: credited wire services, first credit first
        credits TEXT NOT NULL DEFAULT '[]',        -- JSON: [{wire, kind, start, end}] evidence
        state_media TEXT NOT NULL DEFAULT '[]',    -- JSON: credited wires owned by a state
        group_wires TEXT NOT NULL DEFAULT '[]',    -- JSON: wires credited anywhere among its near-copies
        earliest INTEGER,                          -- earliest version among its near-copies
        uncredited_copy INTEGER NOT NULL DEFAULT 0 -- copies a wire-crediting article, credits none
    );

    CREATE TABLE event_mentions (          -- the same real-world event reported by several articles
        event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        first_event INTEGER NOT NULL,      -- the id of its earliest mention (itself for the first)
        mentions INTEGER NOT NULL          -- how many articles of the story report it
    );
    CREATE INDEX event_mentions_first ON event_mentions(first_event);

    CREATE TABLE corpus_runs (
        id INTEGER PRIMARY KEY, finished_at TEXT NOT NULL, articles INTEGER NOT NULL,
        pairs INTEGER NOT NULL, stories INTEGER NOT NULL, seconds REAL NOT NULL
    );
    """,
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

VERSION = len(MIGRATIONS)
