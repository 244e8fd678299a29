"""PostgreSQL: a small generated ``tsvector`` of the title and 文号 used for ranking.

Ranking every match with ``ts_rank`` on the full vector would read (and decompress) the
TOASTed body vector of each matching row; the title vector is small and stored inline, so
relevance (title and 文号 matches first, then newest first) stays cheap at a million items.
The full vector (GIN index) still decides what matches.
"""

from django.db import migrations

UP = [
    """ALTER TABLE catalog_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', title_tokens || ' ' || docno_tokens)) STORED""",
]
DOWN = ["ALTER TABLE catalog_searchentry DROP COLUMN IF EXISTS title_vector"]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_search_index")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
