"""Form fields of the public pages that more than one domain asks for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.validators import normalize_nik, normalize_phone


class NikField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("NIK (Nomor Induk Kependudukan)"))
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault("help_text", _("16 angka, sesuai KTP-el atau Kartu Keluarga."))
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"inputmode": "numeric", "autocomplete": "off", "pattern": r"[0-9 .\-]*"}
        )

    def clean(self, value):
        return normalize_nik(super().clean(value))


class PhoneField(forms.CharField):
    """An Indonesian mobile number, cleaned to +62…."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Nomor ponsel"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("Nomor seluler Indonesia, mis. 0812 3456 7890."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean(self, value):
        return normalize_phone(super().clean(value))
