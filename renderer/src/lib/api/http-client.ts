import { ApiError, explain } from './api-error.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpResult<T> {
  status: number;
  body: T | null;
}

/**
 * One JSON request to the office server on the same origin. Turns the server's
 * {"error":{code,message}} and network failures into ApiError, so screens have
 * one thing to show. Every request but a GET declares JSON, body or not: the server
 * refuses state changes that do not (docs/contract.md).
 */
export async function requestJson<T>(
  fetchImpl: typeof fetch,
  base: string,
  method: Method,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<HttpResult<T>> {
  let response: Response;
  try {
    response = await fetchImpl(base + path, {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET' ? extraHeaders : { 'content-type': 'application/json', ...extraHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError('network', 0, detail, explain('network', detail));
  }
  if (response.status === 204) return { status: 204, body: null };
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ApiError(
        'bad_response',
        response.status,
        text.slice(0, 200),
        explain('bad_response', `HTTP ${response.status}`),
      );
    }
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    const code = error?.code ?? `http_${response.status}`;
    const detail = error?.message ?? response.statusText;
    throw new ApiError(code, response.status, detail, explain(code, detail));
  }
  return { status: response.status, body: parsed as T };
}
