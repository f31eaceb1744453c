import { z } from 'zod';
import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { parse } from '../schemas.ts';
import { TRANSPARENCY_RANGES, type TransparencyRange } from '../../contract/contract.ts';
import { TransparencyView } from '../../commands/transparency-view.ts';
import { BackgroundVerification } from '../../store/background-verification.ts';
import { TransparencyCache } from '../transparency-cache.ts';
import type { LedgerCheckResult } from '../../reports/transparency.ts';

/** The whole chain is checked again at most this often (and only while someone is looking). */
export const CHAIN_CHECK_EVERY_MINUTES = 10;
/** The first visitor after a start waits this long at most for the first check of the chain. */
const FIRST_CHECK_WAIT_MS = 3000;
/** After a change, an answer is rebuilt at most this often per range. */
const CACHE_HOLD_MS = 2000;

const rangeQuery = z.enum(TRANSPARENCY_RANGES);

/** The public record of the queue: anyone may read it, without signing in. */
export function transparencyRoutes(router: Router, { office }: ApiDeps): void {
  const view = new TransparencyView(office);
  const checks = new BackgroundVerification(office.ctx.store.db.name, {
    everyMs: CHAIN_CHECK_EVERY_MINUTES * 60_000,
    now: () => office.ctx.now(),
  });
  const cache = new TransparencyCache<TransparencyRange>(CACHE_HOLD_MS);

  router.on('GET', '/api/transparency', async ({ res, query }) => {
    const kind = parse(rangeQuery, query.get('range') ?? 'today');
    const completed = await checks.latest(FIRST_CHECK_WAIT_MS);
    const check: LedgerCheckResult | null = completed && {
      ok: completed.verification.ok,
      length: completed.verification.length,
      headHash: completed.verification.headHash,
      brokenAt: completed.verification.brokenAt ?? null,
      checkedMs: completed.checkedMs,
    };
    const body = cache.get(kind, view.version(check), () =>
      JSON.stringify(view.build(kind, check, CHAIN_CHECK_EVERY_MINUTES)),
    );
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
    });
    res.end(body);
  });
}
