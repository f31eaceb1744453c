-- A counter's rating target (issue 10): its latest finished ticket, and whether anyone was
-- called to it since. Both are asked on every finish, call and rating at the counter, and
-- would otherwise scan every ticket the office ever issued.
CREATE INDEX tickets_finished_at_counter ON tickets(counter_id, finished_ms) WHERE status = 'done';
CREATE INDEX tickets_calls_at_counter ON tickets(counter_id, last_called_ms)
  WHERE last_called_ms IS NOT NULL;
