"""Writes of the service catalog (search index upkeep, page-view counting) and API tokens."""

from collections.abc import Iterable
from functools import reduce
from operator import add

from django.contrib.postgres.search import SearchVector
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F, QuerySet, TextField, Value
from django_scopes import scopes_disabled

from common import clock
from services.api_auth import token_cache_key
from services.caching import catalog_changed
from services.models import ApiToken, SearchWord, SearchWordForm, Service
from services.search import MAX_TYPOS, deletions


def _weighted_texts(service: Service) -> dict[str, dict[str, str]]:
    """The service's texts by language (the text search configuration that stems them) and
    search weight: A name, B summary, C requirements and description, D procedure and legal
    bases. English texts are the ones the agency gave beside the Indonesian ones."""
    requirements = service.requirements.all()
    steps = service.steps.all()
    return {
        "indonesian": {
            "A": " ".join([service.name, service.keywords]),
            "B": " ".join([service.summary, service.category, service.product]),
            "C": " ".join([service.description, *(item.text for item in requirements)]),
            "D": " ".join(
                [
                    service.online_name,
                    *(step.text for step in steps),
                    *(basis.title for basis in service.legal_bases.all()),
                ]
            ),
        },
        "english": {
            "A": service.name_en,
            "B": " ".join([service.summary_en, service.category_en, service.product_en]),
            "C": " ".join([service.description_en, *(item.text_en for item in requirements)]),
            "D": " ".join(step.text_en for step in steps),
        },
    }


def _search_vector(texts: dict[str, dict[str, str]]) -> SearchVector:
    # Each text also unstemmed (`simple`), so that the start of any word finds it.
    vectors = [
        SearchVector(Value(text, output_field=TextField()), config=config, weight=weight)
        for language, weighted in texts.items()
        for weight, text in weighted.items()
        if text.strip()
        for config in (language, "simple")
    ]
    return reduce(add, vectors)


def services_reindex(*, services: Iterable[Service]) -> None:
    """Recompute the search vectors of these services (after they or their requirements,
    steps or legal bases changed), then the typo vocabulary."""
    with transaction.atomic(), scopes_disabled():
        for service in services:
            texts = _weighted_texts(service)
            every_text = (text for weighted in texts.values() for text in weighted.values())
            Service.objects.filter(pk=service.pk).update(
                search_text=" ".join(every_text), search_vector=_search_vector(texts)
            )
        search_vocabulary_rebuild()
    catalog_changed()


def search_vocabulary_rebuild() -> None:
    """The vocabulary of typo correction: every ASCII word of the catalog's texts with its
    trigrams (the same padding as services.search.trigrams), its document count and its
    forms with letters left out (services.search.deletions)."""
    word_table = SearchWord._meta.db_table
    form_table = SearchWordForm._meta.db_table
    service_table = Service._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Two rebuilds at once would insert the same words twice; readers are not blocked.
        cursor.execute(f"LOCK TABLE {word_table} IN SHARE ROW EXCLUSIVE MODE")  # noqa: S608
        cursor.execute(f"DELETE FROM {form_table}")  # noqa: S608
        cursor.execute(f"DELETE FROM {word_table}")  # noqa: S608
        cursor.execute(
            f"""
            INSERT INTO {word_table} (word, trigrams, document_count)
            SELECT word,
                   ARRAY(SELECT DISTINCT substr('^' || word || '$', i, 3)
                         FROM generate_series(1, char_length(word)) AS i),
                   ndoc
            FROM ts_stat('SELECT to_tsvector(''simple'', search_text) FROM {service_table}')
            WHERE word ~ '^[a-z0-9]+$' AND char_length(word) BETWEEN 3 AND 60
            RETURNING id, word
            """  # noqa: S608
        )
        # In the order of their index, which makes the insert cheaper.
        forms = sorted(
            (form, word_id)
            for word_id, word in cursor.fetchall()
            for form in deletions(word, count=MAX_TYPOS)
        )
        cursor.execute(
            f"""
            INSERT INTO {form_table} (form, word_id)
            SELECT * FROM unnest(%s::varchar[], %s::bigint[])
            """,  # noqa: S608
            [[form for form, _word_id in forms], [word_id for _form, word_id in forms]],
        )


VIEWS_PER_WRITE = 20


def service_record_view(*, agency_slug: str, service_slug: str) -> None:
    """Count a visit of the public page (the most viewed services are shown first): in the
    shared cache, written to the database once every VIEWS_PER_WRITE visits, so that a
    popular page costs no database write per visit."""
    key = f"service-views:{agency_slug}/{service_slug}"
    try:
        views = cache.incr(key)
    except ValueError:  # the first visit since the key was made or evicted
        cache.add(key, 1, None)
        return
    if views % VIEWS_PER_WRITE == 0:
        with scopes_disabled():
            Service.objects.filter(
                agency__slug=agency_slug, slug=service_slug, is_active=True
            ).update(view_count=F("view_count") + VIEWS_PER_WRITE)


def api_tokens_revoke(tokens: QuerySet[ApiToken]) -> int:
    """Revoke the live tokens among `tokens`, at once on every app node."""
    live = tokens.filter(revoked_at__isnull=True)
    hashes = list(live.values_list("key_hash", flat=True))
    count = live.update(revoked_at=clock.now())
    cache.delete_many([token_cache_key(key_hash) for key_hash in hashes])
    return count
