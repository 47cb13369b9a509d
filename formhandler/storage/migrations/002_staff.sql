-- Staff side: accounts, audit log, internal notes, closing categories, anonymous statistics.
-- Message text and contact details live (encrypted) in messages; nothing here holds them,
-- except note bodies, which are sealed like message text and purged with it.

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('helper', 'coordinator', 'complaints')),
    team TEXT,
    password_hash TEXT NOT NULL,
    totp_secret BLOB NOT NULL,                 -- sealed with the data key
    last_totp_step INTEGER NOT NULL DEFAULT 0, -- each TOTP code is accepted once
    session_epoch INTEGER NOT NULL DEFAULT 0,  -- raised at logout and disable: ends sessions
    created_at TEXT NOT NULL,
    disabled_at TEXT,
    CHECK (role != 'helper' OR team IS NOT NULL)
);

-- Who did what with which reference, when. Never message content.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    reference TEXT,
    outcome TEXT NOT NULL DEFAULT 'ok'
);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE message_notes (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    body BLOB                                  -- sealed; NULL once purged
);
CREATE INDEX message_notes_message ON message_notes (message_id);

-- One anonymous row per message, kept after the purge: what the annual report counts.
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
);
CREATE INDEX message_statistics_month ON message_statistics (month, queue);
