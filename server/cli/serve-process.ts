import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { SERVER_HEAP_FLAGS } from './node-flags.ts';
import { COMPILED, COMPILED_CLI, PACKAGE_ROOT, SOURCE_CLI } from '../package-layout.ts';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServeProcessOptions {
  dataDir: string;
  port?: number;
  host?: string;
  env?: Record<string, string>;
  /** The Node binary; Electron passes the system `node`, since its own process.execPath is Electron. */
  node?: string;
  /** Where the server's stderr goes (default: this process's stderr). */
  onStderr?: (text: string) => void;
  /** More `serve` flags (--allowed-hosts, --tls-cert, --anonymous-rate ...). */
  args?: readonly string[];
  /**
   * `compiled`: dist/server/cli/main.js (`npm run build:server`) with plain node; `tsx`: the
   * TypeScript sources through tsx, a development dependency. Default: the way this module
   * itself runs, so the tests run the sources and the compiled CLI runs compiled.
   */
  runtime?: 'compiled' | 'tsx';
  /** The compiled CLI to run (default dist/server/cli/main.js); for a build elsewhere. */
  compiledCli?: string;
  /** More Node flags, e.g. --heapsnapshot-signal for a memory investigation. */
  nodeArgs?: readonly string[];
  /** V8's heap flags (default SERVER_HEAP_FLAGS); the bench passes older ones as a baseline. */
  heapFlags?: readonly string[];
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Every line the server printed on stdout so far (`serve` prints exactly one). */
  stdoutLines: string[];
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

/**
 * Runs `khiu serve` as its own Node process (Electron's host mode, the tests
 * and the bench all need one) and resolves at its `khiu listening on URL` line.
 */
export function spawnServe(options: ServeProcessOptions): Promise<ServeProcess> {
  const compiled = (options.runtime ?? (COMPILED ? 'compiled' : 'tsx')) === 'compiled';
  const args = [
    ...(options.nodeArgs ?? []),
    ...(options.heapFlags ?? SERVER_HEAP_FLAGS),
    ...(compiled ? [options.compiledCli ?? COMPILED_CLI] : ['--import', 'tsx', SOURCE_CLI]),
    'serve',
    '--port',
    String(options.port ?? 0),
    '--host',
    options.host ?? '127.0.0.1',
    '--data',
    options.dataDir,
    ...(options.args ?? []),
  ];
  const child = spawn(options.node ?? process.execPath, args, {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const onStderr = options.onStderr ?? ((text: string) => void process.stderr.write(text));
  // A refusal to start is one line on stderr (a locked or read-only data directory, a foreign
  // database): kept, so the error says why and Electron's host mode can show it.
  let lastStderrLine = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    lastStderrLine = text.split('\n').findLast((line) => line.trim() !== '') ?? lastStderrLine;
    onStderr(text);
  });
  const stdoutLines: string[] = [];
  // Read every line, so the child never blocks on a full pipe.
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => stdoutLines.push(line));

  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      void stopProcess(child).then(() => reject(error));
    };
    const onExit = (code: number | null): void =>
      fail(
        new Error(
          `khiu serve exited (code ${code}) before it was ready${lastStderrLine ? `: ${lastStderrLine}` : ''}`,
        ),
      );
    const timer = setTimeout(
      () => fail(new Error('khiu serve did not start within 60 s')),
      START_TIMEOUT_MS,
    );
    child.once('exit', onExit);
    child.once('error', fail);
    lines.on('line', (line) => {
      const match = /^khiu listening on (https?:\/\/\S+)$/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve({ child, url: match[1]!, stdoutLines, stop: () => stopProcess(child) });
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
