import { afterEach, describe, expect, it } from 'vitest';
import { setPublicBaseUrl, ticketUrl } from '../../renderer/src/lib/qr/ticket-url.ts';

describe("the address a screen's ticket QR opens", () => {
  afterEach(() => setPublicBaseUrl(null));

  it("is the office's public address from the snapshot, path prefix kept, not the page's own origin", () => {
    setPublicBaseUrl('https://khiu.office.lan/queue');
    expect(ticketUrl('Ab-_12345678')).toBe('https://khiu.office.lan/queue/t/Ab-_12345678');
  });

  it('falls back to the address given while the snapshot names none', () => {
    setPublicBaseUrl(null);
    expect(ticketUrl('x', 'http://192.168.1.10:8080/')).toBe('http://192.168.1.10:8080/t/x');
  });
});
