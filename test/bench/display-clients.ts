import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  PublicTicketCalledEvent,
  ServerToClientEvents,
} from '../../server/contract/contract.ts';

type DisplaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_TIMEOUT_MS = 15_000;

interface Expectation {
  times: (number | undefined)[];
  remaining: number;
  resolve: (times: number[]) => void;
}

/**
 * N hall displays: anonymous socket.io clients over websocket that note when
 * each `ticket:called` arrives, keyed by ticket number (the hall gets no ids).
 */
export class DisplayClients {
  private readonly expected = new Map<string, Expectation>();

  private constructor(private readonly sockets: DisplaySocket[]) {
    sockets.forEach((socket, index) => {
      socket.on('ticket:called', (event: PublicTicketCalledEvent) =>
        this.arrived(index, event.ticket.number),
      );
    });
  }

  /** Connects `count` clients and resolves once each has its first snapshot (`waitForSnapshot`) or is connected. */
  static async connect(
    url: string,
    count: number,
    waitForSnapshot: boolean,
  ): Promise<DisplayClients> {
    const sockets: DisplaySocket[] = [];
    try {
      await Promise.all(
        Array.from({ length: count }, () => {
          const socket: DisplaySocket = io(url, {
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            timeout: CONNECT_TIMEOUT_MS,
          });
          sockets.push(socket);
          return new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error('display client did not connect')),
              CONNECT_TIMEOUT_MS,
            );
            const ready = () => {
              clearTimeout(timer);
              resolve();
            };
            if (waitForSnapshot) socket.once('snapshot', ready);
            else socket.once('connect', ready);
            socket.once('connect_error', (error) => {
              clearTimeout(timer);
              reject(error);
            });
          });
        }),
      );
    } catch (error) {
      for (const socket of sockets) socket.disconnect();
      throw error;
    }
    return new DisplayClients(sockets);
  }

  /** Call before triggering: resolves with each client's arrival time (performance.now()) of this ticket's call. */
  arrivals(ticketNumber: string, timeoutMs: number): Promise<number[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.expected.delete(ticketNumber);
        reject(
          new Error(`not every display saw the call of ${ticketNumber} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.expected.set(ticketNumber, {
        times: new Array(this.sockets.length).fill(undefined),
        remaining: this.sockets.length,
        resolve: (times) => {
          clearTimeout(timer);
          resolve(times);
        },
      });
    });
  }

  private arrived(index: number, ticketNumber: string): void {
    const at = performance.now();
    const expectation = this.expected.get(ticketNumber);
    if (!expectation || expectation.times[index] !== undefined) return;
    expectation.times[index] = at;
    expectation.remaining -= 1;
    if (expectation.remaining === 0) {
      this.expected.delete(ticketNumber);
      expectation.resolve(expectation.times as number[]);
    }
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}
