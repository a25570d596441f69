import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import goodpractices.models

STATUS = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("changes_requested", "Changes requested"),
    ("published", "Published"),
    ("rejected", "Rejected"),
    ("unpublished", "Unpublished"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("goodpractices", "0002_fields_of_action"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="goodpractice",
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="submitted"),
        ),
        migrations.AddField(
            model_name="goodpractice",
            name="revision_of",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pending_revisions",
                to="goodpractices.goodpractice",
                verbose_name="new version of",
            ),
        ),
        migrations.CreateModel(
            name="PracticeRevision",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("saved", "Saved"),
                            ("autosaved", "Saved automatically"),
                            ("imported", "Imported from Word"),
                            ("refused", "Refused save (someone else saved first)"),
                            ("published", "Published"),
                        ],
                        default="saved",
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                ("data", models.JSONField(verbose_name="content")),
                (
                    "version",
                    models.PositiveIntegerField(
                        help_text="The practice's version this text was saved as.", verbose_name="version"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="saved at")),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="revisions",
                        to="goodpractices.goodpractice",
                    ),
                ),
            ],
            options={"verbose_name": "saved version", "verbose_name_plural": "saved versions", "ordering": ["-id"]},
        ),
        migrations.CreateModel(
            name="PracticeTransition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("action", models.CharField(max_length=30, verbose_name="action")),
                ("from_status", models.CharField(choices=STATUS, max_length=20, verbose_name="from")),
                ("to_status", models.CharField(choices=STATUS, max_length=20, verbose_name="to")),
                ("comment", models.TextField(blank=True, verbose_name="comment")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                (
                    "by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="transitions",
                        to="goodpractices.goodpractice",
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="goodpractices.practicerevision",
                    ),
                ),
            ],
            options={
                "verbose_name": "workflow step",
                "verbose_name_plural": "workflow steps",
                "ordering": ["-at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="PracticeReview",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("criteria", models.JSONField(default=dict, verbose_name="quality criteria")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="goodpractices.goodpractice",
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "transition",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review",
                        to="goodpractices.practicetransition",
                    ),
                ),
            ],
            options={"verbose_name": "review", "verbose_name_plural": "reviews", "ordering": ["-created_at"]},
        ),
        migrations.CreateModel(
            name="ReferenceFile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "file",
                    models.FileField(
                        max_length=200, upload_to=goodpractices.models._reference_file_path, verbose_name="file"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="file name")),
                ("content_type", models.CharField(max_length=100, verbose_name="type")),
                ("size", models.PositiveIntegerField(verbose_name="size")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True)),
                (
                    "practice",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="files",
                        to="goodpractices.goodpractice",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "reference file",
                "verbose_name_plural": "reference files",
                "ordering": ["uploaded_at", "id"],
            },
        ),
    ]
