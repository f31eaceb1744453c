import type { Db } from './database.ts';
import type { ServiceRecord } from '../core/records.ts';

interface ServiceRow {
  id: number;
  code: string;
  name_th: string;
  name_en: string;
  steps: string;
  documents: string;
  fee: number;
  fee_note: string | null;
  target_wait_minutes: number;
  active: number;
  sort_order: number;
}

const fromRow = (r: ServiceRow): ServiceRecord => ({
  id: r.id,
  code: r.code,
  name: { th: r.name_th, en: r.name_en },
  steps: JSON.parse(r.steps),
  documents: JSON.parse(r.documents),
  fee: r.fee,
  feeNote: r.fee_note === null ? null : JSON.parse(r.fee_note),
  targetWaitMinutes: r.target_wait_minutes,
  active: r.active === 1,
  sortOrder: r.sort_order,
});

const toParams = (s: Omit<ServiceRecord, 'id'>) => ({
  code: s.code,
  name_th: s.name.th,
  name_en: s.name.en,
  steps: JSON.stringify(s.steps),
  documents: JSON.stringify(s.documents),
  fee: s.fee,
  fee_note: s.feeNote === null ? null : JSON.stringify(s.feeNote),
  target_wait_minutes: s.targetWaitMinutes,
  active: s.active ? 1 : 0,
  sort_order: s.sortOrder,
});

/** SQL for the posted services. Services are deactivated, never deleted (old tickets point at them). */
export class ServiceStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      all: db.prepare('SELECT * FROM services ORDER BY sort_order, id'),
      byId: db.prepare('SELECT * FROM services WHERE id = ?'),
      byCode: db.prepare('SELECT * FROM services WHERE code = ?'),
      insert:
        db.prepare(`INSERT INTO services (code, name_th, name_en, steps, documents, fee, fee_note,
        target_wait_minutes, active, sort_order) VALUES (@code, @name_th, @name_en, @steps, @documents, @fee,
        @fee_note, @target_wait_minutes, @active, @sort_order)`),
      update:
        db.prepare(`UPDATE services SET code = @code, name_th = @name_th, name_en = @name_en, steps = @steps,
        documents = @documents, fee = @fee, fee_note = @fee_note, target_wait_minutes = @target_wait_minutes,
        active = @active, sort_order = @sort_order WHERE id = @id`),
      count: db.prepare('SELECT count(*) AS n FROM services'),
    };
  }
  all(): ServiceRecord[] {
    return (this.q.all.all() as ServiceRow[]).map(fromRow);
  }
  get(id: number): ServiceRecord | undefined {
    const row = this.q.byId.get(id) as ServiceRow | undefined;
    return row && fromRow(row);
  }
  byCode(code: string): ServiceRecord | undefined {
    const row = this.q.byCode.get(code) as ServiceRow | undefined;
    return row && fromRow(row);
  }
  insert(service: Omit<ServiceRecord, 'id'>): ServiceRecord {
    const info = this.q.insert.run(toParams(service));
    return { ...service, id: Number(info.lastInsertRowid) };
  }
  update(service: ServiceRecord): void {
    this.q.update.run({ ...toParams(service), id: service.id });
  }
  count(): number {
    return (this.q.count.get() as { n: number }).n;
  }
}
