import type { Db } from './database.ts';

/**
 * `waiting_counts` and `ticket_sequences` are kept in step with the tickets by the store, in
 * the same transaction, so that "people ahead" and the next number are one lookup each. They
 * are not in the ledger because they follow from the tickets, which are: recounted here, a
 * count edited by hand (a queue that looks shorter, a number drawn twice or skipped) is named.
 */
export function compareDerivedTables(db: Db): string | null {
  return waitingCountsProblem(db) ?? ticketSequencesProblem(db);
}

interface Mismatch {
  day: string;
  service_id: number;
  lane: string;
  stored: number | null;
  counted: number;
}

const LANE = `CASE WHEN priority IS NULL THEN 'normal' ELSE 'priority' END`;

/** The rows of `table` whose `column` differs from `counted`, and counted rows it lacks. */
const mismatchQuery = (table: string, column: string, counted: string): string => `
  WITH counted AS (${counted})
  SELECT t.day, t.service_id, t.lane, t.${column} AS stored, coalesce(c.n, 0) AS counted
    FROM ${table} t LEFT JOIN counted c USING (day, service_id, lane)
    WHERE t.${column} IS NOT coalesce(c.n, 0)
  UNION ALL
  SELECT c.day, c.service_id, c.lane, NULL AS stored, c.n AS counted
    FROM counted c LEFT JOIN ${table} t USING (day, service_id, lane)
    WHERE t.day IS NULL
  ORDER BY 1, 2, 3 LIMIT 1`;

function waitingCountsProblem(db: Db): string | null {
  // Waiting in line: a held ticket waits aside for its counter, not in the line.
  const found = db
    .prepare(
      mismatchQuery(
        'waiting_counts',
        'waiting',
        `SELECT day, service_id, ${LANE} AS lane, count(*) AS n FROM tickets
          WHERE status = 'waiting' AND held = 0 GROUP BY 1, 2, 3`,
      ),
    )
    .get() as Mismatch | undefined;
  if (!found) return null;
  return (
    `waiting_counts says ${found.stored ?? 'nothing'} waiting in the ${found.lane} lane of ` +
    `service ${found.service_id} on ${found.day}, but the tickets say ${found.counted}`
  );
}

function ticketSequencesProblem(db: Db): string | null {
  // Numbers are drawn gap-free with the ticket they number; a transferred ticket keeps its
  // number and draws none.
  const found = db
    .prepare(
      mismatchQuery(
        'ticket_sequences',
        'last',
        `SELECT day, service_id, ${LANE} AS lane, count(*) AS n FROM tickets
          WHERE transferred_from IS NULL GROUP BY 1, 2, 3`,
      ),
    )
    .get() as Mismatch | undefined;
  if (!found) return null;
  return (
    `ticket_sequences says the last ${found.lane} number of service ${found.service_id} on ` +
    `${found.day} is ${found.stored ?? 'none'}, but the tickets say ${found.counted}`
  );
}
