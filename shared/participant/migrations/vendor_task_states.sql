-- Vendor answers: each task now has a state the vendor moves (accept, decline, done) or the clock moves
-- (no answer by answer_due: expired), a version that grows with every change (the venue keeps the newest),
-- and the work as the vendor last got it (the latest assigned/changed message), for the vendor's listing
-- and for handing the work to another vendor. Included by interpreting's and catering's 004 migrations.
ALTER TABLE vendor_tasks ADD COLUMN state text NOT NULL DEFAULT 'awaiting_answer' CHECK (state IN (
    'awaiting_answer', 'accepted', 'done', 'declined', 'expired', 'cancelled', 'escalated'));
ALTER TABLE vendor_tasks ADD COLUMN answer_due timestamptz;
ALTER TABLE vendor_tasks ADD COLUMN state_reason text NOT NULL DEFAULT '';
ALTER TABLE vendor_tasks ADD COLUMN version int NOT NULL DEFAULT 1 CHECK (version > 0);
ALTER TABLE vendor_tasks ADD COLUMN work jsonb;
-- the trace of the message that last changed the task, so the deadline sweep continues the booking's trace
ALTER TABLE vendor_tasks ADD COLUMN trace_context jsonb NOT NULL DEFAULT '{}';

-- Tasks handed out before answers existed: their vendors never heard of a deadline, so they get the
-- default answer window (WICT_VENDOR_ANSWER_SECONDS) from now.
UPDATE vendor_tasks SET state = CASE WHEN status = 'live' THEN 'awaiting_answer' ELSE 'cancelled' END,
    answer_due = CASE WHEN status = 'live' THEN now() + interval '1 day' END;

-- 'live' (the vendor holds the work) and the open states say the same thing: keep them from drifting
ALTER TABLE vendor_tasks ADD CONSTRAINT vendor_tasks_live_is_open
    CHECK ((status = 'live') = (state IN ('awaiting_answer', 'accepted', 'done')));
ALTER TABLE vendor_tasks ADD CONSTRAINT vendor_tasks_awaiting_has_due
    CHECK (state <> 'awaiting_answer' OR answer_due IS NOT NULL);

CREATE INDEX vendor_tasks_answer_due ON vendor_tasks (answer_due) WHERE state = 'awaiting_answer';
CREATE INDEX vendor_tasks_vendor_state ON vendor_tasks (vendor_id, state);
