"""Full-text index of ``catalog_searchentry`` (tokens are jieba words joined by spaces).

- SQLite: an FTS5 table with external content (the tokens are stored once, in the entry
  table) kept in step by triggers on the entry table.
- PostgreSQL: a generated ``tsvector`` column ('simple' configuration; title and 文号 weigh
  more than the body) with a GIN index.
"""

from django.db import migrations

SQLITE_UP = [
    """CREATE VIRTUAL TABLE catalog_search_fts USING fts5(
        title_tokens, docno_tokens, body_tokens,
        content='catalog_searchentry', content_rowid='item_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER catalog_search_ai AFTER INSERT ON catalog_searchentry BEGIN
        INSERT INTO catalog_search_fts(rowid, title_tokens, docno_tokens, body_tokens)
        VALUES (new.item_id, new.title_tokens, new.docno_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER catalog_search_ad AFTER DELETE ON catalog_searchentry BEGIN
        INSERT INTO catalog_search_fts(catalog_search_fts, rowid, title_tokens, docno_tokens,
            body_tokens)
        VALUES ('delete', old.item_id, old.title_tokens, old.docno_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER catalog_search_au AFTER UPDATE ON catalog_searchentry BEGIN
        INSERT INTO catalog_search_fts(catalog_search_fts, rowid, title_tokens, docno_tokens,
            body_tokens)
        VALUES ('delete', old.item_id, old.title_tokens, old.docno_tokens, old.body_tokens);
        INSERT INTO catalog_search_fts(rowid, title_tokens, docno_tokens, body_tokens)
        VALUES (new.item_id, new.title_tokens, new.docno_tokens, new.body_tokens);
    END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS catalog_search_au",
    "DROP TRIGGER IF EXISTS catalog_search_ad",
    "DROP TRIGGER IF EXISTS catalog_search_ai",
    "DROP TABLE IF EXISTS catalog_search_fts",
]
POSTGRES_UP = [
    """ALTER TABLE catalog_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_tokens), 'A')
        || setweight(to_tsvector('simple', docno_tokens), 'A')
        || setweight(to_tsvector('simple', body_tokens), 'D')) STORED""",
    "CREATE INDEX catalog_search_vector ON catalog_searchentry USING gin (vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS catalog_search_vector",
    "ALTER TABLE catalog_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
