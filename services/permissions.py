"""The one place that answers "may this user do this in this agency"."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django_scopes import scopes_disabled

from services.models import Agency, Membership


def _in_group(user, group: str) -> bool:
    """Whether the active `user` belongs to `group`, read once per user object."""
    if not (user.is_authenticated and user.is_active):
        return False
    groups = getattr(user, "_mpp_groups", None)
    if groups is None:
        groups = user._mpp_groups = {}
    if group not in groups:
        groups[group] = user.groups.filter(name=group).exists()
    return groups[group]


def is_mall_admin(user) -> bool:
    """Superusers and members of the mall group manage every agency from /admin/."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or _in_group(user, settings.MALL_ADMIN_GROUP)


def mall_admins() -> QuerySet:
    """The active users is_mall_admin answers yes for."""
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=settings.MALL_ADMIN_GROUP))
        .filter(is_active=True)
        .distinct()
    )


def agency_admins(agency: Agency) -> QuerySet:
    """The active users who manage `agency` by their membership (mall admins aside)."""
    return get_user_model().objects.filter(
        is_active=True,
        agency_memberships__agency=agency,
        agency_memberships__role=Membership.Role.ADMIN,
    )


def agency_roles(user) -> dict[int, str]:
    """{agency id: role} of the user's memberships, read once per user object."""
    if not (user.is_authenticated and user.is_active):
        return {}
    cached = getattr(user, "_mpp_agency_roles", None)
    if cached is None:
        with scopes_disabled():
            cached = dict(
                Membership.objects.filter(user=user, agency__is_active=True).values_list(
                    "agency_id", "role"
                )
            )
        user._mpp_agency_roles = cached
    return cached


def agency_role(user, agency: Agency) -> str | None:
    return agency_roles(user).get(agency.pk)


def can_enter_agency(user, agency: Agency) -> bool:
    """Members of the agency (any role) and mall admins may use its admin site."""
    return agency_role(user, agency) is not None or is_mall_admin(user)


def can_manage_agency(user, agency: Agency) -> bool:
    """Agency admins (and mall admins) manage catalog, counters, schedules and staff."""
    return agency_role(user, agency) == Membership.Role.ADMIN or is_mall_admin(user)


def can_read_agency_reports(user, agency: Agency) -> bool:
    """The agency's whole reports, its SKM suggestions and the IKM of each service, counter
    and officer: its admins (the agency's head and those the head appoints) and mall
    admins; an operator reads only the figures of their own work."""
    return can_manage_agency(user, agency)


def can_operate(user, agency: Agency) -> bool:
    """Operators and admins of the agency work its counters."""
    return agency_role(user, agency) is not None


def operated_agency_ids(user) -> list[int]:
    return list(agency_roles(user))


def is_staff_member(user) -> bool:
    """Works for an agency (any role) or manages the mall: an account given by an admin."""
    return bool(operated_agency_ids(user)) or is_mall_admin(user)


def is_complaint_officer(user) -> bool:
    """The mall's complaint officers (and mall admins): every complaint, and the identity of
    a confidential complainant, which no agency ever sees."""
    return is_mall_admin(user) or _in_group(user, settings.COMPLAINT_OFFICER_GROUP)


def complaint_officer_users():
    """The active accounts is_complaint_officer admits (the same groups, as a query): whom
    a complaint with the mall's officers can be given to, and who hears of a late one."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__name__in=[settings.MALL_ADMIN_GROUP, settings.COMPLAINT_OFFICER_GROUP])
        )
        .distinct()
        .order_by("username")
    )


def agency_staff_users(agency: Agency, *, role: str | None = None):
    """The active accounts can_operate admits in `agency` (its admins only, given `role`)."""
    with scopes_disabled():
        memberships = Membership.objects.filter(agency=agency)
        if role is not None:
            memberships = memberships.filter(role=role)
        user_ids = list(memberships.values_list("user_id", flat=True))
    return get_user_model().objects.filter(is_active=True, pk__in=user_ids).order_by("username")
