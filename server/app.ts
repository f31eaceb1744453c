import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Db } from './store/database.ts';
import { Store } from './store/store.ts';
import { Office } from './commands/office.ts';
import type { DomainEvent } from './commands/domain-events.ts';
import { Sessions } from './api/sessions.ts';
import { SessionKey } from './api/session-key.ts';
import { LEDGER_HEAD_FILE, refuseCutLedger } from './store/ledger-head.ts';
import { startLedgerHeadWriter } from './store/ledger-head-writer.ts';
import { StationAuth } from './api/station-auth.ts';
import { LoginLimiter } from './api/login-limiter.ts';
import { DeviceRegistry } from './api/device-registry.ts';
import type { Checkpointer } from './store/checkpointer.ts';
import {
  startCheckpointerOnDemand,
  type CheckpointDemandOptions,
} from './store/checkpointer-on-demand.ts';
import { claimDataDir } from './store/data-dir-claim.ts';
import { closeCleanly } from './store/clean-close.ts';
import { createHttpServer, type Logger } from './api/http-server.ts';
import { attachRealtime, type RealtimeServer } from './api/realtime.ts';
import { generatePassword, hashPassword, passwordTooShort } from './api/passwords.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { DEFAULT_OFFICE, type OfficeDefinition } from './core/default-office.ts';
import { DEFAULT_QUEUE_CONFIG } from './core/queue-rule.ts';
import { Reports } from './reports/reports.ts';
import { ReportPdfPrinter } from './reports/export/report-pdf.ts';
import { AllowedHosts } from './api/allowed-hosts.ts';
import { AnonymousRateLimit, DEFAULT_ANONYMOUS_RATE } from './api/anonymous-rate-limit.ts';
import type { Rate } from './api/token-buckets.ts';
import type { Perimeter } from './api/perimeter.ts';
import { SECURITY_HEADERS } from './api/security-headers.ts';
import { watchClock } from './api/clock-watch.ts';
import { CheckpointKey } from './store/checkpoint-key.ts';
import { CheckpointCommands } from './commands/checkpoint-commands.ts';
import { PACKAGE_ROOT } from './package-layout.ts';
import { startClientRequestPruning } from './store/client-requests-prune.ts';

export const DATABASE_FILE = 'khiu.db';
const WRITER_AUTOCHECKPOINT_WITH_WORKER = 20_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;
/** Closed days are signed at the day close; this catches a midnight no command crosses. */
const CHECKPOINT_SIGNING_INTERVAL_MS = 60_000;

export interface KhiuOptions {
  dataDir: string;
  port: number;
  host: string;
  clock?: Clock;
  /** The first admin's password on an empty data directory; generated and logged once when absent. */
  adminPassword?: string;
  office?: OfficeDefinition;
  log?: Logger;
  /** The built renderer to serve; defaults to dist/renderer when it exists. */
  staticDir?: string;
  /** Chromium, Chrome or Edge for PDF reports; found at the usual paths when absent (KHIU_BROWSER). */
  browserPath?: string;
  /** Host names browsers may reach the server by; default: its addresses and the machine's names. */
  allowedHosts?: readonly string[];
  /** Per client address and anonymous endpoint (docs/security.md); default 5 a second, bursts of 20. */
  anonymousRate?: Rate;
  /** PEM certificate and key: serve HTTPS, and session cookies become Secure. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** When the WAL checkpoint worker runs; tests shorten the defaults. */
  checkpointDemand?: CheckpointDemandOptions;
}

export const DEFAULT_STATIC_DIR = join(PACKAGE_ROOT, 'dist', 'renderer');

export interface RunningKhiu {
  url: string;
  port: number;
  office: Office;
  io: RealtimeServer;
  db: Db;
  /** WAL checkpoints off the request path; `running` is false while the writer does them itself. */
  checkpointer: Checkpointer;
  close(): Promise<void>;
}

export function openOffice(
  dataDir: string,
  clock: Clock = systemClock,
  onCommitted?: (events: DomainEvent[]) => void,
): { db: Db; office: Office } {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const office = new Office({
    store: new Store(db),
    clock,
    onCommitted: (events) => onCommitted?.(events),
  });
  return { db, office };
}

/** Opens the data directory (setting up an empty one as a default office) and serves the API. */
export async function startKhiu(options: KhiuOptions): Promise<RunningKhiu> {
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  // Refused before anything is opened: a weak first admin would guard the whole office.
  const weakAdmin = options.adminPassword ? passwordTooShort(options.adminPassword) : null;
  if (weakAdmin) throw new Error(`KHIU_ADMIN_PASSWORD (the first admin's password): ${weakAdmin}`);
  const clock = options.clock ?? systemClock;
  let publish: (events: DomainEvent[]) => void = () => {};
  // One server per data directory, on ground it can write (store/data-dir-claim.ts); held
  // until close. openDatabase then refuses an empty, foreign or damaged khiu.db.
  const lock = claimDataDir(options.dataDir, join(options.dataDir, DATABASE_FILE));
  let db: Db;
  let office: Office;
  try {
    ({ db, office } = openOffice(options.dataDir, clock, (events) => publish(events)));
  } catch (error) {
    lock.release();
    throw error;
  }
  let sessionKey: SessionKey;
  try {
    // Before anything is written: deleted last entries are refused, not built upon.
    refuseCutLedger(db);
    sessionKey = SessionKey.inDataDir(options.dataDir);
    // Refused at start, not made again, when the database holds checkpoints of another key.
    const checkpointKey = CheckpointKey.inDataDir(
      options.dataDir,
      office.ctx.store.checkpoints.series(),
      process.env.KHIU_NEW_CHECKPOINT_KEY === '1',
    );
    office.checkpoints = new CheckpointCommands(office.ctx, checkpointKey, log);
    office.admin.bootstrapOffice(options.office ?? DEFAULT_OFFICE, DEFAULT_QUEUE_CONFIG);
    await createFirstAdmin(office, options.adminPassword, log);
    office.tickets.closeEarlierDays();
    // The days closed while the server was down (the day close above signs only on a turn).
    office.checkpoints.signClosedDays();
  } catch (error) {
    db.close();
    lock.release();
    throw error;
  }

  // Under steady writing, checkpoints run in a worker and the request path keeps a high
  // threshold only as a safety net; SQLite's default one whenever the worker is not running.
  db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  const checkpointer = startCheckpointerOnDemand(join(options.dataDir, DATABASE_FILE), {
    ...options.checkpointDemand,
    log,
    onRunning: (running) => {
      if (db.open)
        db.pragma(
          `wal_autocheckpoint = ${running ? WRITER_AUTOCHECKPOINT_WITH_WORKER : SQLITE_DEFAULT_AUTOCHECKPOINT}`,
        );
    },
  });
  const headWriter = startLedgerHeadWriter(db, join(options.dataDir, LEDGER_HEAD_FILE), { log });
  const checkpoints = office.checkpoints;
  const checkpointSigning = setInterval(() => {
    try {
      checkpoints.signClosedDays();
    } catch (error) {
      log(`ledger checkpoints: cannot sign the closed days (${(error as Error).message})`);
    }
  }, CHECKPOINT_SIGNING_INTERVAL_MS);
  checkpointSigning.unref();
  // Stored answers to retried requests are kept for their replay window, not forever.
  const clientRequestPruning = startClientRequestPruning(db, () => clock.now(), { log });
  const sessions = new Sessions(office.ctx.store, clock, sessionKey, {
    secureCookies: options.tls !== undefined,
  });
  const limiter = new LoginLimiter(() => clock.now());
  const stations = new StationAuth(office.stations, () => sessions.cookieAttributes);
  const staticDir =
    options.staticDir ?? (existsSync(DEFAULT_STATIC_DIR) ? DEFAULT_STATIC_DIR : undefined);
  const devices = new DeviceRegistry(clock, (ms) => office.views.iso(ms));
  const reports = new Reports(office.ctx);
  const pdf = new ReportPdfPrinter({
    staticDir,
    browserPath: options.browserPath ?? process.env.KHIU_BROWSER ?? null,
    log,
    responseHeaders: SECURITY_HEADERS,
  });
  const perimeter: Perimeter = {
    scheme: options.tls ? 'https' : 'http',
    allowedHosts: AllowedHosts.forListener(options.host, options.allowedHosts),
    // Real time, not the office clock: a test's frozen clock must not freeze the buckets.
    anonymousRate: new AnonymousRateLimit(options.anonymousRate ?? DEFAULT_ANONYMOUS_RATE, () =>
      performance.now(),
    ),
  };
  const tls = options.tls && {
    cert: Buffer.from(options.tls.cert),
    key: Buffer.from(options.tls.key),
  };
  const http = createHttpServer(
    { office, sessions, limiter, devices, reports, pdf, stations },
    // The default folder even when it is not built yet: station pages then say how to build it.
    { log, perimeter, staticDir: staticDir ?? DEFAULT_STATIC_DIR, tls },
  );
  const realtime = attachRealtime(http, office.views, perimeter, { sessions, stations });
  publish = realtime.publish;

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    clearInterval(checkpointSigning);
    clientRequestPruning.stop();
    await realtime.io.close();
    await checkpointer.stop();
    await pdf.close();
    await headWriter.stop();
    db.close();
    lock.release();
    throw error;
  }
  // Only the real clock is watched: a test's ManualClock stands still and jumps by design.
  const clockWatch = options.clock ? undefined : watchClock({ office, clock, log, requests: http });
  const port = (http.address() as AddressInfo).port;
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${perimeter.scheme}://${hostInUrl}:${port}`,
    port,
    office,
    io: realtime.io,
    db,
    checkpointer,
    async close() {
      clockWatch?.stop();
      clearInterval(checkpointSigning);
      clientRequestPruning.stop();
      await realtime.io.close();
      http.closeAllConnections();
      // io.close() usually closes the HTTP server too.
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      await checkpointer.stop();
      await pdf.close();
      await headWriter.stop();
      // Checked and recorded here, the next start may skip reading every page.
      try {
        const problem = closeCleanly(db);
        if (problem)
          log(
            `${DATABASE_FILE} fails SQLite's quick_check at stop (${problem}); the next start will refuse it: restore a backup`,
          );
      } catch (error) {
        log(
          `cannot record the clean close (${(error as Error).message}); the next start checks every page`,
        );
      } finally {
        if (db.open) db.close();
      }
      lock.release();
    },
  };
}

async function createFirstAdmin(
  office: Office,
  password: string | undefined,
  log: Logger,
): Promise<void> {
  if (office.ctx.store.users.all().some((user) => user.role === 'admin')) return;
  const chosen = password && password.length > 0 ? password : generatePassword();
  office.admin.createUser('admin', 'admin', await hashPassword(chosen), {
    kind: 'system',
    reason: 'first_start',
  });
  if (!password) {
    log(
      `first start: created user "admin" with password ${chosen} (shown only this once; change it under /admin)`,
    );
  }
}
