import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { createHttpApi } from '../../renderer/src/lib/api/http-api.ts';
import { ApiError } from '../../renderer/src/lib/api/api-error.ts';

let khiu: RunningKhiu;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'khiu-renderer-api-'));
  khiu = await startKhiu({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: 'test-admin-pw',
    log: () => {},
  });
});

afterAll(async () => {
  await khiu.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the renderer API client against a real office server', () => {
  it('issues a ticket and reads its public status', async () => {
    const api = createHttpApi(khiu.url, fetch);
    const ticket = await api.issueTicket(1, 'elderly', 'req-1');
    expect(ticket.priority).toBe('elderly');
    const again = await api.issueTicket(1, 'elderly', 'req-1');
    expect(again.id).toBe(ticket.id);
    const view = await api.ticketStatus(ticket.id);
    expect(view.service.code).toBe('A');
    expect(view.ticket.status).toBe('waiting');
  });

  it('answers "nothing to rate" as null, not as an error, to the counter’s paired rating screen', async () => {
    const { token } = khiu.office.stations.add(
      { name: 'rating-1', kind: 'rating', counterId: 1, buttonCounterIds: [] },
      { kind: 'system', reason: 'test' },
    );
    // The browser a /pair link paired sends its station cookie with every request.
    const pairedFetch: typeof fetch = (input, init = {}) =>
      fetch(input, { ...init, headers: { ...init.headers, cookie: `khiu_station=${token}` } });
    const paired = createHttpApi(khiu.url, pairedFetch);
    expect(await paired.ratingTarget(1)).toBeNull();
    expect(await paired.currentStation()).toMatchObject({ name: 'rating-1', kind: 'rating' });
    expect(await createHttpApi(khiu.url, fetch).currentStation()).toBeNull();
    const refused = await createHttpApi(khiu.url, fetch)
      .ratingTarget(1)
      .catch((e: unknown) => e);
    expect((refused as ApiError).code).toBe('station_required');
  });

  it('turns the server error into a message in Thai and English', async () => {
    const api = createHttpApi(khiu.url, fetch);
    const error = await api.ticketStatus('no-such-ticket').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).userMessage.th).toContain('ไม่พบ');
    expect((error as ApiError).userMessage.en).toContain('Not found');
  });

  it('reports an unreachable server as a network problem with what to do', async () => {
    const error = await createHttpApi('http://127.0.0.1:9', fetch)
      .services()
      .catch((e: unknown) => e);
    expect((error as ApiError).code).toBe('network');
    expect((error as ApiError).userMessage.th).toContain('แจ้งเจ้าหน้าที่');
  });

  it('is told when it is not signed in', async () => {
    expect(await createHttpApi(khiu.url, fetch).currentUser()).toBeNull();
  });
});
