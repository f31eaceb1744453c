import { createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP server standing in for a device on the network. Nagle is off on every
 * connection: a device answers a status query at once, and Nagle would hold each
 * answer for a delayed ACK (~40 ms) that no real printer or board adds.
 */
export async function listenAsDevice(
  onSocket: (socket: Socket) => void,
  port: number,
  host: string,
  what: string,
): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.setNoDelay(true);
    onSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error(`${what} has no TCP address`);
  return { server, port: address.port };
}
