"""The citizen's forms of case tracking: the lookup, its second factor, the messages."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import PhoneField
from notifications.forms import MessageChannelsField, OffersMessages

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
