-- Organizers' own accounts (issue 12): an organizer's contact (phone included, for SMS) follows their venue
-- account once it has spoken; booking events then no longer overwrite it with their older snapshot.
-- Webhook endpoints get an optional description their owner gives them.
ALTER TABLE recipients ADD COLUMN account_id uuid;
CREATE UNIQUE INDEX recipients_by_account ON recipients (account_id) WHERE account_id IS NOT NULL;
ALTER TABLE webhook_endpoints ADD COLUMN description text NOT NULL DEFAULT '';
