-- 002: what the managers' reports and a ticket's history read.

-- Reports read a range of office-local days; the day index of 001 is partial (first issues only).
CREATE INDEX tickets_day_service ON tickets(day, service_id);

-- A ticket's history is its ledger entries (ticket and rating entities share the ticket id).
CREATE INDEX ledger_entity ON ledger(entity, entity_id, seq);
