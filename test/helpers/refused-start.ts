import { exited, runKhiu } from './server-process.ts';
import type { CleanupStack } from './cleanup-stack.ts';

export interface Finished {
  /** null when it had to be killed: it started (or hung) where it should have refused. */
  code: number | null;
  stdout: string;
  /** stderr's non-empty lines. */
  stderrLines: string[];
}

/**
 * Runs a khiu command expected to refuse and exit. Should it start a server after all (today's
 * code on bad ground does), it is killed at its listening line, or after `timeoutMs`, and the
 * test sees code null instead of waiting forever; the kill is also on `cleanups`.
 */
export async function runToRefusal(
  args: string[],
  cleanups: CleanupStack,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Finished> {
  const child = runKhiu(args, { KHIU_ADMIN_PASSWORD: 'ground-test-password', ...env });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };
  cleanups.push(kill);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (stdout.includes('khiu listening on')) void kill();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => void kill(), timeoutMs);
  const code = await exited(child);
  clearTimeout(timer);
  return {
    code: child.signalCode ? null : code,
    stdout,
    stderrLines: stderr.split('\n').filter((line) => line.trim().length > 0),
  };
}

/** `serve --port 0 --data DIR`, expected to refuse. */
export function serveToRefusal(
  dataDir: string,
  cleanups: CleanupStack,
  env: Record<string, string> = {},
): Promise<Finished> {
  return runToRefusal(['serve', '--port', '0', '--data', dataDir], cleanups, env);
}
