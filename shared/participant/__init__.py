"""The participant kernel: what the booking saga's participants that hand work to vendors (interpreting,
catering) share, once. Each service keeps only its own domain and plugs it in.

Laid out like a service:
- ``domain/``: plan revisions (``plans``), vendor-task states, task revisions, task kinds, and what
  the steps come to (``outcomes``: News, Takeover); pure.
- ``adapters/``: the SQL of a plan table (``plans.PlanTable``) and of the ``vendor_tasks`` table.
- ``handlers/``: the saga's commands (``plans``: reserve once, confirm, release), a service's vendors
  (``vendors.Vendors``: the service says what they are told and who takes over; answers applied),
  recording what vendors are told (``task_news``), answers, hand-over and escalation (``answers``), the
  answer deadline (``deadlines``).
- ``entrypoints/``: the two consumers (``messages``), the vendors' task listing (``listing``), the
  deadline sweep (``timers``).
- ``migrations/``: SQL the services' numbered migrations include (``\\ir``), so each is written once.
- ``settings``: the vendor answer settings of both services.
"""
