-- 008: each closed office day's ledger head, signed with the office's Ed25519 key
-- (checkpoint.key beside the database) and published at GET /api/ledger/checkpoints.
-- Kept in the database, not a file: a checkpoint is written in one transaction with the
-- reading of the head it signs, and `khiu backup` carries the series with the ledger. The
-- table needs no protection of its own: every row is checked by its signature, and what
-- anchors the history is the copy saved outside the office.

CREATE TABLE ledger_checkpoints (
  day        TEXT PRIMARY KEY,                           -- office-local YYYY-MM-DD
  seq        INTEGER NOT NULL UNIQUE CHECK (seq >= 1),   -- the day's last entry
  count      INTEGER NOT NULL CHECK (count >= 1 AND count <= seq),
  head_hash  TEXT NOT NULL,
  signature  TEXT NOT NULL,                              -- base64 Ed25519
  public_key TEXT NOT NULL,                              -- PEM (SPKI) of the key that signed it
  signed_ms  INTEGER NOT NULL
) WITHOUT ROWID;
