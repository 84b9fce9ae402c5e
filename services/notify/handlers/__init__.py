"""The notify service's use cases, one module per context: what booking and task events cause
(``bookings``, ``tasks``), reminders (``reminders``), urgent broadcasts (``broadcasts``), webhook
endpoints (``webhooks``), sending what is due per channel (``dispatch``), and how one notice is told
to its recipients (``telling``)."""
