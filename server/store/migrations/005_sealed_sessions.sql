-- 005: sessions a person with the sqlite3 shell cannot forge (issue 9). A row held the
-- SHA-256 of its cookie's token, so anyone who could write the database could add a row for
-- a token of their own and sign in as anyone; and nothing tied a row's user to its token, so
-- changing user_id turned one's own session into the admin's. Now both columns are keyed
-- with a secret kept outside the database (session.key in the data directory):
--   token_hash = HMAC-SHA256(key, token)
--   seal       = HMAC-SHA256(key, token_hash, user_id, counter_id, created_ms, expires_ms)
-- Old rows cannot be re-keyed without their tokens: every session ends here, and everyone
-- signs in once more.
DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL,
  counter_id INTEGER REFERENCES counters(id),
  seal       TEXT NOT NULL
);
