from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from index.edition_format import load_path
from index.services import edition_import


class Command(BaseCommand):
    help = "Imports an Index edition from a YAML or JSON file in the contract's edition format."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--replace", action="store_true", help="Rewrite an edition of the same code that no assessment uses yet."
        )

    def handle(self, *args, path, replace, **options):
        try:
            data = load_path(path)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            edition = edition_import(data=data, replace=replace)
        except ValidationError as error:
            raise CommandError("The edition was not imported:\n- " + "\n- ".join(error.messages)) from error
        questions = edition.questions.count()
        self.stdout.write(f"Imported {edition.code}: {edition.areas.count()} areas, {questions} questions.")
