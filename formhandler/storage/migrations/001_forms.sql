-- Forms: messages, their mails (the outbox), used form tokens, the development mail sink.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ' (store.timestamp), so they sort as text.
-- A message's state is derived from its timestamps (view message_states), never stored.

CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE,            -- 8 characters without look-alikes
    form TEXT NOT NULL CHECK (form IN ('mail', 'klacht')),
    audience TEXT NOT NULL CHECK (audience IN ('volwassenen', 'kinderen', 'jongeren')),
    language TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
    queue TEXT NOT NULL,
    -- Categories the person chose; not personal, kept for statistics.
    region TEXT,
    age_group TEXT,
    writer TEXT,
    theme TEXT,
    channel TEXT,                              -- complaints: phone, chat, mail, other
    reply_by TEXT NOT NULL CHECK (reply_by IN ('email', 'phone')),
    content BLOB,                              -- sealed JSON of the text fields; NULL once purged
    contact BLOB,                              -- sealed JSON of the contact details; NULL once purged
    received_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    claimed_at TEXT,
    claimed_by TEXT,
    answered_at TEXT,
    closed_at TEXT,
    purged_at TEXT,
    reminded_at TEXT,
    escalated_at TEXT
);
CREATE INDEX messages_queue_due ON messages (queue, closed_at, due_at);

CREATE VIEW message_states AS
SELECT
    id,
    reference,
    CASE
        WHEN purged_at IS NOT NULL THEN 'purged'
        WHEN closed_at IS NOT NULL THEN 'closed'
        WHEN answered_at IS NOT NULL THEN 'answered'
        WHEN claimed_at IS NOT NULL THEN 'claimed'
        ELSE 'open'
    END AS state
FROM messages;

-- Every mail leaves through here: retried until sent, never dropped.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,           -- the Message-ID header, the same on every try
    kind TEXT NOT NULL,                        -- notification, confirmation, reply, reminder, ...
    reference TEXT,                            -- the message it is about, if any
    envelope BLOB NOT NULL,                    -- sealed: sender, recipients and the whole mail
    created_at TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,                           -- SMTP code or error class, never content
    lease_until TEXT,                          -- a sender is trying it until then
    sent_at TEXT
);
CREATE INDEX outbox_waiting ON outbox (sent_at, next_attempt_at);

-- Form tokens are single use: a token's nonce is kept here until the token expires.
CREATE TABLE used_tokens (
    nonce TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);

-- Development only: mails caught by the local sink, for the staff side to show.
CREATE TABLE sink_messages (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    envelope BLOB NOT NULL                     -- sealed: sender, recipients and the whole mail
);
