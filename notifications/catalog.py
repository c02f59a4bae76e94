"""Every message the portal sends, as data an admin can read: its texts in Indonesian and
English and the WhatsApp template approved for it, with the order of its parameters."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Consent is given per purpose: a citizen may want queue calls but no survey.
PURPOSES = {
    "booking": _("Reservasi"),
    "queue": _("Antrian"),
    "survey": _("Survei kepuasan"),
    "case": _("Lacak berkas"),
    "complaint": _("Pengaduan"),
    "umkm": _("Stan UMKM"),
    "suggestion": _("Balasan saran"),
}
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class MessageTemplate:
    key: str
    purpose: str
    whatsapp_name: str
    # The body parameters in the order of the WhatsApp template's {{1}}, {{2}}, …; the same
    # names fill the {placeholders} of the texts.
    parameters: tuple[str, ...]
    subject: dict[str, str]
    text: dict[str, str]

    def values(self, context: dict) -> list[str]:
        return [str(context.get(name, "")) for name in self.parameters]

    def render(self, *, language: str, context: dict) -> tuple[str, str]:
        """(subject, text) in `language` (Indonesian when it has no text in it)."""
        language = language if language in self.text else "id"
        values = dict(zip(self.parameters, self.values(context), strict=True))
        return self.subject[language].format(**values), self.text[language].format(**values)

    def whatsapp_body(self, text: str) -> str:
        """The approved WhatsApp text with {{n}} placeholders, as registered at Meta."""
        for number, name in enumerate(self.parameters, start=1):
            text = text.replace("{" + name + "}", "{{" + str(number) + "}}")
        return text


TEMPLATES = {
    template.key: template
    for template in (
        MessageTemplate(
            key="booking_confirmation",
            purpose="booking",
            whatsapp_name="mpp_reservasi_terkonfirmasi",
            parameters=("service", "date", "time", "code", "link"),
            subject={
                "id": "Reservasi {code} tercatat",
                "en": "Booking {code} confirmed",
            },
            text={
                "id": "Reservasi {service} pada {date} pukul {time} WITA tercatat. "
                "Kode: {code}. Kode QR dan ubah jadwal: {link}",
                "en": "Your booking for {service} on {date} at {time} WITA is confirmed. "
                "Code: {code}. QR code and changes: {link}",
            },
        ),
        MessageTemplate(
            key="booking_reminder",
            purpose="booking",
            whatsapp_name="mpp_reservasi_pengingat",
            parameters=("service", "date", "time", "location", "code", "link"),
            subject={
                "id": "Pengingat reservasi {code} besok",
                "en": "Reminder: booking {code} tomorrow",
            },
            text={
                "id": "Pengingat: besok {date} pukul {time} WITA, {service} di {location}. "
                "Tunjukkan kode {code} di kios. Batal atau ubah: {link}",
                "en": "Reminder: tomorrow {date} at {time} WITA, {service} at {location}. "
                "Show code {code} at the kiosk. Cancel or change: {link}",
            },
        ),
        MessageTemplate(
            key="queue_almost",
            purpose="queue",
            whatsapp_name="mpp_antrian_tiga_lagi",
            parameters=("number", "service", "link"),
            subject={
                "id": "Antrian {number}: 3 nomor lagi",
                "en": "Ticket {number}: 3 more to go",
            },
            text={
                "id": "Antrian {number} ({service}): 3 nomor lagi. Mohon kembali ke ruang "
                "tunggu. Status: {link}",
                "en": "Ticket {number} ({service}): 3 more to go. Please return to the "
                "waiting hall. Status: {link}",
            },
        ),
        MessageTemplate(
            key="queue_called",
            purpose="queue",
            whatsapp_name="mpp_antrian_dipanggil",
            parameters=("number", "counter"),
            subject={
                "id": "Antrian {number}: silakan ke loket {counter}",
                "en": "Ticket {number}: please go to counter {counter}",
            },
            text={
                "id": "Nomor antrian {number}, silakan menuju loket {counter}.",
                "en": "Ticket number {number}, please go to counter {counter}.",
            },
        ),
        MessageTemplate(
            key="booking_closed",
            purpose="booking",
            whatsapp_name="mpp_layanan_tutup",
            parameters=("service", "date", "code", "link"),
            subject={
                "id": "{service} tutup pada {date}",
                "en": "{service} is closed on {date}",
            },
            text={
                "id": "Mohon maaf, {service} tutup pada {date}. Reservasi {code} tidak "
                "dapat dilayani. Pilih jadwal baru: {link}",
                "en": "We are sorry: {service} is closed on {date}. Booking {code} cannot "
                "be served. Choose a new time: {link}",
            },
        ),
        MessageTemplate(
            key="booking_stopped",
            purpose="booking",
            whatsapp_name="mpp_reservasi_dihentikan",
            parameters=("service", "date", "code", "link"),
            subject={
                "id": "Reservasi {service} dihentikan",
                "en": "Bookings for {service} stopped",
            },
            text={
                "id": "Mohon maaf, reservasi {service} dihentikan. Reservasi {code} pada {date} "
                "tidak dapat dilayani; Anda tetap dapat mengambil antrian di kios MPP. "
                "Rincian: {link}",
                "en": "We are sorry: bookings for {service} have stopped. Booking {code} on "
                "{date} cannot be served; you can still take a number at the MPP kiosk. "
                "Details: {link}",
            },
        ),
        MessageTemplate(
            key="survey_invitation",
            purpose="survey",
            whatsapp_name="mpp_survei_kepuasan",
            parameters=("service", "link"),
            subject={
                "id": "Bagaimana pelayanan {service}?",
                "en": "How was {service}?",
            },
            text={
                "id": "Terima kasih telah berkunjung. Nilai pelayanan {service} dalam "
                "1 menit: {link}",
                "en": "Thank you for your visit. Rate {service} in 1 minute: {link}",
            },
        ),
        MessageTemplate(
            key="case_status",
            purpose="case",
            whatsapp_name="mpp_berkas_status",
            parameters=("service", "code", "status", "link"),
            subject={
                "id": "Berkas {code}: {status}",
                "en": "Application {code}: {status}",
            },
            text={
                "id": "Berkas {service} dengan kode {code} kini berstatus: {status}. "
                "Rincian dan jadwal pengambilan: {link}",
                "en": "Your {service} application {code} is now: {status}. "
                "Details and pick-up: {link}",
            },
        ),
        MessageTemplate(
            key="complaint_update",
            purpose="complaint",
            whatsapp_name="mpp_pengaduan_kabar",
            parameters=("code", "stage", "link"),
            subject={
                "id": "Pengaduan {code}: {stage}",
                "en": "Complaint {code}: {stage}",
            },
            text={
                "id": "Ada kabar untuk pengaduan {code} (tahap: {stage}). Buka {link} dengan "
                "nomor pengaduan dan kode rahasia Anda.",
                "en": "There is news on complaint {code} (stage: {stage}). Open {link} with "
                "the complaint number and your secret code.",
            },
        ),
        MessageTemplate(
            key="umkm_booth_allocated",
            purpose="umkm",
            whatsapp_name="mpp_umkm_stan_dialokasikan",
            parameters=("business", "booth", "period", "location", "dates", "link"),
            subject={
                "id": "{business} mendapat stan {booth}",
                "en": "{business} has booth {booth}",
            },
            text={
                "id": "{business} mendapat stan {booth} untuk {period} di {location}, "
                "{dates}. Catatan pengelola dan denah: {link}",
                "en": "{business} has booth {booth} for {period} at {location}, {dates}. "
                "The mall's note and the plan: {link}",
            },
        ),
        MessageTemplate(
            key="umkm_booth_declined",
            purpose="umkm",
            whatsapp_name="mpp_umkm_stan_tidak_dapat",
            parameters=("business", "period", "link"),
            subject={
                "id": "{business}: belum mendapat stan untuk {period}",
                "en": "{business}: no booth for {period}",
            },
            text={
                "id": "{business} belum mendapat stan untuk {period}. Alasan dari pengelola "
                "MPP: {link}",
                "en": "{business} has no booth for {period} this time. The mall's reason: {link}",
            },
        ),
        MessageTemplate(
            key="umkm_booth_reminder",
            purpose="umkm",
            whatsapp_name="mpp_umkm_stan_pengingat",
            parameters=("business", "booth", "period", "location", "dates", "link"),
            subject={
                "id": "Pengingat: stan {booth} mulai besok",
                "en": "Reminder: booth {booth} starts tomorrow",
            },
            text={
                "id": "Pengingat: {business} berjualan di stan {booth}, {period} di "
                "{location}, {dates}. Denah dan catatan: {link}",
                "en": "Reminder: {business} sells at booth {booth}, {period} at {location}, "
                "{dates}. Plan and notes: {link}",
            },
        ),
        MessageTemplate(
            key="suggestion_reply",
            purpose="suggestion",
            whatsapp_name="mpp_saran_dibalas",
            parameters=("agency", "reply", "link"),
            subject={
                "id": "Balasan {agency} atas saran Anda",
                "en": "{agency} replied to your suggestion",
            },
            text={
                "id": "Terima kasih atas saran Anda di survei kepuasan MPP. Balasan {agency}: "
                "{reply} Rincian: {link}",
                "en": "Thank you for your suggestion in the MPP satisfaction survey. "
                "{agency} replies: {reply} Details: {link}",
            },
        ),
    )
}
