-- Vendor-task states (answers, deadlines, versions): the participant kernel's, written once for both
-- participants and applied here as this service's migration 004 (psql's \ir: relative to this file).
\ir ../../../shared/participant/migrations/vendor_task_states.sql
