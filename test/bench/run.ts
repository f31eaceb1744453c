/**
 * npm run bench: the office server's performance figures (issue 2, "Performance"),
 * then any figures the hardware and renderer benches add. stdout carries only
 * JSON lines {"name","value","unit","baseline"}; everything else goes to stderr.
 * Each phase starts its own server as a child process on a fresh data directory.
 */
import { performance } from 'node:perf_hooks';
import type { Figure } from './figure.ts';
import { note, printFigure } from './figure.ts';
import { measureIssueLatency } from './issue-latency.ts';
import { measureIssueThroughput } from './issue-throughput.ts';
import { measureCallToDisplay } from './call-to-display.ts';
import { measureServerMemory } from './server-memory.ts';
import { externalFigures } from './external-benches.ts';
import { machineLoad } from './machine-load.ts';

const PHASES: { name: string; measure: () => Promise<Figure> }[] = [
  { name: 'issue_p99_ms', measure: measureIssueLatency },
  { name: 'issue_max_per_s', measure: measureIssueThroughput },
  { name: 'call_to_display_p99_ms', measure: measureCallToDisplay },
  { name: 'server_rss_mb', measure: measureServerMemory },
];

async function main(): Promise<void> {
  const begin = performance.now();
  for (const phase of PHASES) {
    const phaseBegin = performance.now();
    // Other work on this shared machine shows up in the figures; say how much there was.
    note(`${phase.name}: starting (${machineLoad()})`);
    try {
      printFigure(await phase.measure());
    } catch (error) {
      // One broken phase must not hide the others' figures, but the run fails.
      note(
        `${phase.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
    }
    note(`${phase.name}: done in ${((performance.now() - phaseBegin) / 1000).toFixed(1)} s`);
  }
  for await (const figure of externalFigures()) printFigure(figure);
  note(`bench finished in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
}

await main();
// Keep-alive sockets or timers left by an external bench must not hold the process open.
process.exit();
