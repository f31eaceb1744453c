-- 007: each posted step of a ticket's service as the counter timed it (project 26). One row per
-- ticket and step number, recorded in the ledger at its start and its finish like a ticket row,
-- so a step time edited with the sqlite3 shell is named by `verify`.

CREATE TABLE ticket_steps (
  id               TEXT PRIMARY KEY,        -- ticket id ':' step order: the ledger's entity id
  ticket_id        TEXT NOT NULL REFERENCES tickets(id),
  step_order       INTEGER NOT NULL CHECK (step_order >= 1),
  standard_minutes INTEGER NOT NULL CHECK (standard_minutes >= 0),  -- as posted when it started
  counter_id       INTEGER NOT NULL REFERENCES counters(id),
  staff            TEXT,
  started_ms       INTEGER NOT NULL,
  finished_ms      INTEGER CHECK (finished_ms IS NULL OR finished_ms >= started_ms),
  UNIQUE (ticket_id, step_order)
);

-- A step's identity never changes once started; only its finish is added.
CREATE TRIGGER ticket_steps_identity_is_fixed
BEFORE UPDATE OF id, ticket_id, step_order, standard_minutes, counter_id, staff, started_ms
ON ticket_steps
BEGIN
  SELECT RAISE(ABORT, 'a timed step is never edited, only finished');
END;
CREATE TRIGGER ticket_steps_finish_once
BEFORE UPDATE OF finished_ms ON ticket_steps WHEN OLD.finished_ms IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a timed step is finished once');
END;
CREATE TRIGGER ticket_steps_are_never_deleted BEFORE DELETE ON ticket_steps
BEGIN
  SELECT RAISE(ABORT, 'timed steps are never deleted');
END;
