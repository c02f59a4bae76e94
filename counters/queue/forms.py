"""The visitor's form on the ticket page: where to be told of the call."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.validators import normalize_phone
from notifications.forms import MessageChannelsField, OffersMessages


class TicketMessagesForm(OffersMessages):
    phone = forms.CharField(
        label=_("Nomor ponsel"),
        max_length=20,
        help_text=_("Nomor seluler Indonesia, mis. 0812 3456 7890."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    notify = MessageChannelsField(
        help_text=_(
            "Pesan saat tinggal 3 nomor lagi dan saat nomor Anda dipanggil, hanya untuk tiket "
            "hari ini. Bisa dihentikan kapan saja di halaman ini atau dengan membalas STOP."
        )
    )
    survey = forms.BooleanField(
        label=_("Kirim juga tautan survei kepuasan setelah selesai dilayani"), required=False
    )

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean_notify(self):
        if not self.cleaned_data["notify"]:
            raise forms.ValidationError(_("Pilih paling sedikit satu kanal."))
        return self.cleaned_data["notify"]
