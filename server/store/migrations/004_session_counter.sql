-- 004: a staff session works one counter at a time (issue 8): chosen at sign-in or with
-- PUT /api/session/counter, and checked on every call, ticket action and counter status.
-- NULL until chosen; managers and admins may act at any counter either way.
ALTER TABLE sessions ADD COLUMN counter_id INTEGER REFERENCES counters(id);
