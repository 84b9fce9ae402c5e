-- One database and one login role per service (venue, interpreting, catering, notify): each role owns its
-- database and can connect to no other, so no service reads another's tables (DESIGN.md).
--
-- Run it as a superuser with psql 15 or newer, the passwords in the environment (never on the command line):
--   PG_PASSWORD_VENUE=… PG_PASSWORD_INTERPRETING=… PG_PASSWORD_CATERING=… PG_PASSWORD_NOTIFY=… \
--     psql -v ON_ERROR_STOP=1 -h <host> -U postgres -d postgres -f deploy/postgres/init.sql
-- The official postgres image runs it from /docker-entrypoint-initdb.d on its first start (compose.yaml).
-- Safe to run again: existing roles get the given passwords, existing databases stay as they are.
-- The services create their tables themselves at start (numbered migrations, under an advisory lock).
\set ON_ERROR_STOP on
SET log_statement = 'none';  -- the statements below carry passwords: keep them out of the server log

\getenv venue_password PG_PASSWORD_VENUE
\getenv interpreting_password PG_PASSWORD_INTERPRETING
\getenv catering_password PG_PASSWORD_CATERING
\getenv notify_password PG_PASSWORD_NOTIFY
\if :{?venue_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'PG_PASSWORD_VENUE is not set'; END $$;
\endif
\if :{?interpreting_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'PG_PASSWORD_INTERPRETING is not set'; END $$;
\endif
\if :{?catering_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'PG_PASSWORD_CATERING is not set'; END $$;
\endif
\if :{?notify_password} \else
  DO $$ BEGIN RAISE EXCEPTION 'PG_PASSWORD_NOTIFY is not set'; END $$;
\endif

CREATE TEMPORARY TABLE wict_roles (service text PRIMARY KEY, password text NOT NULL CHECK (password <> ''));
INSERT INTO wict_roles VALUES
  ('venue', :'venue_password'),
  ('interpreting', :'interpreting_password'),
  ('catering', :'catering_password'),
  ('notify', :'notify_password');

-- \gexec runs each generated statement (psql does not print them unless run with -e / -a)
SELECT format(
         CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = service)
              THEN 'ALTER ROLE %I WITH LOGIN PASSWORD %L' ELSE 'CREATE ROLE %I WITH LOGIN PASSWORD %L' END,
         service, password)
FROM wict_roles ORDER BY service \gexec

SELECT format('CREATE DATABASE %I OWNER %I', service, service)
FROM wict_roles WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = service) ORDER BY service \gexec

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', service) FROM wict_roles ORDER BY service \gexec

DROP TABLE wict_roles;

-- The exclusion constraints (no double booking of a space, a booth or an interpreter) need btree_gist;
-- created here by the superuser so the services' migrations find it.
\connect venue
CREATE EXTENSION IF NOT EXISTS btree_gist;
\connect interpreting
CREATE EXTENSION IF NOT EXISTS btree_gist;
