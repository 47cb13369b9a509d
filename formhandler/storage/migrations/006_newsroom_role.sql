-- The newsroom (issue 17): a staff role 'redactie' that writes and publishes the site's
-- content at /medewerkers/redactie/ and sees no message. SQLite cannot change a CHECK
-- constraint in place, so the accounts table is rebuilt with the same rows and ids.

CREATE TABLE staff_users_new (
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

INSERT INTO staff_users_new (id, name, role, team, password_hash, totp_secret, last_totp_step,
    session_epoch, created_at, disabled_at)
SELECT id, name, role, team, password_hash, totp_secret, last_totp_step, session_epoch,
    created_at, disabled_at
FROM staff_users;

DROP TABLE staff_users;

ALTER TABLE staff_users_new RENAME TO staff_users;
