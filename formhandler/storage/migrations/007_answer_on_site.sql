-- Answer on the site (issue 12): a person may read 1712's answer on the website with the
-- reference and a code word. `reply_by` gains 'site' (SQLite changes a CHECK only by
-- rebuilding the table); the code word is kept only as an argon2id hash; the whole
-- conversation lives in `message_thread`, each entry sealed.
DROP VIEW message_states;

CREATE TABLE messages_new (
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
);

INSERT INTO messages_new (
    id, reference, form, audience, language, queue, region, age_group, writer, theme,
    channel, reply_by, content, contact, received_at, due_at, claimed_at, claimed_by,
    answered_at, closed_at, purged_at, reminded_at, escalated_at
)
SELECT
    id, reference, form, audience, language, queue, region, age_group, writer, theme,
    channel, reply_by, content, contact, received_at, due_at, claimed_at, claimed_by,
    answered_at, closed_at, purged_at, reminded_at, escalated_at
FROM messages;

DROP TABLE messages;

ALTER TABLE messages_new RENAME TO messages;

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

-- The conversation of a message answered on the site, in order: what the person wrote
-- after the first message, and every answer of 1712. The first message stays in
-- messages.content. Deleted by the purge.
CREATE TABLE message_thread (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL,
    author TEXT,                               -- the helper's account; NULL: the person
    created_at TEXT NOT NULL,
    body BLOB                                  -- sealed
);
CREATE INDEX message_thread_message ON message_thread (message_id, id);
