from django.core.management.base import BaseCommand, CommandError

from index.edition_format import dump
from index.models import IndexEdition
from index.selectors import edition_as_file


class Command(BaseCommand):
    help = "Writes an Index edition in the contract's edition format (YAML by default) to standard output or a file."

    def add_arguments(self, parser):
        parser.add_argument("code")
        parser.add_argument("--format", choices=["yaml", "json"], default="yaml")
        parser.add_argument("--output", "-o", help="A file to write instead of standard output.")

    def handle(self, *args, code, format, output, **options):
        edition = IndexEdition.objects.filter(code=code).first()
        if edition is None:
            known = ", ".join(IndexEdition.objects.values_list("code", flat=True)) or "none"
            raise CommandError(f"No edition '{code}' (known: {known}).")
        text = dump(edition_as_file(edition), format)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
