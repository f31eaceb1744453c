import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE } from '../../../server/core/default-office.ts';
import type { Service } from '../../../server/contract/contract.ts';
import {
  oversizedTickets,
  TEXT_TICKET_BUDGET_BYTES,
} from '../../../hardware/agent/ticket-size-check.ts';
import { loadPrinterProfile } from '../../../hardware/printer/printer-profile.ts';

const t82 = loadPrinterProfile('epson-tm-t82');

const services: Service[] = DEFAULT_OFFICE.services.map((s, i) => ({
  ...s,
  id: i + 1,
  active: true,
  standardMinutes: s.steps.reduce((sum, step) => sum + step.minutes, 0),
}));
const context = {
  officeName: DEFAULT_OFFICE.officeName,
  publicBaseUrl: 'http://192.168.1.10:8080',
  complaintChannel: 'โต๊ะประชาสัมพันธ์ของสำนักงาน',
  timeZone: 'Asia/Bangkok',
};
const printer = (uri: string) => ({
  id: 'printer',
  uri,
  profile: 'epson-tm-t82',
  mode: 'text' as const,
  giveUpAfterMs: 60_000,
});

describe('the ticket size check at agent start', () => {
  it('fits every service of the default office in the budget on a 9,600-baud line', () => {
    expect(
      oversizedTickets(services, context, printer('serial:/dev/ttyUSB0?baud=9600'), t82),
    ).toEqual([]);
  });

  it('names a service whose posted steps make its text ticket too big for a 9,600-baud line', () => {
    const long = services[1]!;
    const many = {
      ...long,
      code: 'G',
      steps: Array.from({ length: 8 }, (_, i) => ({ ...long.steps[0]!, order: i + 1 })),
    };
    const sizes = oversizedTickets(
      [...services, many],
      context,
      printer('serial:/dev/ttyUSB0?baud=9600'),
      t82,
    );
    expect(sizes.map((s) => s.serviceCode)).toEqual(['G']);
    expect(sizes[0]!.bytes).toBeGreaterThan(TEXT_TICKET_BUDGET_BYTES);
  });

  it('stays quiet for printers where a few more bytes cost nothing: network, USB, fast serial', () => {
    for (const uri of [
      'tcp://192.168.1.50:9100',
      'file:/dev/usb/lp0',
      'serial:/dev/ttyUSB0?baud=115200',
    ]) {
      expect(oversizedTickets(services, context, printer(uri), t82)).toEqual([]);
    }
  });
});
