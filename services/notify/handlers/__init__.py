"""The notify service's use cases, one module per context: what each event, reminder, broadcast and
webhook change causes (``bookings``, ``tasks``, ``reminders``, ``broadcasts``, ``webhooks``), and how a
notice is told to its recipients (``telling``)."""
