import type { PublicSnapshot, QueueServiceSummary } from '../contract.ts';
import { api } from '../api/api.ts';
import { connectRealtime, type ConnectionState, type RealtimeClient } from './realtime-client.ts';
import { applyEvent, changesWaitingCounts, fromSnapshot, type QueueState } from './queue-state.ts';

const COUNTS_REFRESH_MS = 250;

/**
 * The queue as a Svelte-reactive object: filled from the snapshot, kept current
 * by events, waiting counts refreshed from the server after ticket events.
 */
export class LiveQueue {
  state = $state<QueueState | null>(null);
  connection = $state<ConnectionState>('connecting');
  /** Set when the connection came back: screens show "reconnected" for a moment. */
  resyncedAt = $state<number | null>(null);
  readonly client: RealtimeClient;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private wasOffline = false;

  constructor(client: RealtimeClient = connectRealtime()) {
    this.client = client;
    client.listen({
      connection: (c) => {
        this.connection = c;
        if (c === 'offline') this.wasOffline = true;
      },
      snapshot: (s: PublicSnapshot) => {
        this.state = fromSnapshot(s);
        if (this.wasOffline) {
          this.wasOffline = false;
          this.resyncedAt = Date.now();
        }
      },
      event: (name, payload) => {
        if (!this.state) return;
        this.state = applyEvent(this.state, name, payload);
        if (changesWaitingCounts(name)) this.scheduleCountsRefresh();
      },
    });
  }

  waitingFor(serviceId: number): QueueServiceSummary | undefined {
    return this.state?.services.find((s) => s.serviceId === serviceId);
  }

  private scheduleCountsRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      api()
        .queue()
        .then((summary) => {
          if (this.state) this.state = { ...this.state, services: summary.services };
        })
        // A failed refresh leaves the last counts; the next event or snapshot brings new ones.
        .catch(() => this.client.requestSnapshot());
    }, COUNTS_REFRESH_MS);
  }
}
