import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

describe('many counters at once', () => {
  let s: TestServer;
  // A manager: staff work one counter each, a manager may press call-next at all 50.
  let manager: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    manager = await s.userWithRole('manager');
  });
  afterAll(() => s.close());

  it('never gives the same ticket to two of 50 counters pressing call-next together', async () => {
    const counterIds: number[] = [];
    for (let n = 0; n < 50; n += 1) {
      const res = await s.admin.post('/api/counters', {
        name: `ช่อง ${100 + n}`,
        number: 100 + n,
        serviceIds: [1, 2, 3],
      });
      counterIds.push(res.body.counter.id);
    }
    const issued = await Promise.all(
      Array.from({ length: 40 }, (_, i) => s.anon.post('/api/tickets', { serviceId: (i % 3) + 1 })),
    );
    expect(issued.every((r) => r.status === 201)).toBe(true);

    const calls = await Promise.all(
      counterIds.map((id) => manager.post(`/api/counters/${id}/call-next`)),
    );
    const called = calls.filter((r) => r.status === 200).map((r) => r.body.ticket.id as string);
    expect(calls.filter((r) => r.status === 204)).toHaveLength(10);
    expect(called).toHaveLength(40);
    expect(new Set(called).size).toBe(40);
    expect(new Set(called)).toEqual(new Set(issued.map((r) => r.body.ticket.id)));
  });

  it('keeps numbers unique and gap-free when 100 kiosks issue together', async () => {
    const issued = await Promise.all(
      Array.from({ length: 100 }, () => s.anon.post('/api/tickets', { serviceId: 4 })),
    );
    const numbers = issued.map((r) => r.body.ticket.number as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 100 }, (_, i) => `D${String(i + 1).padStart(3, '0')}`),
    );
  });
});
