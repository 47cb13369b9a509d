-- The schema after every migration in migrations/, for reading.
-- Generated: python -m formhandler.storage.database formhandler/storage/schema.sql

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    reference TEXT,
    outcome TEXT NOT NULL DEFAULT 'ok'
);

CREATE TABLE audit_refusal_counts (
    hour TEXT NOT NULL,
    action TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, action)
);

CREATE TABLE message_notes (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body BLOB                                  -- sealed; NULL once purged
);

CREATE TABLE message_statistics (
    message_id INTEGER PRIMARY KEY,
    month TEXT NOT NULL,                       -- month of receipt, '2026-11'
    form TEXT NOT NULL,
    audience TEXT,
    queue TEXT NOT NULL,
    age_group TEXT,
    writer TEXT,
    theme TEXT,
    problem TEXT,                              -- annual report's main problem
    followups TEXT NOT NULL DEFAULT '',        -- annual report's follow-ups, comma-separated
    outcome TEXT,                              -- 'answered' or 'called_back'
    working_minutes_to_answer INTEGER,
    answered_in_time INTEGER
, answer_channel TEXT, person_followups INTEGER NOT NULL DEFAULT 0);

CREATE TABLE message_thread (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    author TEXT,                               -- the helper's account; NULL: the person
    created_at TEXT NOT NULL,
    body BLOB                                  -- sealed
);

CREATE TABLE "messages" (
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
    reply_by TEXT NOT NULL CHECK (reply_by IN ('email', 'phone', 'site')),
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
    escalated_at TEXT,
    code_word_hash TEXT,                       -- reply_by 'site': argon2id; NULL once purged
    read_at TEXT                               -- reply_by 'site': the person last opened it
, categories BLOB);

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
, failed_at TEXT);

CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);

CREATE TABLE sink_messages (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    envelope BLOB NOT NULL                     -- sealed: sender, recipients and the whole mail
);

CREATE TABLE "staff_users" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('helper', 'coordinator', 'complaints', 'redactie')),
    team TEXT,
    password_hash TEXT NOT NULL,
    totp_secret BLOB NOT NULL,                 -- sealed with the data key
    last_totp_step INTEGER NOT NULL DEFAULT 0, -- each TOTP code is accepted once
    session_epoch INTEGER NOT NULL DEFAULT 0,  -- raised at logout and disable: ends sessions
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    CHECK (role != 'helper' OR team IS NOT NULL)
);

CREATE TABLE used_tokens (
    nonce TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);

CREATE INDEX message_notes_message ON message_notes (message_id);

CREATE INDEX message_statistics_month ON message_statistics (month, queue);

CREATE INDEX message_thread_message ON message_thread (message_id, id);

CREATE INDEX messages_queue_due ON messages (queue, closed_at, due_at);

CREATE INDEX outbox_waiting ON outbox (sent_at, next_attempt_at);

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
