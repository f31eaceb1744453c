import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  StationCreated,
  StationKind,
} from '../../server/contract/contract.ts';
import { ApiClient, type ApiResponse } from './khiu-server.ts';

/** A device agent's (or a script's) client: every request carries its station token as a bearer. */
export class StationClient extends ApiClient {
  constructor(
    base: string,
    readonly token: string,
  ) {
    super(base);
  }

  override request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
  ): Promise<ApiResponse<T>> {
    const headers = { authorization: `Bearer ${this.token}`, ...(init.headers as object) };
    return super.request<T>(method, path, body, { ...init, headers });
  }
}

/** A browser paired through /pair: it sends the khiu_station cookie. */
export function pairedBrowser(base: string, token: string): ApiClient {
  const client = new ApiClient(base);
  client.cookie = `khiu_station=${token}`;
  return client;
}

export interface PairedStation extends StationCreated {
  /** Sends the token as a bearer, as an agent does. */
  client: StationClient;
}

/** Pairs a station as the admin does under /admin → Stations. */
export async function pairStation(
  server: { url: string; admin: ApiClient },
  input: { name: string; kind: StationKind; counterId?: number; buttonCounterIds?: number[] },
): Promise<PairedStation> {
  const res = await server.admin.post<StationCreated>('/api/stations', input);
  if (res.status !== 201)
    throw new Error(`pairing ${input.kind} ${input.name} failed: ${JSON.stringify(res.body)}`);
  return { ...res.body, client: new StationClient(server.url, res.body.token) };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io client as a screen or agent opens it: anonymous, with a browser's cookies
 * (`cookie`), or with an agent's token (`token`). Resolves at its first snapshot.
 */
export async function openSocket(
  url: string,
  who: { cookie?: string; token?: string } = {},
): Promise<{ socket: TestSocket; snapshot: Parameters<ServerToClientEvents['snapshot']>[0] }> {
  const socket: TestSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(who.token ? { auth: { token: who.token } } : {}),
    ...(who.cookie ? { extraHeaders: { cookie: who.cookie } } : {}),
  });
  const snapshot = await new Promise<Parameters<ServerToClientEvents['snapshot']>[0]>(
    (resolve, reject) => {
      socket.once('snapshot', resolve);
      socket.once('connect_error', reject);
    },
  );
  return { socket, snapshot };
}
