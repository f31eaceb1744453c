import type { Db } from './database.ts';
import type { CounterRecord } from '../core/records.ts';

interface CounterRow {
  id: number;
  name: string;
  number: number;
  service_ids: string;
  status: CounterRecord['status'];
  pause_reason: string | null;
}

const fromRow = (r: CounterRow): CounterRecord => ({
  id: r.id,
  name: r.name,
  number: r.number,
  serviceIds: JSON.parse(r.service_ids),
  status: r.status,
  pauseReason: r.pause_reason,
});

const toParams = (c: Omit<CounterRecord, 'id'>) => ({
  name: c.name,
  number: c.number,
  service_ids: JSON.stringify(c.serviceIds),
  status: c.status,
  pause_reason: c.pauseReason,
});

/** SQL for counters. Counters are closed, never deleted (tickets and ratings point at them). */
export class CounterStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      all: db.prepare('SELECT * FROM counters ORDER BY number'),
      byId: db.prepare('SELECT * FROM counters WHERE id = ?'),
      byNumber: db.prepare('SELECT * FROM counters WHERE number = ?'),
      insert: db.prepare(`INSERT INTO counters (name, number, service_ids, status, pause_reason)
        VALUES (@name, @number, @service_ids, @status, @pause_reason)`),
      update:
        db.prepare(`UPDATE counters SET name = @name, number = @number, service_ids = @service_ids,
        status = @status, pause_reason = @pause_reason WHERE id = @id`),
    };
  }
  all(): CounterRecord[] {
    return (this.q.all.all() as CounterRow[]).map(fromRow);
  }
  get(id: number): CounterRecord | undefined {
    const row = this.q.byId.get(id) as CounterRow | undefined;
    return row && fromRow(row);
  }
  byNumber(number: number): CounterRecord | undefined {
    const row = this.q.byNumber.get(number) as CounterRow | undefined;
    return row && fromRow(row);
  }
  insert(counter: Omit<CounterRecord, 'id'>): CounterRecord {
    const info = this.q.insert.run(toParams(counter));
    return { ...counter, id: Number(info.lastInsertRowid) };
  }
  update(counter: CounterRecord): void {
    this.q.update.run({ ...toParams(counter), id: counter.id });
  }
}
