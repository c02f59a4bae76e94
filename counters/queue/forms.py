"""The visitor's forms: where to be told of the call, a ticket taken from the phone, its
check-in at the kiosk."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import NikField, PhoneField
from counters.queue.selectors.tickets import CODE_MAX_LENGTH
from notifications.forms import MessageChannelsField, OffersMessages


class TicketMessagesForm(OffersMessages):
    phone = PhoneField()
    notify = MessageChannelsField(
        help_text=_(
            "Pesan saat tinggal 3 nomor lagi dan saat nomor Anda dipanggil, hanya untuk tiket "
            "hari ini. Bisa dihentikan kapan saja di halaman ini atau dengan membalas STOP."
        )
    )
    survey = forms.BooleanField(
        label=_("Kirim juga tautan survei kepuasan setelah selesai dilayani"), required=False
    )

    def clean_notify(self):
        if not self.cleaned_data["notify"]:
            raise forms.ValidationError(_("Pilih paling sedikit satu kanal."))
        return self.cleaned_data["notify"]


class OnlineTicketForm(OffersMessages):
    nik = NikField()
    phone = PhoneField()
    notify = MessageChannelsField(
        help_text=_("Pesan saat tinggal 3 nomor lagi dan saat nomor Anda dipanggil.")
    )
    consent = forms.BooleanField(
        label=_(
            "Saya setuju NIK dan nomor ponsel ini dipakai hanya untuk antrian hari ini di MPP "
            "Kabupaten Kutai Timur, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi."
        ),
        error_messages={"required": _("Persetujuan penggunaan data pribadi diperlukan.")},
    )


class TicketCodeForm(forms.Form):
    """The kiosk's check-in of a ticket from a phone: the scanner types its code."""

    code = forms.CharField(
        label=_("Kode tiket online"),
        max_length=CODE_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )
