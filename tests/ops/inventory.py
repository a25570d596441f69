"""What a backup must bring back: every practice, version, answer, file (with its bytes) and outbox item.

`python -m tests.ops.inventory` prints it as JSON for the configured database and storage, so that a test can
compare the original with a restored copy read by another process."""

import hashlib
import json


def inventory() -> dict:
    from core.models import OutboxMessage
    from goodpractices.models import GoodPractice, PracticeRevision, ReferenceFile
    from index.models import Answer

    def file_digest(document):
        with document.file.open("rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    return {
        "practices": sorted([p.pk, p.slug, p.title, p.status] for p in GoodPractice.objects.all()),
        "versions": sorted([r.practice_id, r.kind, r.version, r.data] for r in PracticeRevision.objects.all()),
        "answers": sorted(
            [a.assessment_id, a.question.code, a.choices, a.comment] for a in Answer.objects.select_related("question")
        ),
        "files": sorted([f.practice_id, f.name, f.size, file_digest(f)] for f in ReferenceFile.objects.all()),
        "outbox": sorted([m.pk, m.kind, m.status, m.payload] for m in OutboxMessage.objects.all()),
    }


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(inventory(), sort_keys=True, default=str))
