from django.db import migrations


def fields_of_action_resync(apps, schema_editor):
    # Re-applies the taxonomy: fills the French descriptions of the fields of action.
    from goodpractices.taxonomy import fields_of_action_sync

    fields_of_action_sync(apps.get_model("goodpractices", "FieldOfAction"))


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0003_practice_workflow_revisions_files")]

    operations = [migrations.RunPython(fields_of_action_resync, migrations.RunPython.noop)]
