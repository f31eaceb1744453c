import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { OfficeUpdatedEvent, PublicSnapshot } from '../../server/contract/contract.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const CHANNEL = {
  phone: '0 7400 0000',
  line: '@tambon-example',
  email: 'complaint@tambon-example.go.th',
  web: 'https://tambon-example.go.th/complaint',
  note: { th: 'หรือที่โต๊ะประชาสัมพันธ์ วันทำการ 08:30–16:30' },
};

describe("the office's complaint channel", () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    try {
      expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  const put = (body: unknown) => s.admin.request('PUT', '/api/settings/complaint-channel', body);

  it('is unset on a new office, for anyone who asks and in the snapshot', async () => {
    expect((await s.anon.get('/api/settings/complaint-channel')).body).toEqual({
      complaintChannel: null,
    });
    const socket = connect(s.url, { transports: ['websocket'] });
    const first = await new Promise<PublicSnapshot>((resolve) => socket.once('snapshot', resolve));
    socket.disconnect();
    expect(first.complaintChannel).toBeNull();
  });

  it('stores the channel, records it in the ledger, tells every screen and puts it in the snapshot', async () => {
    const socket = connect(s.url, { transports: ['websocket'] });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const announced = new Promise<OfficeUpdatedEvent>((resolve) =>
      socket.once('office:updated', resolve),
    );
    const before = s.ledgerLength();
    const saved = await put(CHANNEL);
    expect(saved.status).toBe(200);
    const stored = { ...CHANNEL, note: { th: CHANNEL.note.th, en: null } };
    expect(saved.body).toEqual({ complaintChannel: stored });
    expect((await announced).seq).toBe(before + 1);
    const entry = s.khiu.db
      .prepare('SELECT type, entity_id AS entityId, data FROM ledger WHERE seq = ?')
      .get(before + 1) as { type: string; entityId: string; data: string };
    expect(entry).toMatchObject({ type: 'setting.changed', entityId: 'complaintChannel' });
    expect(JSON.parse(entry.data).actor).toMatchObject({ kind: 'user', username: 'admin' });
    const fresh = new Promise<PublicSnapshot>((resolve) => socket.once('snapshot', resolve));
    socket.emit('snapshot:request');
    expect((await fresh).complaintChannel).toEqual(stored);
    socket.disconnect();
    expect((await s.anon.get('/api/settings/complaint-channel')).body.complaintChannel).toEqual(
      stored,
    );
  });

  it('takes a single way, blank ones counted as none', async () => {
    const saved = await put({ phone: '  1132 ', line: '', email: null, note: null });
    expect(saved.status).toBe(200);
    expect(saved.body.complaintChannel).toEqual({
      phone: '1132',
      line: null,
      email: null,
      web: null,
      note: null,
    });
  });

  it('refuses a channel with no way to complain, a malformed or too long one, and changes nothing', async () => {
    expect((await put(CHANNEL)).status).toBe(200);
    const before = s.ledgerLength();
    const bad: unknown[] = [
      {},
      { phone: '', line: '  ' },
      { phone: 'call us' },
      { phone: '0'.repeat(21) },
      { line: 'line me!' },
      { email: 'not-an-address' },
      { email: `${'a'.repeat(80)}@example.go.th` },
      { web: 'javascript:alert(1)' },
      { web: 'https://user:pw@example.go.th' },
      { web: `https://example.go.th/${'x'.repeat(100)}` },
      { note: { th: '' } },
      { note: { th: 'ก'.repeat(201) } },
      { note: { th: 'ติดต่อ\u202Eโต๊ะ' } },
      { phone: 42 },
      'phone',
    ];
    for (const body of bad) {
      const res = await put(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(s.ledgerLength()).toBe(before);
    expect((await s.anon.get('/api/settings/complaint-channel')).body.complaintChannel.phone).toBe(
      CHANNEL.phone,
    );
  });

  it('refuses what the text-mode ticket printers cannot print, naming the field and character', async () => {
    const before = s.ledgerLength();
    const res = await put({ web: 'https://tambon.go.th/☎' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^web: "☎" \(U\+260E\) cannot be printed/);
    // A note is printed only when it is the whole channel.
    const onlyNote = await put({ note: { th: 'โต๊ะประชาสัมพันธ์ 📞' } });
    expect(onlyNote.status).toBe(400);
    expect(onlyNote.body.error.message).toMatch(/^note\.th: /);
    expect(s.ledgerLength()).toBe(before);
    expect((await put({ phone: '1132', note: { th: 'โต๊ะประชาสัมพันธ์ 📞' } })).status).toBe(200);
  });

  it('lets only an admin change it', async () => {
    const manager = await s.userWithRole('manager');
    expect((await s.anon.request('PUT', '/api/settings/complaint-channel', CHANNEL)).status).toBe(
      401,
    );
    expect((await manager.request('PUT', '/api/settings/complaint-channel', CHANNEL)).status).toBe(
      403,
    );
  });
});
