"""Forms of the SKM report page: an action of the follow-up plan, its progress, the period."""

from django import forms
from django.utils.translation import gettext_lazy as _

from counters.reports.views import DATE_FORMATS
from counters.survey.models import ELEMENTS
from counters.survey.periods import FIRST_YEAR, LAST_YEAR, period_choices
from counters.survey.report_models import SkmFollowUp


class FollowUpForm(forms.Form):
    unsur = forms.ChoiceField(label=_("Unsur"), choices=ELEMENTS)
    rencana = forms.CharField(
        label=_("Rencana tindak lanjut"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
    penanggung_jawab = forms.CharField(
        label=_("Penanggung jawab (orang atau unit)"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    target = forms.DateField(
        label=_("Target selesai"),
        input_formats=DATE_FORMATS,
        help_text=_("hh/bb/tttt, mis. 17/08/2026"),
        error_messages={"invalid": _("Tulis tanggal sebagai hh/bb/tttt, mis. 17/08/2026.")},
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "off"},
        ),
    )

    def __init__(self, *args, weakest: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unsur"].widget.attrs["class"] = "form-select"
        if weakest:
            self.fields["unsur"].initial = weakest[0]


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=SkmFollowUp.Status.choices)
    catatan = forms.CharField(
        label=_("Catatan kemajuan"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].widget.attrs["class"] = "form-select"


class PeriodChoiceForm(forms.Form):
    tahun = forms.IntegerField(
        label=_("Tahun"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    periode = forms.ChoiceField(label=_("Periode"), choices=period_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].widget.attrs["class"] = "form-select"
