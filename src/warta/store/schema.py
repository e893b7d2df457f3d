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
]

VERSION = len(MIGRATIONS)
