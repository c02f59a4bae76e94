"""Forms of the public booking pages; the same validators as the booking service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.codes import CODE_ALPHABET
from common.forms import NikField, PhoneField
from counters.booking.models import CODE_LENGTH
from notifications.forms import MessageChannelsField, OffersMessages


class BookingForm(OffersMessages):
    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    nik = NikField()
    phone = PhoneField()
    email = forms.EmailField(
        label=_("Email (opsional)"),
        required=False,
        help_text=_("Bukti reservasi dan pengingat dikirim ke alamat ini."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notify = MessageChannelsField(
        help_text=_(
            "Konfirmasi, pengingat sehari sebelumnya, perubahan jadwal dan panggilan "
            "antrean pada hari kunjungan. Bisa dihentikan kapan saja di halaman reservasi "
            "atau dengan membalas STOP."
        )
    )
    consent = forms.BooleanField(
        label=_(
            "Saya setuju data pribadi ini dipakai hanya untuk reservasi dan pelayanan di MPP "
            "Kabupaten Kutai Timur, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi."
        ),
        error_messages={"required": _("Persetujuan penggunaan data pribadi diperlukan.")},
    )


class MessagesForm(OffersMessages):
    """Which phone channels a booking's number gets messages on: none stops them all."""

    notify = MessageChannelsField()


class NikCheckForm(forms.Form):
    nik = NikField(help_text=_("NIK yang dipakai saat reservasi."))


class CodeLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Kode reservasi"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split()).replace("-", "").upper()
        if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
            raise forms.ValidationError(
                _("Kode reservasi terdiri dari 8 huruf dan angka, mis. K7M2Q9XA.")
            )
        return code
