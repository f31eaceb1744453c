import { describe, expect, it } from 'vitest';
import { runHardwareBench } from '../bench/hardware-bench.ts';

describe('hardware bench', () => {
  it('reports ticket sizes and wire times, each with a baseline from the same run', async () => {
    const figures = await runHardwareBench();
    const byName = new Map(figures.map((f) => [f.name, f]));
    for (const name of [
      'ticket_bytes_text',
      'ticket_bytes_raster',
      'ticket_wire_ms_text_9600',
      'ticket_wire_ms_text_115200',
      'ticket_wire_ms_raster_9600',
      'ticket_wire_ms_raster_115200',
    ]) {
      expect(typeof byName.get(name)?.baseline).toBe('number');
    }
    expect(byName.get('ticket_bytes_text')!.value).toBeLessThanOrEqual(600);
    expect(byName.get('ticket_bytes_raster')!.value).toBeLessThanOrEqual(20 * 1024);
    expect(byName.get('ticket_bytes_raster')!.value).toBeLessThan(
      byName.get('ticket_bytes_raster')!.baseline!,
    );
  });
});
