-- A mail the receiving side refused for good (an SMTP 5xx, an address no server here
-- can take) is marked undeliverable: never tried again, shown on the staff side with
-- its reason, not counted as waiting, and deleted with its message at the purge.
ALTER TABLE outbox ADD COLUMN failed_at TEXT;
