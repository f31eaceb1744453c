import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  PublicTicketCalledEvent,
} from '../../server/contract/contract.ts';

export interface BareBroadcastServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The floor under call-to-display: a bare socket.io server with no database and
 * no rules. POST /call?id=X answers 200 and broadcasts a `ticket:called` shaped
 * like the office server's, so the trigger path (one HTTP request, one broadcast)
 * matches the real one.
 */
export async function startBareBroadcastServer(): Promise<BareBroadcastServer> {
  let seq = 0;
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || url.pathname !== '/call') {
        res.writeHead(404).end();
        return;
      }
      // The hall's form of the event: the number (here the caller's key), no ticket id.
      const event: PublicTicketCalledEvent = {
        seq: ++seq,
        ticket: { number: url.searchParams.get('id') ?? '', serviceId: 1 },
        counter: { id: 99, name: 'ช่องบริการ 99', number: 99 },
        recall: false,
      };
      io.emit('ticket:called', event);
      const body = JSON.stringify({ ok: true });
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        })
        .end(body);
    });
  });
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await io.close();
      http.closeAllConnections();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
