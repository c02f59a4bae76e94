"""The citizen's choice of channels for messages, as the public forms ask it."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from notifications.consent import PHONE_CHANNELS
from notifications.models import Channel


def phone_channel_choices() -> list[tuple[str, str]]:
    """The phone channels this installation sends on, for the citizen to allow."""
    return [
        (channel, Channel(channel).label)
        for channel in PHONE_CHANNELS
        if channel in settings.MESSAGE_CHANNELS
    ]


class MessageChannelsField(forms.MultipleChoiceField):
    """Check boxes of the phone channels; its choices are set by OffersMessages."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Kirim pemberitahuan ke nomor ponsel ini lewat"))
        super().__init__(required=False, widget=forms.CheckboxSelectMultiple, **kwargs)


class OffersMessages(forms.Form):
    """A form whose `notify` field lists the phone channels sent on here, and is left out
    where there are none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = phone_channel_choices()
        if choices:
            self.fields["notify"].choices = choices
        else:
            del self.fields["notify"]
