-- Statistics of the answer on the site (issue 12): how each person asked to be answered
-- (e-mail, phone, on the site) and how many follow-ups they wrote on the site. Both stay
-- in the anonymous statistics row when the purge wipes the message.
ALTER TABLE message_statistics ADD COLUMN answer_channel TEXT;   -- 'email', 'phone', 'site'
ALTER TABLE message_statistics ADD COLUMN person_followups INTEGER NOT NULL DEFAULT 0;

UPDATE message_statistics
SET answer_channel = (SELECT reply_by FROM messages WHERE messages.id = message_statistics.message_id);
