import type {
  ApiError,
  DeviceKind,
  DeviceProfiles,
  DeviceState,
  LocalizedText,
  PrintOutcome,
  QueueRule,
  Service,
  Ticket,
} from '../../server/contract/contract.ts';
import { HardwareError } from '../hardware-error.ts';

/*
 * The few HTTP calls a device agent makes, over the server's public API
 * (docs/contract.md). No sign-in: an agent is a paired station, it sends its
 * station token as `Authorization: Bearer`, reads what is posted and reports
 * what its devices did.
 */

export interface DeviceReportItem {
  deviceId: string;
  kind: DeviceKind;
  uri: string;
  state: DeviceState;
  detail?: string;
}

export interface PrintReport {
  station: string;
  outcome: PrintOutcome;
  reprint: boolean;
  detail?: string | null;
}

/** The server answered, and said no: retrying the same request will not help. */
export class OfficeRefusal extends HardwareError {
  constructor(
    readonly status: number,
    readonly apiCode: string,
    message: string,
  ) {
    super(`server_refused_${apiCode}`, message);
  }
}

const TIMEOUT_MS = 5000;

export class OfficeHttp {
  constructor(
    readonly baseUrl: string,
    private readonly station: string,
    /** The agent station's token (/admin → Stations): the server knows the agent by it. */
    private readonly token: string,
  ) {}

  office(): Promise<{ name: LocalizedText }> {
    return this.request('GET', '/api/office');
  }

  services(): Promise<Service[]> {
    return this.request('GET', '/api/services');
  }

  queueRule(): Promise<QueueRule> {
    return this.request('GET', '/api/queue/rule');
  }

  reportPrint(ticketId: string, report: PrintReport): Promise<void> {
    return this.request(
      'POST',
      `/api/tickets/${encodeURIComponent(ticketId)}/print-report`,
      report,
    );
  }

  deviceProfiles(): Promise<DeviceProfiles> {
    return this.request('GET', '/api/device-profiles');
  }

  /** What this station issued lately that no print report covers (issued while we were away). */
  async unprinted(): Promise<Ticket[]> {
    const { tickets } = await this.request<{ tickets: Ticket[] }>(
      'GET',
      `/api/stations/${encodeURIComponent(this.station)}/unprinted`,
    );
    return tickets;
  }

  reportDevices(devices: DeviceReportItem[]): Promise<void> {
    return this.request('POST', '/api/devices/report', { station: this.station, devices });
  }

  /** A button press: rated, or nothing awaited a rating at that counter (the press does not count). */
  async rateAtCounter(counterId: number, score: number): Promise<'rated' | 'nothing_to_rate'> {
    try {
      await this.request('POST', `/api/counters/${counterId}/rating`, { score });
      return 'rated';
    } catch (err) {
      if (err instanceof OfficeRefusal && err.apiCode === 'nothing_to_rate')
        return 'nothing_to_rate';
      throw err;
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        // The token says which paired station acts (and the ledger records it).
        headers: {
          authorization: `Bearer ${this.token}`,
          // The server refuses a POST that does not declare JSON, body or not.
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new HardwareError('server_unreachable', `${method} ${this.baseUrl}${path}: ${cause}`);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (res.ok) return JSON.parse(text) as T;
    let code = 'http_' + res.status;
    let message = text.slice(0, 200);
    try {
      const parsed = JSON.parse(text) as ApiError;
      code = parsed.error.code;
      message = parsed.error.message;
    } catch {
      // A proxy's HTML error page: keep its start as the message.
    }
    // 5xx and 429 may pass; anything else is the server's considered answer.
    if (res.status >= 500 || res.status === 429)
      throw new HardwareError('server_unavailable', `${method} ${path}: ${res.status} ${message}`);
    throw new OfficeRefusal(
      res.status,
      code,
      `${method} ${path}: ${res.status} ${code}: ${message}`,
    );
  }
}
