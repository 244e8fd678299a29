"""SQLite: a narrow rowid table of the facet and sort fields of each index row.

Facet counts and ranking join every match to these fields. Joining the FTS5 rowid to
``catalog_searchentry`` costs a primary-key index search plus a wide row per match (its key
is not a rowid alias); this compact table is keyed by the rowid itself, so the same join is
one cheap lookup. Triggers keep it in step with the entry table, like the FTS5 table.
"""

from django.db import migrations

# ruff: noqa: S608  (fixed SQL text built from constants, no user input)

COLUMNS = "item_id, organisation_id, category_code, year, doc_type, published_at"
NEW = (
    "new.item_id, new.organisation_id, new.category_code, new.year, new.doc_type, new.published_at"
)

UP = [
    """CREATE TABLE catalog_search_facet (
        item_id INTEGER PRIMARY KEY, organisation_id INTEGER NOT NULL,
        category_code TEXT NOT NULL, year INTEGER NOT NULL, doc_type TEXT NOT NULL,
        published_at TEXT NOT NULL)""",
    f"INSERT INTO catalog_search_facet ({COLUMNS}) SELECT {COLUMNS} FROM catalog_searchentry",
    f"""CREATE TRIGGER catalog_search_facet_ai AFTER INSERT ON catalog_searchentry BEGIN
        INSERT INTO catalog_search_facet ({COLUMNS}) VALUES ({NEW});
    END""",
    """CREATE TRIGGER catalog_search_facet_ad AFTER DELETE ON catalog_searchentry BEGIN
        DELETE FROM catalog_search_facet WHERE item_id = old.item_id;
    END""",
    f"""CREATE TRIGGER catalog_search_facet_au AFTER UPDATE ON catalog_searchentry BEGIN
        DELETE FROM catalog_search_facet WHERE item_id = old.item_id;
        INSERT INTO catalog_search_facet ({COLUMNS}) VALUES ({NEW});
    END""",
]
DOWN = [
    "DROP TRIGGER IF EXISTS catalog_search_facet_au",
    "DROP TRIGGER IF EXISTS catalog_search_facet_ad",
    "DROP TRIGGER IF EXISTS catalog_search_facet_ai",
    "DROP TABLE IF EXISTS catalog_search_facet",
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_search_title_vector")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
