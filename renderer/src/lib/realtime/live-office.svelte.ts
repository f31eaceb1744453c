import type { LocalizedText, QueueRule, Service, ServicesUpdatedEvent } from '../contract.ts';
import { connectRealtime, type ConnectionState, type RealtimeClient } from './realtime-client.ts';

/**
 * What the office posts, kept current for a page that shows no queue (the standards): its
 * name, its services and the calling rule. Every snapshot carries all three, and the client
 * asks for one after each office:updated; services:updated brings the new list itself.
 */
export class LiveOffice {
  officeName = $state<LocalizedText | null>(null);
  services = $state<Service[]>([]);
  rule = $state<QueueRule | null>(null);
  /** True once the first snapshot came: before it, an empty list means "not known yet". */
  loaded = $state(false);
  connection = $state<ConnectionState>('connecting');
  /** Set when the connection came back, as on the queue screens. */
  resyncedAt = $state<number | null>(null);
  readonly client: RealtimeClient;
  private wasOffline = false;

  constructor(client: RealtimeClient = connectRealtime()) {
    this.client = client;
    client.listen({
      connection: (c) => {
        this.connection = c;
        if (c === 'offline') this.wasOffline = true;
      },
      snapshot: (s) => {
        this.officeName = s.officeName;
        this.services = s.serviceDefinitions;
        this.rule = s.rule;
        this.loaded = true;
        if (this.wasOffline) {
          this.wasOffline = false;
          this.resyncedAt = Date.now();
        }
      },
      event: (name, payload) => {
        if (name === 'services:updated') this.services = (payload as ServicesUpdatedEvent).services;
      },
    });
  }
}
