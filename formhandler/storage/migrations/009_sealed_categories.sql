-- Hardening (issue 16, finding 10): the categories a person chose (region, age group, who
-- writes, theme; a complaint's channel) are sealed like the text, in `categories`. The
-- clear columns stay for rows written before this migration, until the scheduler seals
-- them (storage/categories.py); new rows leave them empty. The anonymous statistics row
-- keeps what the figures need, with the month, not the second.
ALTER TABLE messages ADD COLUMN categories BLOB;   -- sealed JSON; NULL once purged
