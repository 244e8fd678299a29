"""PostgreSQL: a leaner match vector that also carries the search filters.

- The GIN-indexed ``vector`` only decides what matches (ranking uses ``title_vector``), so it
  is stored without positions and weights (``strip``): about a third smaller, so a broad
  query reads fewer pages.
- It carries one lexeme per facet value — ``#o<organisation id>``, ``#c<category>``,
  ``#y<year>``, ``#t<document type>`` — so a filtered search intersects posting lists in the
  index instead of reading every unfiltered match and discarding most of them. The ``#``
  cannot come out of query segmentation, so no query word can match these lexemes.
- ``title_vector`` is only tested with ``@@`` now: stripped as well.
"""

from django.db import migrations

VECTOR = """strip(to_tsvector('simple',
        title_tokens || ' ' || docno_tokens || ' ' || body_tokens))
    || array_to_tsvector(ARRAY[
        '#o' || organisation_id::text, '#c' || category_code, '#y' || year::text,
        '#t' || doc_type])"""
OLD_VECTOR = """setweight(to_tsvector('simple', title_tokens), 'A')
    || setweight(to_tsvector('simple', docno_tokens), 'A')
    || setweight(to_tsvector('simple', body_tokens), 'D')"""
TITLE = "strip(to_tsvector('simple', title_tokens || ' ' || docno_tokens))"
OLD_TITLE = "to_tsvector('simple', title_tokens || ' ' || docno_tokens)"


def _statements(vector: str, title: str) -> list[str]:
    return [
        "DROP INDEX IF EXISTS catalog_search_vector",
        "ALTER TABLE catalog_searchentry DROP COLUMN vector, DROP COLUMN title_vector",
        f"""ALTER TABLE catalog_searchentry
            ADD COLUMN vector tsvector GENERATED ALWAYS AS ({vector}) STORED,
            ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ({title}) STORED""",
        "CREATE INDEX catalog_search_vector ON catalog_searchentry USING gin (vector)",
    ]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0004_sqlite_search_facets")]

    operations = [
        migrations.RunPython(
            _run(_statements(VECTOR, TITLE)), _run(_statements(OLD_VECTOR, OLD_TITLE))
        )
    ]
