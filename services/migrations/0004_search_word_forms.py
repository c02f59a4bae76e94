"""Every word of the typo vocabulary with its forms with letters left out, indexed, and an
index for the words that start with a word of the query: a typo finds the few words within
its reach through these indexes instead of being measured against every word that shares a
trigram with it (the trigram index, which the planner left unused on a table this small,
goes)."""

import django.db.models.deletion
from django.db import migrations, models

from services.search import MAX_TYPOS, deletions


def fill_forms(apps, schema_editor):
    SearchWord = apps.get_model("services", "SearchWord")
    SearchWordForm = apps.get_model("services", "SearchWordForm")
    SearchWordForm.objects.bulk_create(
        [
            SearchWordForm(word_id=word_id, form=form)
            for word_id, word in SearchWord.objects.values_list("id", "word")
            for form in deletions(word, count=MAX_TYPOS)
        ],
        batch_size=5000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0003_english_content"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWordForm",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "form",
                        "word",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("form", models.CharField(max_length=60)),
                (
                    "word",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="forms",
                        to="services.searchword",
                    ),
                ),
            ],
        ),
        migrations.RemoveIndex(model_name="searchword", name="searchword_trigrams_gin"),
        migrations.AddIndex(
            model_name="searchword",
            index=models.Index(
                fields=["word"], name="searchword_prefix", opclasses=["varchar_pattern_ops"]
            ),
        ),
        migrations.RunPython(fill_forms, migrations.RunPython.noop),
    ]
