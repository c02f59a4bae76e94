"""The SKM survey answers (PermenPAN-RB 14/2017), one per finished ticket."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from counters.queue.models import Counter, Ticket
from services.models import Agency, Location, Service

# The nine elements (unsur) in the regulation's order, with their field names.
ELEMENTS = (
    ("u1_requirements", _("Persyaratan")),
    ("u2_procedure", _("Sistem, mekanisme dan prosedur")),
    ("u3_duration", _("Waktu penyelesaian")),
    ("u4_cost", _("Biaya/tarif")),
    ("u5_product", _("Produk spesifikasi jenis pelayanan")),
    ("u6_competence", _("Kompetensi pelaksana")),
    ("u7_behaviour", _("Perilaku pelaksana")),
    ("u8_complaints", _("Penanganan pengaduan, saran dan masukan")),
    ("u9_facilities", _("Sarana dan prasarana")),
)
ELEMENT_FIELDS = tuple(name for name, _label in ELEMENTS)


def _answer(label):
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class SurveyResponse(models.Model):
    """An anonymous SKM answer, tied to its ticket so that it cannot be repeated."""

    class Sex(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class Education(models.TextChoices):
        SD = "sd", _("SD")
        SMP = "smp", _("SMP")
        SMA = "sma", _("SMA")
        DIPLOMA = "d1_d3", _("D1–D3")
        BACHELOR = "d4_s1", _("D4/S1")
        GRADUATE = "s2_plus", _("S2 ke atas")

    class Occupation(models.TextChoices):
        CIVIL_SERVANT = "pns", _("PNS")
        MILITARY_POLICE = "tni_polri", _("TNI/Polri")
        PRIVATE = "swasta", _("Pegawai swasta")
        ENTREPRENEUR = "wirausaha", _("Wirausaha")
        STUDENT = "pelajar", _("Pelajar/mahasiswa")
        OTHER = "lainnya", _("Lainnya")

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, related_name="survey", verbose_name=_("tiket")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("instansi"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("layanan"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("lokasi"),
    )
    counter = models.ForeignKey(
        Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    day = models.DateField(_("tanggal layanan (WITA)"))
    submitted_at = models.DateTimeField(_("diisi"), auto_now_add=True)
    u1_requirements = _answer(ELEMENTS[0][1])
    u2_procedure = _answer(ELEMENTS[1][1])
    u3_duration = _answer(ELEMENTS[2][1])
    u4_cost = _answer(ELEMENTS[3][1])
    u5_product = _answer(ELEMENTS[4][1])
    u6_competence = _answer(ELEMENTS[5][1])
    u7_behaviour = _answer(ELEMENTS[6][1])
    u8_complaints = _answer(ELEMENTS[7][1])
    u9_facilities = _answer(ELEMENTS[8][1])
    age = models.PositiveSmallIntegerField(
        _("umur"), validators=[MinValueValidator(10), MaxValueValidator(110)]
    )
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices)
    education = models.CharField(_("pendidikan"), max_length=8, choices=Education.choices)
    occupation = models.CharField(_("pekerjaan"), max_length=12, choices=Occupation.choices)
    suggestion = models.TextField(_("saran"), max_length=1000, blank=True)

    objects = ScopedManager(agency="agency")

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 4}),
                name=f"survey_{name}_1_to_4",
            )
            for name in ELEMENT_FIELDS
        ] + [
            models.CheckConstraint(condition=Q(age__gte=10, age__lte=110), name="survey_age_range"),
        ]
        indexes = [models.Index(fields=["agency", "day"], name="survey_agency_day")]

    def __str__(self) -> str:
        return f"SKM {self.ticket_id}"

    @property
    def answers(self) -> list[int]:
        return [getattr(self, name) for name in ELEMENT_FIELDS]
