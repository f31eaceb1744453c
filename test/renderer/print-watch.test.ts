import { describe, expect, it } from 'vitest';
import { kioskStation, nextPrintState } from '../../renderer/src/lib/kiosk/print-watch.ts';
import type { TicketPrintedEvent } from '../../server/contract/contract.ts';

const report = (ticketId: string, outcome: 'printed' | 'failed'): TicketPrintedEvent => ({
  seq: 9,
  ticketId,
  station: 'kiosk-1',
  outcome,
  reprint: false,
  detail: null,
});

describe('the kiosk watching its printer', () => {
  it('reads its station from the URL, falling back to kiosk-1', () => {
    expect(kioskStation('?station=kiosk-2')).toBe('kiosk-2');
    expect(kioskStation('')).toBe('kiosk-1');
    expect(kioskStation('?station=../../etc')).toBe('kiosk-1');
  });

  it('says printed or failed only for its own ticket', () => {
    expect(nextPrintState('printing', 'abc', report('other', 'printed'))).toBe('printing');
    expect(nextPrintState('printing', 'abc', report('abc', 'printed'))).toBe('printed');
    expect(nextPrintState('printing', 'abc', report('abc', 'failed'))).toBe('failed');
  });

  it('treats silence as no printer, and never changes a settled state', () => {
    expect(nextPrintState('printing', 'abc', 'timeout')).toBe('no_printer');
    expect(nextPrintState('printed', 'abc', 'timeout')).toBe('printed');
    expect(nextPrintState('failed', 'abc', report('abc', 'printed'))).toBe('failed');
  });
});
