"""The SKM questionnaire: the regulation's questions, answer labels and the web form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.validators import normalize_phone
from counters.survey.models import ELEMENT_FIELDS, SurveyResponse

# PermenPAN-RB 14/2017, lampiran: one question and four answer labels (1..4) per element.
QUESTIONS = (
    (
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan "
            "dengan jenis pelayanannya?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    (
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    (
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    (
        _(
            "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
            "tercantum dalam standar pelayanan dengan hasil yang diberikan?"
        ),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    (
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    (
        _(
            "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
            "kesopanan dan keramahan?"
        ),
        (
            _("Tidak sopan dan ramah"),
            _("Kurang sopan dan ramah"),
            _("Sopan dan ramah"),
            _("Sangat sopan dan ramah"),
        ),
    ),
    (
        _("Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
        (
            _("Tidak ada"),
            _("Ada tetapi tidak berfungsi"),
            _("Berfungsi kurang maksimal"),
            _("Dikelola dengan baik"),
        ),
    ),
    (
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
)


class SurveyForm(forms.Form):
    age = forms.IntegerField(label=_("Umur"), min_value=10, max_value=110)
    sex = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=SurveyResponse.Sex.choices, widget=forms.RadioSelect
    )
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=SurveyResponse.Education.choices
    )
    occupation = forms.ChoiceField(label=_("Pekerjaan"), choices=SurveyResponse.Occupation.choices)
    suggestion = forms.CharField(
        label=_("Saran dan masukan (boleh dikosongkan)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_phone = forms.CharField(
        label=_("Nomor ponsel untuk balasan (boleh dikosongkan)"),
        required=False,
        max_length=20,
        help_text=_("Nomor seluler Indonesia, mis. 0812 3456 7890."),
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "class": "form-control"}
        ),
    )
    contact_email = forms.EmailField(
        label=_("Email untuk balasan (boleh dikosongkan)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "class": "form-control"}),
    )
    contact_consent = forms.BooleanField(
        label=_(
            "Saya setuju nomor ponsel atau email ini dipakai hanya untuk membalas saran saya "
            "(WhatsApp, SMS atau email), sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data "
            "Pribadi. Kontak dihapus setelah saran ditangani."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (question, labels) in zip(ELEMENT_FIELDS, QUESTIONS, strict=True):
            self.fields[name] = forms.TypedChoiceField(
                label=question,
                choices=[(i, label) for i, label in enumerate(labels, start=1)],
                coerce=int,
                widget=forms.RadioSelect,
            )

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"]
        return normalize_phone(phone) if phone.strip() else ""

    def contact(self) -> dict:
        """The keyword arguments of survey_submit about the contact left for a reply: on
        every channel that reaches it, by the one yes on the form."""
        data = self.cleaned_data
        return {
            "contact_phone": data["contact_phone"],
            "contact_email": data["contact_email"],
            "message_channels": list(settings.MESSAGE_CHANNELS) if data["contact_consent"] else (),
        }

    def element_fields(self):
        return [self[name] for name in ELEMENT_FIELDS]

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in ELEMENT_FIELDS]


class StationEntryForm(forms.Form):
    """What the exit station read from a slip: the QR's address, or the typed number."""

    entry = forms.CharField(
        label=_("Nomor antrian"),
        max_length=300,
        help_text=_("Ketik nomor pada slip Anda, mis. A-001, atau pindai kode QR-nya."),
    )
