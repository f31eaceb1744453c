-- 003: paired stations (issue 8). A station is a device an admin paired: a kiosk screen, a hall
-- display, a counter's rating screen, or a device agent. Only the SHA-256 of its token is kept,
-- so a copy of the database (or of the ledger, which records every row) pairs nothing.

CREATE TABLE stations (
  id                 INTEGER PRIMARY KEY,
  name               TEXT NOT NULL,            -- the place: kiosk-1's screen and its agent share it
  kind               TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'rating', 'agent')),
  counter_id         INTEGER REFERENCES counters(id),  -- a rating station's counter
  button_counter_ids TEXT NOT NULL DEFAULT '[]',       -- JSON number[]: an agent's button boxes
  token_hash         TEXT NOT NULL UNIQUE,     -- hex SHA-256 of the token
  created_ms         INTEGER NOT NULL,
  revoked_ms         INTEGER,
  CHECK ((kind = 'rating') = (counter_id IS NOT NULL)),
  CHECK (kind = 'agent' OR button_counter_ids = '[]')
);

-- One live station of each kind per place; a revoked one may be replaced under the same name.
CREATE UNIQUE INDEX stations_live_name ON stations(name, kind) WHERE revoked_ms IS NULL;

-- A revoked station stays revoked, and its identity never changes: the ledger names it.
CREATE TRIGGER stations_identity_is_fixed
BEFORE UPDATE OF id, name, kind, counter_id, button_counter_ids, token_hash, created_ms ON stations
BEGIN
  SELECT RAISE(ABORT, 'station identity is immutable');
END;
CREATE TRIGGER stations_stay_revoked
BEFORE UPDATE OF revoked_ms ON stations WHEN OLD.revoked_ms IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'a revoked station stays revoked');
END;
CREATE TRIGGER stations_are_never_deleted BEFORE DELETE ON stations
BEGIN
  SELECT RAISE(ABORT, 'stations are never deleted');
END;
