"""A local Tencent Cloud SMS endpoint that checks requests as the provider does (rules.py) and answers
like it (server.py). Kept out of ``deploy.embedded`` so its process starts without that package's imports
(NATS, PostgreSQL and process tooling: seconds at every stack start); ``deploy/embedded/tencent_sms.py``
runs it beside the SMTP sink."""
