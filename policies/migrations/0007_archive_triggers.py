"""The database itself refuses to rewrite or delete a recorded policy version.

PolicyVersion refuses changes through the ORM; these triggers refuse them to anyone, raw SQL
included. The two links may only be cleared (a policy page or a user deleted, Django's SET_NULL);
every other column is the record and stays as it was written.

PostgreSQL's TRUNCATE is not a row operation and is not refused (test runs empty tables with it);
on SQLite, a test run's flush lifts the triggers for the flush only (tests/conftest.py).
"""

from django.db import migrations

TABLE = "policies_policyversion"
RECORD_COLUMNS = [
    "id",
    "page_title",
    "page_slug",
    "number",
    "title",
    "document_title",
    "announced_on",
    "effective_on",
    "change_summary",
    "unfavourable_change",
    "sections",
    "body_data",
    "revision_id",
    "published_by_name",
    "scheduled",
    "published_at",
]
LINKS = ["page_id", "published_by_id"]
UPDATE_REFUSED = "기록된 판은 고칠 수 없습니다."
DELETE_REFUSED = "기록된 판은 지울 수 없습니다."


def rewritten(distinct):
    """SQL true when an UPDATE changes the record or points a link somewhere new."""
    changes = [distinct(f"NEW.{c}", f"OLD.{c}") for c in RECORD_COLUMNS]
    changes += [f"({distinct(f'NEW.{c}', f'OLD.{c}')} AND NEW.{c} IS NOT NULL)" for c in LINKS]
    return " OR ".join(changes)


SQLITE_CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
    WHEN {rewritten(lambda new, old: f"{new} IS NOT {old}")}
    BEGIN SELECT RAISE(ABORT, '{UPDATE_REFUSED}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, '{DELETE_REFUSED}'); END""",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]

POSTGRESQL_CREATE = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION '{DELETE_REFUSED}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF {rewritten(lambda new, old: f"{new} IS DISTINCT FROM {old}")} THEN
            RAISE EXCEPTION '{UPDATE_REFUSED}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$""",
    f"DROP TRIGGER IF EXISTS {TABLE}_keep ON {TABLE}",
    f"""CREATE TRIGGER {TABLE}_keep BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION {TABLE}_keep()""",
]
POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_keep ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_keep()",
]

CREATE = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}
DROP = {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("policies", "0006_version_fields_declared_once"),
    ]

    operations = [
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
