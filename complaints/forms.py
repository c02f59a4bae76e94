"""Forms of the public complaint pages: intake, the secret that opens a complaint, the
citizen's additions and rating. Rules live in complaints.services; these only parse."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common import clock
from common.codes import CODE_ALPHABET
from common.images import InvalidPhoto, prepare_photo
from complaints.challenge import challenge_new, challenge_passed
from complaints.models import CODE_LENGTH, MAX_PHOTOS, Complaint
from complaints.selectors import public as selectors

IDENTITY_CHOICES = [
    (
        Complaint.Identity.ANONYMOUS,
        _(
            "Anonim — tanpa nama dan tanpa kontak. Tidak ada yang tahu siapa Anda, juga "
            "petugas MPP. Anda mengikuti pengaduan hanya dengan nomor pengaduan dan kode "
            "rahasia, dan tidak akan dihubungi."
        ),
    ),
    (
        Complaint.Identity.CONFIDENTIAL,
        _(
            "Rahasia — nama dan kontak Anda hanya diketahui petugas pengaduan MPP, untuk "
            "mengabari dan bertanya bila perlu. Instansi yang Anda adukan tidak pernah "
            "melihatnya."
        ),
    ),
]


class CategoryField(forms.ModelChoiceField):
    def label_from_instance(self, category):
        return (
            f"{category.name} — {category.description}" if category.description else category.name
        )


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS photos, each checked and re-encoded here (common.images): the form
    hands the service photos already fit to keep."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(required=False, **kwargs)

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data or []) if upload]
        if len(uploads) > MAX_PHOTOS:
            raise forms.ValidationError(
                _("Paling banyak %(count)d foto untuk satu pengaduan.") % {"count": MAX_PHOTOS}
            )
        prepared = []
        for upload in uploads:
            try:
                prepared.append(prepare_photo(upload))
            except InvalidPhoto as error:
                raise forms.ValidationError(f"{upload.name}: {error.message}") from error
        return prepared


class ComplaintForm(forms.Form):
    category = CategoryField(
        label=_("Jenis pengaduan"),
        queryset=selectors.intake_categories(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("Judul singkat"),
        max_length=150,
        help_text=_("Mis. Antrean KTP-el tidak dipanggil selama tiga jam."),
    )
    description = forms.CharField(
        label=_("Apa yang terjadi"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Ceritakan apa yang Anda alami, paling banyak 5.000 karakter. Jangan menulis NIK "
            "atau data pribadi orang lain."
        ),
    )
    happened_on = forms.DateField(
        label=_("Tanggal kejadian (opsional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    agency = forms.ModelChoiceField(
        label=_("Instansi yang diadukan (opsional)"),
        queryset=selectors.intake_agencies(),
        required=False,
        empty_label=_("— Tidak tahu atau bukan instansi —"),
    )
    service = forms.ChoiceField(label=_("Layanan (opsional)"), required=False)
    location = forms.ModelChoiceField(
        label=_("Lokasi (opsional)"),
        queryset=selectors.intake_locations(),
        required=False,
        empty_label=_("— Pilih lokasi —"),
    )
    place = forms.CharField(
        label=_("Tempat, loket atau ruang (opsional)"),
        max_length=120,
        required=False,
        help_text=_("Mis. loket 3, ruang tunggu lantai 1."),
    )
    photos = PhotosField(
        label=_("Foto (opsional)"),
        help_text=_(
            "Paling banyak 3 foto JPEG, PNG atau WebP, masing-masing paling besar 5 MB. Lokasi "
            "dan data kamera di dalam foto dihapus."
        ),
    )
    identity = forms.ChoiceField(
        label=_("Identitas Anda"), choices=IDENTITY_CHOICES, widget=forms.RadioSelect
    )
    name = forms.CharField(
        label=_("Nama (hanya untuk pengaduan rahasia)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Nomor ponsel (hanya untuk pengaduan rahasia)"),
        max_length=20,
        required=False,
        help_text=_("Nomor seluler Indonesia, mis. 0812 3456 7890."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email (hanya untuk pengaduan rahasia)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notify = forms.BooleanField(
        label=_(
            "Kabari saya lewat WhatsApp, SMS atau email bila pengaduan ini berpindah tahap atau "
            "dijawab. Pesan hanya memberi tahu ada kabar; isinya dibaca di halaman pengaduan."
        ),
        required=False,
    )
    # A field people do not see and programs fill in: a filled one is not a person.
    website = forms.CharField(label=_("Jangan diisi"), required=False)
    challenge_answer = forms.CharField(label=_("Pertanyaan keamanan"), required=False, max_length=3)

    def __init__(self, *args, challenge: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = self._service_choices()
        self.fields["happened_on"].widget.attrs["max"] = clock.today().isoformat()
        # Each showing of the form asks a new question: an answered one is spent.
        self.challenge = challenge_new() if challenge else None
        if self.challenge is None:
            del self.fields["challenge_answer"]

    @staticmethod
    def _service_choices():
        groups: dict[str, list[tuple[str, str]]] = {}
        for service in selectors.intake_services():
            groups.setdefault(service.agency.short_name, []).append(
                (service.reference, service.localized_name)
            )
        return [("", _("— Pilih layanan —")), *groups.items()]

    def clean_service(self):
        reference = self.cleaned_data["service"]
        if not reference:
            return None
        agency, _slash, slug = reference.partition("/")
        return selectors.intake_services().filter(agency__slug=agency, slug=slug).first()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Pengaduan tidak dapat dikirim. Muat ulang halaman ini lalu coba lagi.")
            )
        return cleaned

    def clean_challenge_answer(self):
        answer = self.cleaned_data["challenge_answer"]
        token = self.data.get("challenge_token", "")
        if not challenge_passed(token=token, answer=answer):
            raise forms.ValidationError(
                _(
                    "Jawaban pertanyaan keamanan salah atau sudah terpakai. Jawab pertanyaan "
                    "yang baru."
                )
            )
        return answer

    def submission(self) -> dict:
        """The keyword arguments of complaints.services.complaint_submit."""
        data = self.cleaned_data
        return {
            "category": data["category"],
            "subject": data["subject"],
            "description": data["description"],
            "happened_on": data["happened_on"],
            "agency": data["agency"],
            "service": data["service"],
            "location": data["location"],
            "place": data["place"],
            "identity": data["identity"],
            "name": data["name"],
            "phone": data["phone"],
            "email": data["email"],
            "photos": data["photos"],
            # Every channel that reaches the contact they gave: one yes on the form.
            "message_channels": list(settings.MESSAGE_CHANNELS) if data["notify"] else (),
        }


class CodeForm(forms.Form):
    nomor = forms.CharField(
        label=_("Nomor pengaduan"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_nomor(self):
        code = "".join(self.cleaned_data["nomor"].split()).replace("-", "").upper()
        if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
            raise forms.ValidationError(
                _("Nomor pengaduan terdiri dari 10 huruf dan angka, mis. K7M2Q9XA4B.")
            )
        return code


class SecretForm(forms.Form):
    secret = forms.CharField(
        label=_("Kode rahasia"),
        max_length=32,
        help_text=_("Kode 12 huruf dan angka yang Anda terima saat mengirim pengaduan."),
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class InformationForm(forms.Form):
    text = forms.CharField(
        label=_("Tambahan informasi"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Apa yang baru Anda ingat, atau jawaban atas pertanyaan petugas."),
    )


class RatingForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Apakah jawaban ini menyelesaikan pengaduan Anda?"),
        choices=[("1", _("Ya, saya puas")), ("0", _("Tidak, saya tidak puas"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Komentar (opsional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
