from django.db import migrations


def load_fields_of_action(apps, schema_editor):
    from goodpractices.taxonomy import fields_of_action_sync

    fields_of_action_sync(apps.get_model("goodpractices", "FieldOfAction"))


class Migration(migrations.Migration):
    dependencies = [("goodpractices", "0001_initial")]

    operations = [migrations.RunPython(load_fields_of_action, migrations.RunPython.noop)]
