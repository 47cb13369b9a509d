-- Every timestamp in one format, UTC with a Z ('2026-11-24T15:00:00Z', storage.database).
-- Accounts and the audit log were written as '+00:00' before; the text sorts and compares
-- the same way only when all rows share one format.
UPDATE staff_users SET created_at = replace(created_at, '+00:00', 'Z')
    WHERE created_at LIKE '%+00:00';
UPDATE staff_users SET disabled_at = replace(disabled_at, '+00:00', 'Z')
    WHERE disabled_at LIKE '%+00:00';
UPDATE audit_log SET at = replace(at, '+00:00', 'Z') WHERE at LIKE '%+00:00';
