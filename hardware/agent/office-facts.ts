import type {
  ComplaintChannel,
  LocalizedText,
  PublicSnapshot,
  Service,
} from '../../server/contract/contract.ts';
import type { OfficeHttp } from './office-http.ts';
import { DEFAULT_TIME_ZONE } from '../printer/issue-date.ts';

/**
 * What a ticket needs besides the ticket itself: the office name, the posted
 * services and the office's time zone. Loaded once per connection and kept
 * current from events, so printing a ticket asks the server nothing.
 */
export class OfficeFacts {
  officeName: LocalizedText | null = null;
  timeZone = DEFAULT_TIME_ZONE;
  /** The office's address for the ticket QR; null: the server does not say (the agent's own applies). */
  publicBaseUrl: string | null = null;
  complaintChannel: ComplaintChannel | null = null;
  private services = new Map<number, Service>();
  private loaded: Promise<void> | null = null;

  constructor(private readonly http: OfficeHttp) {}

  get ready(): boolean {
    return this.officeName !== null;
  }

  /** Fetches everything; concurrent callers share one round of requests. */
  refresh(): Promise<void> {
    this.loaded ??= (async () => {
      const [office, services, rule] = await Promise.all([
        this.http.office(),
        this.http.services(),
        this.http.queueRule(),
      ]);
      this.officeName = office.name;
      this.setServices(services);
      this.timeZone = rule.timeZone;
    })().finally(() => (this.loaded = null));
    return this.loaded;
  }

  /** The settings a ticket prints come with every snapshot (and office:updated asks for one). */
  fromSnapshot(snapshot: PublicSnapshot): void {
    this.officeName = snapshot.officeName;
    // A server from before these settings sends neither: undefined is kept as null.
    this.publicBaseUrl = snapshot.publicBaseUrl ?? null;
    this.complaintChannel = snapshot.complaintChannel ?? null;
  }

  setServices(services: Service[]): void {
    this.services = new Map(services.map((s) => [s.id, s]));
  }

  allServices(): Service[] {
    return [...this.services.values()];
  }

  service(id: number): Service | undefined {
    return this.services.get(id);
  }

  /** A service added after the last refresh (its event missed in a reconnect) is fetched once more. */
  async serviceOrFetch(id: number): Promise<Service | undefined> {
    if (!this.services.has(id)) this.setServices(await this.http.services());
    return this.services.get(id);
  }
}
