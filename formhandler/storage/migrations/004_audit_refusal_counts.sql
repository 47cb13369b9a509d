-- Refusals without a login (a wrong password, a forged form) are counted per hour and
-- action instead of written one row each: anyone can cause them, and a flood of rows
-- must not bury what staff really did.
CREATE TABLE audit_refusal_counts (
    hour TEXT NOT NULL,
    action TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, action)
);
