"""Messages to citizens: the outbox, its channels (WhatsApp, SMS, e-mail), consent, templates."""
