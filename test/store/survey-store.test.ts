import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOfficeFixture, kiosk, staff, type OfficeFixture } from '../helpers/office-fixture.ts';

/*
 * The surveys table holds what the command checked even against a writer that skips it: the
 * database itself refuses a level outside 1..5, an over-long comment, a second survey of a
 * ticket, and any edit or deletion.
 */
describe('the surveys table', () => {
  let f: OfficeFixture;
  let ticketId: string;
  let otherId: string;

  beforeEach(() => {
    f = openOfficeFixture();
    const issue = () => f.office.tickets.issue(f.service('A'), null, kiosk).ticket.id;
    ticketId = issue();
    otherId = issue();
    for (const id of [ticketId, otherId]) {
      f.office.tickets.callNext(f.counter(1), staff);
      f.office.tickets.start(id, staff);
      f.office.tickets.finish(id, staff);
    }
    f.office.surveys.submit(
      ticketId,
      { process: 4, channels: 4, staff: 5, facilities: 3, overall: 4 },
      'ห้องน้ำควรสะอาดกว่านี้',
      { kind: 'anonymous', via: 'ticket-qr' },
    );
  });
  afterEach(() => f.close());

  const insert = (id: string, level: number, comment: string | null) =>
    f.db
      .prepare(
        `INSERT INTO surveys (ticket_id, process_score, channels_score, staff_score,
          facilities_score, overall_score, comment, submitted_ms) VALUES (?, ?, 3, 3, 3, 3, ?, 0)`,
      )
      .run(id, level, comment);

  it('reads back the survey the command stored, with its comment as typed', () => {
    expect(f.office.ctx.store.surveys.get(ticketId)).toMatchObject({
      ticketId,
      process: 4,
      staff: 5,
      facilities: 3,
      comment: 'ห้องน้ำควรสะอาดกว่านี้',
    });
    expect(f.office.ctx.store.surveys.get(otherId)).toBeUndefined();
  });

  it('refuses a level outside 1..5, an empty or over-long comment, and a second survey of a ticket', () => {
    for (const level of [0, 6]) expect(() => insert(otherId, level, null)).toThrow(/CHECK/);
    expect(() => insert(otherId, 3, 'ก'.repeat(501))).toThrow(/CHECK/);
    expect(() => insert(otherId, 3, '')).toThrow(/CHECK/);
    expect(() => insert(ticketId, 3, null)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('refuses any edit or deletion of a survey', () => {
    expect(() =>
      f.db.prepare('UPDATE surveys SET overall_score = 5 WHERE ticket_id = ?').run(ticketId),
    ).toThrow(/never edited/);
    expect(() => f.db.prepare('DELETE FROM surveys WHERE ticket_id = ?').run(ticketId)).toThrow(
      /never deleted/,
    );
    expect(f.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });
  });
});
