-- Failed sign-ins, per e-mail address and per client address (both stored as SHA-256, never in clear):
-- after a few failures each further one locks that key for longer (exponential backoff, capped); a quiet
-- hour forgets them. Rows are deleted by the accounts upkeep loop once forgotten.
CREATE TABLE sign_in_failures (
    key               text        PRIMARY KEY,  -- 'email:<hex>' | 'address:<hex>'
    failures          int         NOT NULL CHECK (failures > 0),
    last_failure_at   timestamptz NOT NULL,
    locked_until      timestamptz
);
CREATE INDEX sign_in_failures_age ON sign_in_failures (last_failure_at);

-- E-mails sent on anonymous requests (sign-up, sign-in link, password reset) per address and hour: past
-- the budget the request is answered the same but nothing is sent (no mail bombing through the venue).
CREATE TABLE account_mail_budget (
    key              text        PRIMARY KEY,  -- 'email:<hex>'
    sent             int         NOT NULL CHECK (sent > 0),
    window_starts_at timestamptz NOT NULL
);
CREATE INDEX account_mail_budget_age ON account_mail_budget (window_starts_at);
