"""Forms of the suggestion inboxes: the filter and the two steps (reply, handled)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counters.survey.suggestions.models import Suggestion
from services.models import Agency

STATUS_CHOICES = [*Suggestion.Status.choices, ("semua", _("Semua"))]


class InboxFilterForm(forms.Form):
    """GET filters; a value that is not a choice is ignored with the form's message."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=STATUS_CHOICES,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    instansi = forms.ModelChoiceField(
        label=_("Instansi"),
        required=False,
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        empty_label=_("Semua instansi"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, mall: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not mall:
            del self.fields["instansi"]

    def narrow(self) -> dict:
        """The selector's keyword arguments: open suggestions unless asked otherwise."""
        data = self.cleaned_data if self.is_valid() else {}
        status = data.get("status") or Suggestion.Status.OPEN
        narrow = {"status": "" if status == "semua" else status}
        if "instansi" in self.fields:
            narrow["agency"] = data.get("instansi")
        return narrow


class ReplyForm(forms.Form):
    teks = forms.CharField(
        label=_("Balasan untuk pengirim"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        help_text=_(
            "Dikirim sekali lewat kanal yang diizinkan pengirim; terlihat di halaman survei."
        ),
    )


class HandleForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan penanganan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
        help_text=_("Apa yang dilakukan atas saran ini. Kontak pengirim dihapus setelahnya."),
    )
