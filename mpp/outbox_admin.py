"""The outbox in each agency's admin site: composed here, as notifications knows no agency."""

from notifications.admin import MessageAdmin
from services.tenancy import AgencyScopedAdmin


class AgencyMessageAdmin(MessageAdmin, AgencyScopedAdmin):
    """The messages sent for request.agency (Message.tenant), for its admins; read-only
    before the agency roles (MessageAdmin comes first), another agency's row a 404."""

    operator_can_view = False

    def get_queryset(self, request):
        agency = getattr(request, "agency", None)
        messages = super().get_queryset(request)
        return messages.filter(tenant=agency.pk) if agency else messages.none()
