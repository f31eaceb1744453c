import type { Counter, Service, Ticket } from '../../server/contract/contract.ts';
import { HttpClient } from './http-client.ts';

/** The ids of the services a kiosk may issue tickets for. */
export async function activeServiceIds(client: HttpClient): Promise<number[]> {
  const response = await client.expect(200, 'GET', '/api/services');
  const ids = (JSON.parse(response.body) as Service[]).filter((s) => s.active).map((s) => s.id);
  if (ids.length === 0) throw new Error('the office has no active service');
  return ids;
}

/** The same, with a short-lived client of its own. */
export async function activeServiceIdsAt(url: string): Promise<number[]> {
  const client = new HttpClient(url, 1);
  try {
    return await activeServiceIds(client);
  } finally {
    client.close();
  }
}

export async function counters(client: HttpClient): Promise<Counter[]> {
  const response = await client.expect(200, 'GET', '/api/counters');
  return JSON.parse(response.body) as Counter[];
}

/** Issues one ticket as the kiosk does; resolves with the ticket. */
export async function issueTicket(client: HttpClient, serviceId: number): Promise<Ticket> {
  const response = await client.expect(201, 'POST', '/api/tickets', { serviceId });
  return (JSON.parse(response.body) as { ticket: Ticket }).ticket;
}

/** Round-robin over the services, so no single service's numbering carries all the load. */
export function serviceRotation(ids: readonly number[]): () => number {
  let i = 0;
  return () => ids[i++ % ids.length]!;
}
