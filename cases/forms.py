"""Forms of case tracking: the citizen's lookup and messages, the counter's case outcome and
the back office; the rules stay in cases.services, whose refusals the views show on them."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from cases.models import Case
from cases.selectors import ALL, VIEWS
from common.codes import CODE_ALPHABET
from common.forms import PhoneField
from counters.booking.models import CODE_LENGTH
from notifications.forms import MessageChannelsField, OffersMessages
from services.models import LegalBasis, Service

Status = Case.Status
# The changes a selection of cases can take together: none needs more than a note.
BULK_STATUSES = (Status.IN_PROCESS, Status.READY, Status.HANDED_OVER, Status.SENT)


def _choices(statuses) -> list[tuple[str, str]]:
    return [(status, Status(status).label) for status in statuses]


class OutcomeFields(forms.Form):
    """What a status that carries more needs: the missing items of an incomplete file, the
    reason and legal basis of a refusal (the service's own, or written out)."""

    missing = forms.ModelMultipleChoiceField(
        label=_("Persyaratan yang kurang"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    missing_note = forms.CharField(
        label=_("Kekurangan lain"),
        max_length=300,
        required=False,
        help_text=_("Untuk berkas kurang: yang harus dibawa selain daftar di atas."),
    )
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    basis_choice = forms.ChoiceField(label=_("Dasar hukum (dari standar layanan)"), required=False)
    basis = forms.CharField(
        label=_("Dasar hukum lain / pasal"),
        max_length=300,
        required=False,
        help_text=_("Mis. pasal yang dilanggar; ditambahkan pada dasar hukum yang dipilih."),
    )

    def __init__(self, *args, service: Service, **kwargs):
        super().__init__(*args, **kwargs)
        with scopes_disabled():
            self.fields["missing"].queryset = service.requirements.order_by("order", "pk")
            titles = LegalBasis.objects.filter(service=service).values_list("title", flat=True)
            self.fields["basis_choice"].choices = [("", "—"), *((t, t) for t in titles)]
        if not self.fields["missing"].queryset.exists():
            del self.fields["missing"]

    def outcome(self) -> dict:
        data = self.cleaned_data
        basis = "; ".join(part for part in (data["basis_choice"], data["basis"].strip()) if part)
        return {
            "missing": [item.pk for item in data.get("missing") or ()],
            "missing_note": data["missing_note"],
            "reason": data["reason"],
            "basis": basis,
        }


class CitizenFields(OffersMessages):
    """The citizen of a new case: the lookup's second factor, and a number only with a yes."""

    nik_last4 = forms.RegexField(
        label=_("4 digit terakhir NIK pemohon"),
        regex=r"^[0-9]{4}$",
        error_messages={"invalid": _("Isi 4 angka terakhir NIK.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 4, "size": 4}
        ),
    )
    name = forms.CharField(label=_("Nama pemohon (opsional)"), max_length=120, required=False)
    phone = forms.CharField(
        label=_("Nomor ponsel (opsional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    notify = MessageChannelsField(
        label=_("Pemohon setuju menerima pesan tentang berkas ini lewat"),
        help_text=_("Nomor ponsel hanya disimpan bila pemohon setuju."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "notify" not in self.fields:
            # No phone channel is sent on here: a number could never be used.
            del self.fields["phone"]

    def citizen(self) -> dict:
        data = self.cleaned_data
        return {
            "nik_last4": data["nik_last4"],
            "name": data["name"],
            "phone": data.get("phone", ""),
            "channels": data.get("notify", []),
        }


class CounterOutcomeForm(OutcomeFields, CitizenFields):
    status = forms.ChoiceField(
        label=_("Hasil kunjungan"),
        choices=_choices(Case.OPENING),
        widget=forms.RadioSelect,
        initial=Status.IN_PROCESS,
    )
    field_order = ["status", "missing", "missing_note", "reason", "basis_choice", "basis"]


class OpenCaseForm(OutcomeFields, CitizenFields):
    """A case the back office opens itself, from a booking or with no visit."""

    booking = forms.CharField(
        label=_("Kode reservasi (opsional)"),
        max_length=12,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    status = forms.ChoiceField(
        label=_("Status awal"), choices=_choices(Case.OPENING), initial=Status.IN_PROCESS
    )
    reference = forms.CharField(label=_("Nomor registrasi instansi"), max_length=80, required=False)
    note = forms.CharField(label=_("Keterangan untuk pemohon"), max_length=2000, required=False)
    field_order = ["booking", "status"]

    def clean_booking(self):
        code = "".join(self.cleaned_data["booking"].split()).replace("-", "").upper()
        if code and (len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET)):
            raise forms.ValidationError(_("Kode reservasi tidak dikenal."))
        return code


class StatusForm(OutcomeFields):
    """A case's next status, among those its current one allows."""

    prefix = "status"

    status = forms.ChoiceField(label=_("Status baru"))
    note = forms.CharField(
        label=_("Keterangan untuk pemohon"),
        max_length=2000,
        required=False,
        help_text=_("Tampil di halaman lacak berkas; catatan internal ditulis di bawah."),
    )
    pickup_location = forms.ModelChoiceField(
        label=_("Tempat pengambilan"), queryset=None, required=False
    )
    pickup_note = forms.CharField(
        label=_("Keterangan pengambilan"),
        max_length=300,
        required=False,
        help_text=_("Untuk siap diambil: loket, jam, yang harus dibawa."),
    )
    field_order = ["status", "note"]

    def __init__(self, *args, case: Case, locations, **kwargs):
        super().__init__(*args, service=case.service, **kwargs)
        self.fields["status"].choices = _choices(Case.TRANSITIONS[case.status])
        self.fields["pickup_location"].queryset = locations


class AssignForm(forms.Form):
    prefix = "tugas"
    assignee = forms.ModelChoiceField(
        label=_("Petugas"), queryset=None, required=False, empty_label=_("Belum ditugaskan")
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff


class NoteForm(forms.Form):
    prefix = "catatan"
    note = forms.CharField(
        label=_("Catatan internal"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DetailsForm(forms.Form):
    prefix = "rincian"
    holder_unit = forms.CharField(
        label=_("Unit yang memegang berkas"), max_length=120, required=False
    )
    reference = forms.CharField(label=_("Nomor registrasi instansi"), max_length=80, required=False)


class TransferForm(forms.Form):
    prefix = "alih"
    service = forms.ModelChoiceField(label=_("Layanan tujuan"), queryset=None)
    note = forms.CharField(label=_("Alasan pengalihan"), max_length=2000)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda s: f"{s.agency.short_name} — {s.name}"


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Masih berjalan")), *Status.choices, (ALL, _("Semua"))],
    )
    lihat = forms.ChoiceField(
        label=_("Daftar"), required=False, choices=[("", _("Semua")), *VIEWS.items()]
    )
    q = forms.CharField(label=_("Kode lacak / nomor registrasi"), max_length=80, required=False)


class BulkStatusForm(forms.Form):
    prefix = "massal"
    cases = forms.MultipleChoiceField(label=_("Berkas"))
    status = forms.ChoiceField(label=_("Ubah status yang dipilih menjadi"))
    note = forms.CharField(label=_("Keterangan untuk pemohon"), max_length=2000, required=False)

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].choices = [(code, code) for code in codes]
        self.fields["cases"].error_messages["required"] = _("Pilih berkas yang akan diubah.")
        self.fields["status"].choices = _choices(BULK_STATUSES)


# Longer than any tracking code written with spaces or hyphens between its letters.
CODE_INPUT_LENGTH = 30


class NikLast4Field(forms.CharField):
    """The lookup's second factor: four digits, never sent in a URL."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("4 digit terakhir NIK"),
            max_length=8,
            help_text=_("Empat angka terakhir NIK pemohon, sesuai KTP-el."),
            **kwargs,
        )
        self.widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "pattern": r"[0-9 ]*"}
        )

    def clean(self, value):
        digits = "".join((super().clean(value) or "").split())
        if not re.fullmatch(r"[0-9]{4}", digits):
            raise forms.ValidationError(_("Isi tepat 4 angka terakhir NIK."))
        return digits


class CaseLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Kode lacak berkas"),
        max_length=CODE_INPUT_LENGTH,
        help_text=_("Tercetak pada tanda terima dari loket, mis. 7KQ2M9XD4T."),
    )
    nik_last4 = NikLast4Field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )


class CaseDigitsForm(forms.Form):
    nik_last4 = NikLast4Field()


class CaseMessagesForm(OffersMessages):
    phone = PhoneField()
    notify = MessageChannelsField(
        help_text=_(
            "Pesan setiap kali status berkas ini berubah. Bisa dihentikan kapan saja di "
            "halaman ini atau dengan membalas STOP."
        )
    )

    def clean_notify(self):
        if not self.cleaned_data["notify"]:
            raise forms.ValidationError(_("Pilih paling sedikit satu kanal."))
        return self.cleaned_data["notify"]
