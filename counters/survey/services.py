"""Writes of the SKM survey: one answer per finished ticket."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from common.errors import DomainError
from counters.queue.models import Ticket
from counters.survey.models import ELEMENT_FIELDS, SurveyResponse
from counters.survey.suggestions.services import suggestion_receive


class SurveyRefused(DomainError):
    status = 409
    code = "survey_refused"


def _validate(*, answers: list[int], age: int, sex: str, education: str, occupation: str):
    if len(answers) != len(ELEMENT_FIELDS) or any(
        not isinstance(a, int) or isinstance(a, bool) or not 1 <= a <= 4 for a in answers
    ):
        raise DomainError(
            _("Setiap unsur dijawab dengan nilai 1 sampai 4."), code="invalid", status=422
        )
    if not isinstance(age, int) or not 10 <= age <= 110:
        raise DomainError(_("Umur harus antara 10 dan 110 tahun."), code="invalid", status=422)
    for value, choices, message in (
        (sex, SurveyResponse.Sex.values, _("Jenis kelamin tidak dikenal.")),
        (education, SurveyResponse.Education.values, _("Pendidikan tidak dikenal.")),
        (occupation, SurveyResponse.Occupation.values, _("Pekerjaan tidak dikenal.")),
    ):
        if value not in choices:
            raise DomainError(message, code="invalid", status=422)


def survey_submit(
    *,
    ticket: Ticket,
    answers: list[int],
    age: int,
    sex: str,
    education: str,
    occupation: str,
    suggestion: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    message_channels=(),
    language: str = "id",
) -> SurveyResponse:
    """Record the SKM answer of a done ticket (and its suggestion for the agency's inbox,
    with the contact left for a reply); a second answer is refused."""
    _validate(answers=answers, age=age, sex=sex, education=education, occupation=occupation)
    if ticket.status != Ticket.Status.DONE:
        raise SurveyRefused(_("Survei hanya untuk tiket yang sudah selesai dilayani."))
    try:
        # The OneToOne on ticket decides a race between two submissions of the same ticket.
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                ticket=ticket,
                agency_id=ticket.agency_id,
                service_id=ticket.service_id,
                location_id=ticket.location_id,
                counter_id=ticket.counter_id,
                day=ticket.day,
                age=age,
                sex=sex,
                education=education,
                occupation=occupation,
                suggestion=suggestion.strip()[:1000],
                **dict(zip(ELEMENT_FIELDS, answers, strict=True)),
            )
            suggestion_receive(
                response=response,
                phone=contact_phone,
                email=contact_email,
                message_channels=message_channels,
                language=language,
            )
            return response
    except IntegrityError as error:
        raise SurveyRefused(_("Survei untuk tiket ini sudah diisi. Terima kasih.")) from error
