/**
 * npm run bench: the office server's performance figures (issue 2, "Performance"),
 * the reports' figures over a year of history, then any figures the hardware and
 * renderer benches add. stdout carries only JSON lines {"name","value","unit","baseline"};
 * everything else goes to stderr. Each phase starts its own server as a child
 * process on a fresh data directory.
 *
 * KHIU_BENCH=report (a comma-separated list of sections, server, report and
 * external, or of the server's phase names, e.g. issue_p99_ms) runs only those.
 */
import { performance } from 'node:perf_hooks';
import type { Figure } from './figure.ts';
import { note, printFigure } from './figure.ts';
import { measureIssueLatency } from './issue-latency.ts';
import { measureIssueThroughput } from './issue-throughput.ts';
import { measureCallToDisplay } from './call-to-display.ts';
import { measureCallNextBacklogRatio, measureCallToDisplayBacklog } from './call-backlog.ts';
import { measureIdleServerMemory, measureServerMemory } from './server-memory.ts';
import { measureServeStart } from './serve-start.ts';
import { measureSoakAgentGrowth, measureSoakRetained, measureSoakServerGrowth } from './soak.ts';
import { externalFigures } from './external-benches.ts';
import { reportFigures } from './report-bench.ts';
import { machineLoad } from './machine-load.ts';

const PHASES: { name: string; measure: () => Promise<Figure> }[] = [
  { name: 'issue_p99_ms', measure: measureIssueLatency },
  { name: 'issue_max_per_s', measure: measureIssueThroughput },
  { name: 'call_to_display_p99_ms', measure: measureCallToDisplay },
  { name: 'call_next_backlog_ratio', measure: measureCallNextBacklogRatio },
  { name: 'call_to_display_p99_ms_backlog', measure: measureCallToDisplayBacklog },
  { name: 'server_rss_idle_mb', measure: measureIdleServerMemory },
  { name: 'server_rss_mb', measure: measureServerMemory },
  { name: 'serve_start_ms', measure: measureServeStart },
  { name: 'soak_server_rss_growth_mb_per_10k', measure: measureSoakServerGrowth },
  { name: 'soak_agent_rss_growth_mb_per_10k', measure: measureSoakAgentGrowth },
  { name: 'soak_rss_retained_after_listing_mb', measure: measureSoakRetained },
];

const only = process.env.KHIU_BENCH?.split(',')
  .map((name) => name.trim())
  .filter((name) => name.length > 0);
const selected = (...names: string[]): boolean =>
  !only || only.length === 0 || names.some((name) => only.includes(name));

const describeError = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

async function main(): Promise<void> {
  const begin = performance.now();
  const known = ['server', 'report', 'external', ...PHASES.map((phase) => phase.name)];
  const unknown = (only ?? []).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    note(
      `KHIU_BENCH: no section or phase named ${unknown.join(', ')} (known: ${known.join(', ')})`,
    );
    process.exitCode = 1;
    return;
  }
  for (const phase of PHASES) {
    if (!selected('server', phase.name)) continue;
    const phaseBegin = performance.now();
    // Other work on this shared machine shows up in the figures; say how much there was.
    note(`${phase.name}: starting (${machineLoad()})`);
    try {
      printFigure(await phase.measure());
    } catch (error) {
      // One broken phase must not hide the others' figures, but the run fails.
      note(`${phase.name} failed: ${describeError(error)}`);
      process.exitCode = 1;
    }
    note(`${phase.name}: done in ${((performance.now() - phaseBegin) / 1000).toFixed(1)} s`);
  }
  if (selected('report')) {
    const reportBegin = performance.now();
    note(`reports: starting (${machineLoad()})`);
    try {
      // Each figure as soon as it is measured: one history serves all of them.
      for await (const figure of reportFigures()) printFigure(figure);
    } catch (error) {
      note(`reports failed: ${describeError(error)}`);
      process.exitCode = 1;
    }
    note(`reports: done in ${((performance.now() - reportBegin) / 1000).toFixed(1)} s`);
  }
  if (selected('external')) for await (const figure of externalFigures()) printFigure(figure);
  note(`bench finished in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

await main();
// Keep-alive sockets or timers left by an external bench must not hold the process open.
process.exit();
