-- 009: the five-question satisfaction survey a citizen answers by the ticket's QR (project 16):
-- process, channels, staff, facilities and overall quality, each 1 (น้อยที่สุด) to 5 (มากที่สุด),
-- and an optional comment. One per ticket, on the ticket where the service ended (a transfer's
-- last ticket), recorded in the ledger like a rating, so a score edited with the sqlite3 shell
-- is named by `verify`. The scores end in _score so no reader takes `staff_score` for a name.

CREATE TABLE surveys (
  ticket_id         TEXT PRIMARY KEY REFERENCES tickets(id),
  process_score     INTEGER NOT NULL CHECK (process_score BETWEEN 1 AND 5),
  channels_score    INTEGER NOT NULL CHECK (channels_score BETWEEN 1 AND 5),
  staff_score       INTEGER NOT NULL CHECK (staff_score BETWEEN 1 AND 5),
  facilities_score  INTEGER NOT NULL CHECK (facilities_score BETWEEN 1 AND 5),
  overall_score     INTEGER NOT NULL CHECK (overall_score BETWEEN 1 AND 5),
  comment           TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 500),
  submitted_ms      INTEGER NOT NULL
);

CREATE TRIGGER surveys_are_final_update BEFORE UPDATE ON surveys
BEGIN
  SELECT RAISE(ABORT, 'surveys are never edited');
END;
CREATE TRIGGER surveys_are_final_delete BEFORE DELETE ON surveys
BEGIN
  SELECT RAISE(ABORT, 'surveys are never deleted');
END;
