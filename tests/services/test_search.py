"""Indonesian catalog search: parsing, typo correction, synonyms and ranking quality."""

import pytest
from django_scopes import scopes_disabled
from hypothesis import assume, given
from hypothesis import strategies as st

from services import selectors
from services.models import SearchWord
from services.search import (
    MAX_TYPOS,
    deletions,
    edit_distance,
    normalize,
    parse_query,
    trigrams,
)
from services.services import services_reindex
from tests.factories import ServiceFactory

# What citizens type (typos, everyday words, partial words) and the service that must be
# among the first three results.
CITIZEN_QUERIES = [
    ("ktp", "dukcapil/ktp-el"),
    ("e-ktp", "dukcapil/ktp-el"),
    ("ektp", "dukcapil/ktp-el"),
    ("syarat bikin ktp", "dukcapil/ktp-el"),
    ("ktp hilang", "dukcapil/ktp-el"),
    ("kk", "dukcapil/kartu-keluarga"),
    ("kartu kelurga", "dukcapil/kartu-keluarga"),
    ("kartu kluarga", "dukcapil/kartu-keluarga"),
    ("akte lahir", "dukcapil/akta-kelahiran"),
    ("akta kelahrian", "dukcapil/akta-kelahiran"),
    ("kelahi", "dukcapil/akta-kelahiran"),
    ("cara urus akta anak", "dukcapil/akta-kelahiran"),
    ("akte kematian", "dukcapil/akta-kematian"),
    ("surat pindah", "dukcapil/surat-pindah"),
    ("pindah domisili", "dukcapil/surat-pindah"),
    ("kartu anak", "dukcapil/kartu-identitas-anak"),
    ("akte nikah", "dukcapil/akta-perkawinan"),
    ("cerai", "dukcapil/akta-perceraian"),
    ("izin usaha", "dpmptsp/nib"),
    ("nib", "dpmptsp/nib"),
    ("imb", "dpmptsp/pbg"),
    ("izin bangun rumah", "dpmptsp/pbg"),
    ("sip dokter", "dpmptsp/sip-dokter"),
    ("pajak motor", "samsat/pkb-tahunan"),
    ("perpanjang stnk", "samsat/pkb-lima-tahunan"),
    ("ganti plat", "samsat/pkb-lima-tahunan"),
    ("balik nama motor", "samsat/balik-nama"),
    ("bpjs", "bpjs-kesehatan/pendaftaran-peserta-mandiri"),
    ("daftar bpjs", "bpjs-kesehatan/pendaftaran-peserta-mandiri"),
    ("ganti faskes", "bpjs-kesehatan/pindah-faskes"),
    ("skck", "polres/skck-baru"),
    ("surat kelakuan baik", "polres/skck-baru"),
    ("pasport", "imigrasi/paspor-baru"),
    ("paspr hilang", "imigrasi/paspor-hilang-rusak"),
    ("npwp", "kpp-pratama/npwp-orang-pribadi"),
    ("lapor spt", "kpp-pratama/spt-tahunan"),
    ("buka rekening", "bank-kaltimtara/pembukaan-rekening"),
    ("pajak rumah", "bank-kaltimtara/pembayaran-pbb"),
]


def top_three(query: str) -> list[str]:
    _parsed, services = selectors.service_search(query=query)
    return [service.reference for service in services[:3]]


def test_citizen_queries_find_the_right_service_in_the_top_three(demo_catalog):
    assert len(CITIZEN_QUERIES) >= 25
    misses = {
        query: found
        for query, expected in CITIZEN_QUERIES
        if expected not in (found := top_three(query))
    }
    assert misses == {}


def test_exact_service_name_ranks_first(demo_catalog):
    assert top_three("akta kelahiran")[0] == "dukcapil/akta-kelahiran"
    assert top_three("kartu keluarga")[0] == "dukcapil/kartu-keluarga"


def test_a_misspelt_word_is_corrected_to_a_catalog_word(demo_catalog):
    parsed = parse_query("akta kelahrian")
    assert parsed.corrections == {"kelahrian": "kelahiran"}
    assert parsed.corrected_text == "akta kelahiran"


def test_a_word_that_starts_a_catalog_word_is_kept_as_a_prefix(demo_catalog):
    assert parse_query("kelahi").corrections == {}


def test_a_synonym_added_by_the_mall_admin_changes_the_results(client, mall_admin, demo_catalog):
    assert top_three("bocah") == []
    client.force_login(mall_admin)
    client.post(
        "/admin/services/searchsynonym/add/", {"term": "bocah", "expansion": "identitas anak"}
    )
    assert top_three("bocah")[0] == "dukcapil/kartu-identitas-anak"


def test_a_search_costs_the_vocabulary_and_the_results_once_synonyms_are_read(
    demo_catalog, django_assert_num_queries
):
    with django_assert_num_queries(3):
        top_three("kartu kelurga")
    with django_assert_num_queries(2):
        top_three("akta kelahrian")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "'; DROP TABLE services_service; --",
        "a & b | !c:* (d",
        "\x00\x01\x02",
        "<script>alert(1)</script>",
        "ktp " * 500,
        "😀🙏 ñandú Ümlaut",
        "a b c d e f g h i j k l m n o p",
    ],
)
def test_hostile_or_odd_queries_never_raise(demo_catalog, query):
    _parsed, services = selectors.service_search(query=query)
    assert isinstance(len(list(services[:20])), int)


def test_an_empty_query_lists_every_active_service(demo_catalog):
    parsed, services = selectors.service_search(query="")
    assert parsed.is_empty
    assert services.count() == len(demo_catalog)


def test_inactive_services_are_not_found(agency_a, no_scope):
    service = ServiceFactory(agency=agency_a, name="Legalisir Dokumen Uji", is_active=False)
    services_reindex(services=[service])
    assert top_three("legalisir") == []


def test_reindex_builds_the_typo_vocabulary_from_service_texts(agency_a, no_scope):
    service = ServiceFactory(agency=agency_a, name="Rekomendasi Tambang Galian")
    services_reindex(services=[service])
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"rekomendasi", "tambang", "galian"} <= words
    galian = SearchWord.objects.get(word="galian")
    assert set(galian.trigrams) == set(trigrams("galian"))
    assert sorted(galian.forms.values_list("form", flat=True)) == deletions(
        "galian", count=MAX_TYPOS
    )


def test_normalize_keeps_only_plain_lowercase_words():
    assert normalize("  E-KTP!!  Akte  ") == "e ktp akte"
    assert normalize("Ümlaut") == "umlaut"
    assert len(normalize("x" * 1000)) == 100


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("akta", "akta", 0),
        ("akte", "akta", 1),
        ("kelahrian", "kelahiran", 1),
        ("paspr", "paspor", 1),
        ("skck", "npwp", 4),
    ],
)
def test_edit_distance_counts_a_swap_of_neighbours_as_one(a, b, distance):
    assert edit_distance(a, b) == distance


@given(
    a=st.text(alphabet="aeiklnrst", max_size=12),
    b=st.text(alphabet="aeiklnrst", max_size=12),
    limit=st.integers(min_value=0, max_value=3),
)
def test_a_limited_edit_distance_is_exact_within_the_limit_and_one_more_beyond(a, b, limit):
    assert edit_distance(a, b, limit=limit) == min(edit_distance(a, b), limit + 1)


def typed(word: str, edits: list[tuple[str, int, str]]) -> str:
    for kind, at, letter in edits:
        at %= len(word) + 1
        if kind == "insert":
            word = word[:at] + letter + word[at:]
        elif kind == "delete":
            word = word[:at] + word[at + 1 :]
        elif kind == "substitute":
            word = word[:at] + letter + word[at + 1 :]
        else:
            word = word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :]
    return word


@given(
    word=st.text(alphabet="aeiklnrst", min_size=1, max_size=10),
    edits=st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "substitute", "swap"]),
            st.integers(min_value=0, max_value=10),
            st.sampled_from("aeiklnrst"),
        ),
        max_size=MAX_TYPOS,
    ),
)
def test_words_within_reach_of_a_typo_share_a_form_with_letters_left_out(word, edits):
    """What lets the vocabulary's index find every word a typo could be corrected to."""
    typo = typed(word, edits)
    distance = edit_distance(word, typo)
    assume(typo and distance <= MAX_TYPOS)
    assert set(deletions(word, count=MAX_TYPOS)) & set(deletions(typo, count=distance))


def test_a_word_two_typos_away_is_corrected(demo_catalog):
    assert parse_query("kelhiarn").corrections == {"kelhiarn": "kelahiran"}


def test_services_of_one_agency_can_be_searched_alone(demo_catalog):
    with scopes_disabled():
        _parsed, services = selectors.service_search(query="akta", agency_slug="samsat")
        assert list(services) == []
