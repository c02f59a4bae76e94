"""The one body of every API refusal, for the routes that declare their refusals."""

from ninja import Field, Schema


class Error(Schema):
    """Every refusal of the API: `detail` for people, `code` for programs."""

    detail: str = Field(description="Pesan untuk manusia (bahasa Indonesia)")
    code: str = Field(description="Kode untuk program, mis. slot_full, quota_full, throttled")
    errors: list[dict] | None = Field(None, description="Rincian data tidak valid (422)")


def refusals(*statuses: int) -> dict[int, type[Error]]:
    """The refusals a route adds to those every operation documents (see mpp.api): a 404
    for an object named in the body, a 409 for a broken rule, a 429 for a limit."""
    return dict.fromkeys(statuses, Error)
