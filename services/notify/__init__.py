"""The notify service: tells organizers, in their language and time zone, how their booking went."""
