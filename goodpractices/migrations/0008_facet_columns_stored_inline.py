from django.db import migrations

# A practice row holds kilobytes of text, so PostgreSQL's TOAST moves even its small arrays out of line (EXTENDED
# columns go first, whatever their size). The facet columns are read for every candidate of a search (facet counts
# over up to 1,001 rows): out of line, each costs an index lookup in the TOAST table. STORAGE MAIN keeps them in the
# row (the long texts still go out first). Rows written before this keep their layout until rewritten.
COLUMNS = ("field_codes", "target_groups", "practice_types", "language")


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0007_stripped_match_vector")]

    operations = [
        migrations.RunSQL(
            "".join(f"ALTER TABLE goodpractices_goodpractice ALTER COLUMN {c} SET STORAGE MAIN;" for c in COLUMNS),
            "".join(f"ALTER TABLE goodpractices_goodpractice ALTER COLUMN {c} SET STORAGE EXTENDED;" for c in COLUMNS),
        )
    ]
