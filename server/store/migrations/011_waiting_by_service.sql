-- 011: a counter's call and a ticket's "people ahead" at a cost that depends on the waiting
-- tickets of the services involved, not on the hall nor on how many were served today
-- (issue 13). Before this, the oldest waiting ticket of a counter's services was found through
-- tickets_day_service (every ticket of those services issued today, finished ones included,
-- then sorted) or tickets_waiting (every waiting ticket of every service, in time order).
-- Keyed by service and lane first, the oldest ticket of a service's lane is the first entry of
-- its range, and the people ahead of a ticket are a range of its own service and lane.
-- `held` is a column rather than part of the condition, so that a query over a service's whole
-- waiting line, held tickets included, can use it too.
CREATE INDEX tickets_waiting_by_service
  ON tickets(service_id, held, (priority IS NOT NULL), day, queued_ms, seq)
  WHERE status = 'waiting';

-- Whose turn it is (a priority ticket after every N normal calls) asks for the day's latest
-- priority call and counts the normal calls since; by lane, the first is one lookup and the
-- second a range of the calls since, whatever the day's length.
CREATE INDEX tickets_calls_by_lane
  ON tickets(day, (priority IS NOT NULL), called_ms, transferred_from)
  WHERE called_ms IS NOT NULL;
