import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';

const HOST = '127.0.0.1';

/**
 * Finds `count` distinct ports on 127.0.0.1 that are free for both TCP and UDP
 * (Alertmanager's gossip uses both on its cluster port), by letting the kernel
 * pick (bind to port 0). All probe sockets stay open until every port is found,
 * so the kernel cannot hand out the same port twice.
 *
 * Another process may still grab a port between this call and its use: the
 * window is a few hundred milliseconds and a clash fails loudly at startup.
 * A port this process chose earlier but does not hold yet (the console's,
 * picked before the stack it points at) goes in `exclude`: the kernel may
 * hand it out again, and whoever binds it first would answer in its place.
 */
export async function freePorts(count: number, exclude: readonly number[] = []): Promise<number[]> {
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    while (ports.length < count) {
      const server = await listenOnAnyPort();
      held.push(server);
      const port = portOf(server);
      if (!exclude.includes(port) && (await udpPortFree(port))) ports.push(port);
    }
    return ports;
  } finally {
    await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listenOnAnyPort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('a TCP server on 127.0.0.1 has no port');
  return address.port;
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, HOST, () => socket.close(() => resolve(true)));
  });
}
