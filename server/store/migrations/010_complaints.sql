-- 010: citizens' complaints of unfair service, tied to the ticket they hold (project 17). Every
-- row is recorded in the ledger at its receipt and at each change of status, like a ticket row,
-- so a complaint edited, added or deleted with the sqlite3 shell is named by `verify`.

CREATE TABLE complaints (
  id          INTEGER PRIMARY KEY,      -- the ledger's entity id
  reference   TEXT NOT NULL UNIQUE,     -- ร-2569-0001: what the citizen quotes to follow it
  year        INTEGER NOT NULL,         -- Buddhist era, of the office-local day it was received
  year_seq    INTEGER NOT NULL CHECK (year_seq >= 1),
  ticket_id   TEXT NOT NULL REFERENCES tickets(id),
  kind        TEXT NOT NULL
              CHECK (kind IN ('skipped', 'discrimination', 'bribe_request', 'rude', 'other')),
  text        TEXT,                     -- the citizen's words, null when none were given
  day         TEXT NOT NULL,            -- office-local YYYY-MM-DD of receipt: what reports count by
  received_ms INTEGER NOT NULL,
  status      TEXT NOT NULL DEFAULT 'received'
              CHECK (status IN ('received', 'investigating', 'resolved')),
  outcome     TEXT,                     -- required once resolved
  updated_ms  INTEGER,
  updated_by  TEXT,                     -- the manager who made the last change
  resolved_ms INTEGER,
  UNIQUE (year, year_seq),
  CHECK (status <> 'resolved' OR (outcome IS NOT NULL AND resolved_ms IS NOT NULL))
);

CREATE INDEX complaints_by_ticket ON complaints (ticket_id);
CREATE INDEX complaints_by_day ON complaints (day);
CREATE INDEX complaints_by_status ON complaints (status, received_ms);

-- What the citizen said, and when, never changes; only its handling moves on.
CREATE TRIGGER complaints_identity_is_fixed
BEFORE UPDATE OF id, reference, year, year_seq, ticket_id, kind, text, day, received_ms
ON complaints
BEGIN
  SELECT RAISE(ABORT, 'a complaint as received is never edited');
END;
CREATE TRIGGER complaints_resolved_is_final
BEFORE UPDATE ON complaints WHEN OLD.status = 'resolved'
BEGIN
  SELECT RAISE(ABORT, 'a resolved complaint is final');
END;
CREATE TRIGGER complaints_are_never_deleted BEFORE DELETE ON complaints
BEGIN
  SELECT RAISE(ABORT, 'complaints are never deleted');
END;
