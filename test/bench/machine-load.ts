import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * How busy the shared machine is right now: the load average and, where the
 * kernel reports it, the share of the last 10 s some task waited for a CPU.
 */
export function machineLoad(): string {
  const load = `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`;
  const pressureFile = '/proc/pressure/cpu';
  if (!existsSync(pressureFile)) return load;
  const some = /^some avg10=([\d.]+)/m.exec(readFileSync(pressureFile, 'utf8'));
  return some ? `${load}, CPU pressure ${some[1]}%` : load;
}
