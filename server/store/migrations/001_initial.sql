-- 001: the office's queue, its posted standards, users and the ledger.
-- Times are integer milliseconds since the epoch (UTC); the api formats them in the office time zone.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL            -- JSON
);

CREATE TABLE services (
  id                  INTEGER PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,
  name_th             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  steps               TEXT NOT NULL,   -- JSON ServiceStep[]
  documents           TEXT NOT NULL,   -- JSON LocalizedText[]
  fee                 REAL NOT NULL CHECK (fee >= 0),
  fee_note            TEXT,            -- JSON LocalizedText or NULL
  target_wait_minutes INTEGER NOT NULL CHECK (target_wait_minutes >= 0),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order          INTEGER NOT NULL
);

CREATE TABLE counters (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  number       INTEGER NOT NULL UNIQUE,
  service_ids  TEXT NOT NULL,          -- JSON number[], in the counter's order
  status       TEXT NOT NULL CHECK (status IN ('open', 'paused', 'closed')),
  pause_reason TEXT
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'admin')),
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_ms    INTEGER NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL
);

-- Numbers are drawn in the same transaction as the ticket insert, so they stay gap-free.
CREATE TABLE ticket_sequences (
  day        TEXT NOT NULL,
  service_id INTEGER NOT NULL REFERENCES services(id),
  lane       TEXT NOT NULL CHECK (lane IN ('normal', 'priority')),
  last       INTEGER NOT NULL,
  PRIMARY KEY (day, service_id, lane)
) WITHOUT ROWID;

CREATE TABLE tickets (
  seq                INTEGER PRIMARY KEY,          -- issue order, the tie-breaker for equal times
  id                 TEXT NOT NULL UNIQUE,         -- public, unguessable (printed in the QR)
  number             TEXT NOT NULL,
  day                TEXT NOT NULL,                -- local date of the first issue
  service_id         INTEGER NOT NULL REFERENCES services(id),
  priority           TEXT CHECK (priority IN ('elderly', 'disabled', 'pregnant')),
  station            TEXT,                         -- the kiosk that issued it: its device agent prints it
  status             TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred')),
  queued_ms          INTEGER NOT NULL,             -- the citizen's place in time, kept across transfers
  issued_ms          INTEGER NOT NULL,
  called_ms          INTEGER,                      -- first call: the end of the wait
  last_called_ms     INTEGER,                      -- latest call, recall or return: what the hall sees
  started_ms         INTEGER,
  finished_ms        INTEGER,
  counter_id         INTEGER REFERENCES counters(id),
  staff              TEXT,
  held               INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
  recalls            INTEGER NOT NULL DEFAULT 0,
  out_of_turn        INTEGER NOT NULL DEFAULT 0 CHECK (out_of_turn IN (0, 1)),
  out_of_turn_reason TEXT,
  transferred_from   TEXT REFERENCES tickets(id),
  transferred_to     TEXT REFERENCES tickets(id),
  print_outcome      TEXT CHECK (print_outcome IN ('printed', 'failed')),  -- the latest print report
  print_reports      INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tickets_number_per_day ON tickets(day, number) WHERE transferred_from IS NULL;
CREATE INDEX tickets_waiting ON tickets(queued_ms, seq) WHERE status = 'waiting';
CREATE INDEX tickets_active_at_counter ON tickets(counter_id) WHERE status IN ('called', 'serving');
CREATE INDEX tickets_calls ON tickets(day, called_ms) WHERE called_ms IS NOT NULL;
CREATE INDEX tickets_latest_calls ON tickets(day, last_called_ms) WHERE last_called_ms IS NOT NULL;
CREATE INDEX tickets_issued ON tickets(issued_ms);

-- A ticket's identity never changes once issued; only its progress does.
CREATE TRIGGER tickets_identity_is_fixed
BEFORE UPDATE OF id, number, day, service_id, priority, station, queued_ms, issued_ms, seq ON tickets
BEGIN
  SELECT RAISE(ABORT, 'ticket identity is immutable');
END;
CREATE TRIGGER tickets_are_never_deleted BEFORE DELETE ON tickets
BEGIN
  SELECT RAISE(ABORT, 'tickets are never deleted');
END;

-- Waiting tickets per day, service and lane, kept in step by the ticket store in the same
-- transaction, so "people ahead" of a new ticket is one lookup instead of a count.
CREATE TABLE waiting_counts (
  day        TEXT NOT NULL,
  service_id INTEGER NOT NULL REFERENCES services(id),
  lane       TEXT NOT NULL CHECK (lane IN ('normal', 'priority')),
  waiting    INTEGER NOT NULL CHECK (waiting >= 0),
  PRIMARY KEY (day, service_id, lane)
) WITHOUT ROWID;

CREATE TABLE ratings (
  ticket_id  TEXT PRIMARY KEY REFERENCES tickets(id),
  score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  counter_id INTEGER NOT NULL REFERENCES counters(id),
  staff      TEXT,
  rated_ms   INTEGER NOT NULL
);
CREATE TRIGGER ratings_are_final_update BEFORE UPDATE ON ratings
BEGIN
  SELECT RAISE(ABORT, 'ratings are never edited');
END;
CREATE TRIGGER ratings_are_final_delete BEFORE DELETE ON ratings
BEGIN
  SELECT RAISE(ABORT, 'ratings are never deleted');
END;

-- Retried requests (same clientRequestId) get the first answer back.
CREATE TABLE client_requests (
  key         TEXT PRIMARY KEY,        -- kind + ':' + clientRequestId
  fingerprint TEXT NOT NULL,
  response    TEXT NOT NULL,           -- JSON
  created_ms  INTEGER NOT NULL
);

-- The hash chain: hash = sha256(prev_hash || canonical JSON of the event).
CREATE TABLE ledger (
  seq       INTEGER PRIMARY KEY,
  at_ms     INTEGER NOT NULL,
  type      TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  data      TEXT NOT NULL,             -- canonical JSON {actor, state, ...}
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER ledger_is_append_only_update BEFORE UPDATE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
CREATE TRIGGER ledger_is_append_only_delete BEFORE DELETE ON ledger
BEGIN
  SELECT RAISE(ABORT, 'the ledger is append-only');
END;
