import type { StepReportRow } from '../contract/contract.ts';
import type { ServiceRecord } from '../core/records.ts';
import type { StepGroupRecord } from '../store/report-store.ts';
import { pct, quantiles, round } from './statistics.ts';

const MINUTE_MS = 60_000;

/**
 * The per-step section (project 26): for each service shown, each step it posts now, then any
 * step number the counters timed that it no longer posts (its title null), so a renumbered
 * service's history is not silently dropped. Minutes as the other figures: two decimals,
 * percentages one.
 */
export function stepRows(services: ServiceRecord[], groups: StepGroupRecord[]): StepReportRow[] {
  const byService = new Map<number, Map<number, StepGroupRecord>>();
  for (const group of groups) {
    let orders = byService.get(group.serviceId);
    if (!orders) byService.set(group.serviceId, (orders = new Map()));
    orders.set(group.order, group);
  }
  const rows: StepReportRow[] = [];
  for (const service of services) {
    const timed = byService.get(service.id) ?? new Map<number, StepGroupRecord>();
    const posted = new Map(service.steps.map((step) => [step.order, step]));
    const orders = [...new Set([...posted.keys(), ...timed.keys()])].sort((a, b) => a - b);
    for (const order of orders) {
      const step = posted.get(order);
      const group = timed.get(order);
      const minutes = Float64Array.from(group?.durationsMs ?? [], (ms) => ms / MINUTE_MS);
      const [p50, p90] = quantiles(minutes, [0.5, 0.9]);
      rows.push({
        serviceId: service.id,
        code: service.code,
        order,
        title: step?.title ?? null,
        standardMinutes: step?.minutes ?? null,
        timed: minutes.length,
        p50: round(p50!, 2),
        p90: round(p90!, 2),
        withinStandardPct: round(pct(group?.withinStandard ?? 0, group?.heldToStandard ?? 0), 1),
      });
    }
  }
  return rows;
}
