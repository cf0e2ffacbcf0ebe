import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections made through the proxy since it started. */
  connections: number;
  /** Destroys every open connection and stops listening, so new ones are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /**
   * Keeps every connection open (and accepts new ones) but carries no bytes either way, as a
   * network that silently drops packets does. Nothing is lost: heal() delivers what was held, as
   * TCP retransmission would.
   */
  blackHole(): void;
  heal(): void;
  close(): Promise<void>;
}

/** A real TCP hop on loopback between a client and a server, which a test can cut and restore. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  const state = { connections: 0, holding: false };
  const hold = (pair: { client: Socket; upstream: Socket }) => {
    pair.client.unpipe(pair.upstream);
    pair.upstream.unpipe(pair.client);
    pair.client.pause();
    pair.upstream.pause();
  };
  const carry = (pair: { client: Socket; upstream: Socket }) => {
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  };
  const server: Server = createServer((client) => {
    state.connections++;
    const upstream = createConnection(target);
    open.add(client);
    open.add(upstream);
    const pair = { client, upstream };
    pairs.add(pair);
    if (state.holding) hold(pair);
    else carry(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      pairs.delete(pair);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const cut = async () => {
    const closed = server.listening
      ? new Promise<void>((r) => server.close(() => r()))
      : Promise.resolve();
    for (const socket of open) socket.destroy();
    open.clear();
    pairs.clear();
    await closed;
  };
  return {
    port,
    get connections() {
      return state.connections;
    },
    cut,
    restore: () => listen(port),
    blackHole() {
      state.holding = true;
      for (const pair of pairs) hold(pair);
    },
    heal() {
      state.holding = false;
      for (const pair of pairs) carry(pair);
    },
    close: cut,
  };
}

/** A proxy in front of the Postgres at `databaseUrl`, and the URL that reaches it through the proxy. */
export async function proxyPostgres(
  databaseUrl: string,
): Promise<{ proxy: TcpProxy; url: string }> {
  const direct = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(databaseUrl);
  viaProxy.port = String(proxy.port);
  return { proxy, url: viaProxy.toString() };
}
