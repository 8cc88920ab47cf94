/** The ports of one stack, all on 127.0.0.1, chosen at runtime. */
export interface StackPorts {
  postgres: number;
  prometheus: number;
  /** Web (API) ports of the two Alertmanager peers. */
  alertmanagers: [number, number];
  /** Gossip ports (TCP and UDP) of the two Alertmanager peers. */
  gossip: [number, number];
  nodeExporter: number;
  postgresExporter: number;
  blackboxExporter: number;
  /** Nothing listens here: the `api` scrape job is down on purpose so InstanceDown always fires. */
  downTarget: number;
}

export const PORT_COUNT = 10;

/** Names the ports returned by `freePorts(PORT_COUNT)`. */
export function assignPorts(ports: readonly number[]): StackPorts {
  if (ports.length !== PORT_COUNT) throw new Error(`expected ${PORT_COUNT} ports, got ${ports.length}`);
  const [
    postgres,
    prometheus,
    am1,
    am2,
    gossip1,
    gossip2,
    nodeExporter,
    postgresExporter,
    blackboxExporter,
    downTarget,
  ] = ports as [number, number, number, number, number, number, number, number, number, number];
  return {
    postgres,
    prometheus,
    alertmanagers: [am1, am2],
    gossip: [gossip1, gossip2],
    nodeExporter,
    postgresExporter,
    blackboxExporter,
    downTarget,
  };
}

const HOST = '127.0.0.1';

export function hostPort(port: number): string {
  return `${HOST}:${port}`;
}

export function httpUrl(port: number): string {
  return `http://${hostPort(port)}`;
}
