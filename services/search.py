"""Catalog search: query parsing, synonyms, typo correction and ranking.

PostgreSQL full-text search with the built-in `indonesian` configuration does the matching
and ranking; the English texts an agency gave are in the same vector through the `english`
configuration, and every word of the query is looked up in both languages, whichever
language the visitor reads. Each service's vector also holds unstemmed `simple` lexemes so
that partial words match by prefix. Typos are corrected against a vocabulary of the
catalog's own words in both languages (`SearchWord`): its indexes find the few words within
reach of a typo (`SearchWordForm`), which Python ranks by edit distance. The synonyms are
reference data (read again after a catalog change); a search costs two queries: the
vocabulary, and the results with their count.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import add, or_

from django.contrib.postgres.search import (
    SearchConfig,
    SearchQuery,
    SearchQueryField,
    SearchRank,
)
from django.db.models import (
    BooleanField,
    Case,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from counters.queue.selectors.reference import cached_reference
from services.models import SearchSynonym, SearchWord, SearchWordForm, in_english

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
MIN_PREFIX_LENGTH = 3
MIN_TYPO_LENGTH = 4
MAX_TYPOS = 2
HIGHLIGHT_START, HIGHLIGHT_STOP = "\u27e6", "\u27e7"

# Filler words of everyday questions ("syarat bikin ktp", "cara urus akta", "how to get a
# passport") that say nothing about which service is meant.
FILLER_WORDS = frozenset(
    [
        "a",
        "an",
        "do",
        "get",
        "how",
        "i",
        "my",
        "need",
        "requirements",
        "the",
        "to",
        "what",
        "apa",
        "apakah",
        "bagaimana",
        "bikin",
        "buat",
        "cara",
        "dan",
        "dengan",
        "di",
        "gimana",
        "hendak",
        "ingin",
        "ke",
        "mau",
        "mengurus",
        "saya",
        "syarat",
        "syaratnya",
        "persyaratan",
        "untuk",
        "urus",
        "yang",
    ]
)


def normalize(text: str) -> str:
    """Lowercase ASCII words separated by single spaces; everything else is dropped."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUERY_LENGTH])
    text = text.encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def trigrams(word: str) -> list[str]:
    padded = f"^{word}$"
    return sorted({padded[i : i + 3] for i in range(len(padded) - 2)})


def edit_distance(a: str, b: str, *, limit: int | None = None) -> int:
    """Damerau–Levenshtein (optimal string alignment): a swap of neighbours costs one.
    With a limit, any distance beyond it is limit + 1; a cell farther than the limit from
    the diagonal is beyond it, so only the band along the diagonal is computed."""
    if limit is None:
        limit = max(len(a), len(b))
    beyond = limit + 1
    if abs(len(a) - len(b)) > limit:
        return beyond
    previous2: list[int] = []
    previous = [min(j, beyond) for j in range(len(b) + 1)]
    for i, char_a in enumerate(a, start=1):
        current = [beyond] * (len(b) + 1)
        current[0] = min(i, beyond)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            char_b = b[j - 1]
            cost = 0 if char_a == char_b else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current[j] = min(value, beyond)
        previous2, previous = previous, current
    return previous[-1]


def max_typos(word: str) -> int:
    return 1 if len(word) < 7 else MAX_TYPOS


def deletions(word: str, *, count: int) -> list[str]:
    """The word with up to `count` of its letters left out, itself included. Two words
    within `count` edits of each other (a swap of neighbours included) share one of these,
    as each edit leaves out at most one letter on either side."""
    forms = {word}
    fewer = {word}
    for _ in range(count):
        fewer = {form[:i] + form[i + 1 :] for form in fewer for i in range(len(form))}
        forms |= fewer
    return sorted(forms)


@dataclass
class ParsedQuery:
    """The citizen's query turned into clauses; a service ranks higher the more clauses it
    matches. `corrections` maps a misspelt word to the catalog word searched instead."""

    text: str
    clauses: list[SearchQuery] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def corrected_text(self) -> str:
        return " ".join(self.corrections.get(word, word) for word in self.text.split())


def word_clause(word: str, *, prefix: bool) -> SearchQuery:
    """The word as an Indonesian or English stem, or as the start of an unstemmed word."""
    clause = SearchQuery(word, search_type="raw", config="indonesian") | SearchQuery(
        word, search_type="raw", config="english"
    )
    if prefix and len(word) >= MIN_PREFIX_LENGTH:
        clause = clause | SearchQuery(f"{word}:*", search_type="raw", config="simple")
    return clause


def phrase_clause(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="plain", config="indonesian") | SearchQuery(
        text, search_type="plain", config="english"
    )


def search_synonyms() -> list[tuple[str, str, str]]:
    """(term as normalized, term, expansion) of every synonym, longest term first: reference
    data, read again after a catalog change (the synonym admin makes one)."""

    def load():
        synonyms = sorted(
            SearchSynonym.objects.values_list("term", "expansion"), key=lambda row: -len(row[0])
        )
        return [(normalize(term), term, expansion) for term, expansion in synonyms]

    return cached_reference("ref:search-synonyms", load)


def apply_synonyms(text: str) -> tuple[list[SearchQuery], list[str]]:
    """Clauses for the synonym terms found in the query, longest first, and the words left."""
    clauses = []
    remaining = f" {text} "
    for normalized, term, expansion in search_synonyms():
        needle = f" {normalized} "
        if normalized and needle in remaining:
            remaining = remaining.replace(needle, " ")
            clauses.append(phrase_clause(expansion) | phrase_clause(term))
    return clauses, remaining.split()


def correct_words(words: list[str]) -> dict[str, str]:
    """Typo corrections for words the catalog knows neither whole nor as a prefix. One query
    over the vocabulary's indexes finds the words that start with a word of the query and
    those within reach of a typo (they share a form with letters left out); of those that
    share a trigram with the query, the nearest by edit distance wins, then the one in more
    services, then the one sharing more trigrams with the word."""
    typo_candidates = [word for word in words if len(word) >= MIN_TYPO_LENGTH]
    if not typo_candidates:
        return {}
    forms = sorted(
        {form for word in typo_candidates for form in deletions(word, count=max_typos(word))}
    )
    columns = ("word", "trigrams", "document_count")
    within_reach = SearchWord.objects.filter(
        id__in=SearchWordForm.objects.filter(form__in=forms).values("word_id")
    ).values_list(*columns)
    starting = SearchWord.objects.filter(
        reduce(or_, (Q(word__startswith=word) for word in typo_candidates))
    ).values_list(*columns)
    grams = {gram for word in typo_candidates for gram in trigrams(word)}
    shortest = min(len(word) for word in typo_candidates)
    vocabulary = [
        (entry, set(entry_grams), count)
        for entry, entry_grams, count in within_reach.union(starting, all=True)
        if len(entry) >= shortest - 2 and not grams.isdisjoint(entry_grams)
    ]
    corrections = {}
    for word in typo_candidates:
        if any(entry.startswith(word) for entry, _grams, _count in vocabulary):
            continue
        limit = max_typos(word)
        own = set(trigrams(word))
        near = [
            (distance, -count, -len(own & entry_grams), entry)
            for entry, entry_grams, count in vocabulary
            if (distance := edit_distance(word, entry, limit=limit)) <= limit
        ]
        if near:
            corrections[word] = min(near)[3]
    return corrections


def parse_query(raw: str) -> ParsedQuery:
    text = normalize(raw or "")
    parsed = ParsedQuery(text=text)
    if not text:
        return parsed
    clauses, words = apply_synonyms(text)
    meaningful = [word for word in words if word not in FILLER_WORDS]
    if not meaningful and not clauses:
        meaningful = words
    words = list(dict.fromkeys(meaningful))[:MAX_TERMS]
    parsed.corrections = correct_words(words)
    for word in words:
        if word in parsed.corrections:
            clauses.append(word_clause(parsed.corrections[word], prefix=False))
        elif len(word) > 1 or word.isdigit():
            clauses.append(word_clause(word, prefix=True))
    parsed.clauses = clauses[:MAX_TERMS]
    return parsed


class Matches(Func):
    """Whether a search vector matches a search query (`vector @@ query`)."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def compiled(clauses: list[SearchQuery], services: QuerySet) -> tuple[list[RawSQL], RawSQL]:
    """The SQL of each clause and of all of them (any clause matches), made once: the search
    names the same queries in its filter, in the count of clauses matched, in the rank and
    in each headline."""
    compiler = services.query.get_compiler(using=services.db)
    # Django's own SQL of each clause, the citizen's words in its parameters.
    parts = [compiler.compile(clause.resolve_expression(services.query)) for clause in clauses]
    each = [RawSQL(sql, params, output_field=SearchQueryField()) for sql, params in parts]  # noqa: S611
    combined = RawSQL(  # noqa: S611
        " || ".join(f"({sql})" for sql, _params in parts),
        [param for _sql, params in parts for param in params],
        output_field=SearchQueryField(),
    )
    return each, combined


# The options of ts_headline: every match marked (see services.templatetags.catalog).
HEADLINE_OPTIONS = f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_STOP}, HighlightAll=true"


def headline(field: str, query: RawSQL) -> Func | Case:
    """The field's text as shown to this visitor (see services.models.Localized), with the
    query's words marked."""

    def marked(text_field: str, config: str) -> Func:
        return Func(
            SearchConfig(config),
            F(text_field),
            query,
            Value(HEADLINE_OPTIONS),
            function="ts_headline",
            output_field=TextField(),
        )

    indonesian = marked(field, "indonesian")
    if not in_english():
        return indonesian
    english = marked(f"{field}_en", "english")
    return Case(When(**{f"{field}_en": ""}, then=indonesian), default=english)


def search_services(services: QuerySet, parsed: ParsedQuery) -> QuerySet:
    """Services matching at least one clause: most clauses matched first, then by rank
    (name weighs more than summary, which weighs more than requirements and description)."""
    vector = F("search_vector")
    each, combined = compiled(parsed.clauses, services)
    hits = reduce(add, (Cast(Matches(vector, clause), IntegerField()) for clause in each))
    return (
        services.filter(Matches(vector, combined))
        .annotate(
            hits=hits,
            rank=SearchRank(vector, combined),
            name_highlight=headline("name", combined),
            summary_highlight=headline("summary", combined),
        )
        .order_by("-hits", "-rank", "agency__order", "order", "name")
    )
