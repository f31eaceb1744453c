import { Agent, request } from 'node:http';

export interface HttpResponse {
  status: number;
  body: string;
  setCookie: string[];
}

/** A keep-alive client for one base URL; at most `connections` sockets at once. */
export class HttpClient {
  private readonly agent: Agent;
  private readonly base: URL;
  cookie: string | undefined;

  constructor(baseUrl: string, connections: number) {
    this.base = new URL(baseUrl);
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: connections,
      maxFreeSockets: connections,
    });
  }

  send(method: string, path: string, body?: unknown): Promise<HttpResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    // The server refuses a state change that does not declare JSON, even without a body.
    if (method !== 'GET') headers['content-type'] = 'application/json';
    if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
    if (this.cookie) headers.cookie = this.cookie;
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              setCookie: res.headers['set-cookie'] ?? [],
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like send, but anything other than `expected` status is an error. */
  async expect(
    expected: number | number[],
    method: string,
    path: string,
    body?: unknown,
  ): Promise<HttpResponse> {
    const response = await this.send(method, path, body);
    const allowed = Array.isArray(expected) ? expected : [expected];
    if (!allowed.includes(response.status)) {
      throw new Error(
        `${method} ${path} answered ${response.status}: ${response.body.slice(0, 200)}`,
      );
    }
    return response;
  }

  /** Signs in and keeps the session cookie for later requests. */
  async signIn(username: string, password: string): Promise<void> {
    const response = await this.expect(200, 'POST', '/api/session', { username, password });
    const cookie = response.setCookie[0];
    if (!cookie) throw new Error('sign-in returned no cookie');
    this.cookie = cookie.split(';')[0];
  }

  close(): void {
    this.agent.destroy();
  }
}
