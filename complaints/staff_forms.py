"""Forms of the staff pages of complaints: the inbox filters and each step's input."""

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.models import Complaint, ComplaintCategory
from complaints.selectors.staff import InboxFilter
from services.models import Agency

# Suggestions for "archived, for another body": the complaint's own text may name another.
OUTSIDE_BODIES = (
    "Ombudsman RI Perwakilan Kalimantan Timur",
    "Kepolisian Resor Kutai Timur",
    "Inspektorat Kabupaten Kutai Timur",
    "Satgas Saber Pungli Kabupaten Kutai Timur",
)


class StaffForm(forms.Form):
    """Bootstrap's classes on every widget, so that templates render fields in one way."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = css


class InboxFilterForm(StaffForm):
    """GET filters; a value that is not one of the choices is ignored with the form's
    message, and the inbox shows everything."""

    tahap = forms.ChoiceField(
        label=_("Tahap"), required=False, choices=[("", _("Semua tahap")), *Complaint.Stage.choices]
    )
    terlambat = forms.BooleanField(label=_("Hanya yang melewati batas tahap"), required=False)
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        required=False,
        queryset=ComplaintCategory.objects.all(),
        empty_label=_("Semua kategori"),
    )
    instansi = forms.ModelChoiceField(
        label=_("Instansi (diadukan atau penanggung jawab)"),
        required=False,
        queryset=Agency.objects.filter(is_active=True),
        empty_label=_("Semua instansi"),
    )
    milik_saya = forms.BooleanField(label=_("Hanya yang ditugaskan kepada saya"), required=False)
    nomor = forms.CharField(
        label=_("Nomor pengaduan atau SP4N-LAPOR!"), required=False, max_length=40
    )

    def __init__(self, *args, officers: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not officers:
            del self.fields["kategori"], self.fields["instansi"]

    def narrow(self, user) -> InboxFilter:
        if not self.is_valid():
            return InboxFilter()
        data = self.cleaned_data
        return InboxFilter(
            stage=data["tahap"],
            late=data["terlambat"],
            category=data.get("kategori"),
            agency=data.get("instansi"),
            assignee=user if data["milik_saya"] else None,
            number=data["nomor"],
        )


def _text(label, *, rows: int = 4, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=5000, widget=forms.Textarea(attrs={"rows": rows})
    )


class NoteForm(StaffForm):
    catatan = _text(_("Catatan (tidak wajib)"), rows=2, required=False)


class ReplyForm(StaffForm):
    teks = _text(_("Tanggapan untuk pelapor"))


class InternalNoteForm(StaffForm):
    teks = _text(_("Catatan internal (tidak terlihat oleh pelapor)"))


class ResolveForm(StaffForm):
    jawaban = _text(_("Jawaban penyelesaian untuk pelapor"), rows=5)


class ForwardForm(StaffForm):
    instansi = forms.ModelChoiceField(
        label=_("Teruskan ke instansi"), queryset=Agency.objects.none(), empty_label=None
    )
    alasan = _text(_("Alasan"), rows=2)

    def __init__(self, *args, current: Agency | None, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.filter(is_active=True)
        if current is not None:
            agencies = agencies.exclude(pk=current.pk)
        self.fields["instansi"].queryset = agencies


class ArchiveForm(StaffForm):
    alasan = _text(_("Alasan pengarsipan"), rows=2)
    lembaga = forms.CharField(
        label=_("Diteruskan ke lembaga di luar MPP (tidak wajib)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "lembaga-luar"}),
    )


class AssignForm(StaffForm):
    petugas = forms.ModelChoiceField(
        label=_("Petugas"), required=False, queryset=None, empty_label=_("— tidak ada —")
    )

    def __init__(self, *args, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = assignees


class LaporNumberForm(StaffForm):
    nomor = forms.CharField(label=_("Nomor SP4N-LAPOR!"), required=False, max_length=40)


class PublishForm(StaffForm):
    terbitkan = forms.BooleanField(
        label=_("Terbitkan sebagai tanya-jawab (tanpa identitas, tanpa catatan internal)"),
        required=False,
    )
