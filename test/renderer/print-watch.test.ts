import { describe, expect, it } from 'vitest';
import { nextPrintState } from '../../renderer/src/lib/kiosk/print-watch.ts';
import type { PublicTicketPrintedEvent } from '../../server/contract/contract.ts';

const report = (
  station: string,
  number: string,
  outcome: 'printed' | 'failed',
): PublicTicketPrintedEvent => ({ seq: 9, station, number, outcome, reprint: false, detail: null });

const mine = { station: 'kiosk-1', number: 'A012' };

describe('the kiosk watching its printer', () => {
  it('says printed or failed only for its own ticket, known by its station and number', () => {
    expect(nextPrintState('printing', mine, report('kiosk-1', 'A013', 'printed'))).toBe('printing');
    expect(nextPrintState('printing', mine, report('kiosk-2', 'A012', 'printed'))).toBe('printing');
    expect(nextPrintState('printing', mine, report('kiosk-1', 'A012', 'printed'))).toBe('printed');
    expect(nextPrintState('printing', mine, report('kiosk-1', 'A012', 'failed'))).toBe('failed');
  });

  it('treats silence as no printer, and never changes a settled state', () => {
    expect(nextPrintState('printing', mine, 'timeout')).toBe('no_printer');
    expect(nextPrintState('printed', mine, 'timeout')).toBe('printed');
    expect(nextPrintState('failed', mine, report('kiosk-1', 'A012', 'printed'))).toBe('failed');
  });
});
