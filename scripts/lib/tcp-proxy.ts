/**
 * A TCP proxy that fails the way hotel and office guest Wi-Fi fails (issue 20), for the browser
 * tests (e2e/fixtures/network.ts) and the soak (scripts/lib/soak.ts). The client reaches the app
 * only through it; the operating system never goes "offline", so `navigator.onLine` stays true.
 *
 * - `forward`: bytes pass both ways.
 * - `refuse`: the server is gone: open sockets are destroyed and nothing listens on the port
 *   (connection refused).
 * - `cut`: every open socket is destroyed, and new ones are reset as soon as they connect.
 * - `black-hole`: connections are accepted and whatever is sent is swallowed; nothing ever comes
 *   back. Open sockets go silent too, and stay silent for ever (their bytes were lost mid-stream),
 *   so a client must give up on them itself: only new connections work once forwarding resumes.
 * - `lose-replies`: the request arrives, the reply does not — the connection is reset as the
 *   server's first bytes come back (a link that drops just after sending). The server did the
 *   work; the client never hears so.
 */
import net from 'node:net';

type ProxyMode = 'forward' | 'refuse' | 'cut' | 'black-hole' | 'lose-replies';

export interface TcpProxy {
  /** The port clients connect to. */
  readonly port: number;
  readonly mode: ProxyMode;
  /** Connections accepted so far (any mode), for tests that prove traffic went through. */
  readonly connections: number;
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket | null;
  /** Swallowed bytes once: never forwarded again, as after a real silent outage. */
  isSilent: boolean;
}

/**
 * Starts a proxy on `listenPort` (0: any free port) in front of `target`. Listens on 127.0.0.1
 * unless `host` says otherwise.
 */
export async function startTcpProxy(options: {
  target: { host?: string; port: number };
  listenPort?: number;
  host?: string;
}): Promise<TcpProxy> {
  const host = options.host ?? '127.0.0.1';
  const targetHost = options.target.host ?? '127.0.0.1';
  const pairs = new Set<Pair>();
  let mode: ProxyMode = 'forward';
  let connections = 0;

  const drop = (pair: Pair) => {
    pair.client.destroy();
    pair.upstream?.destroy();
    pairs.delete(pair);
  };

  const server = net.createServer((client) => {
    connections += 1;
    client.on('error', () => undefined);
    if (mode === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: null, isSilent: mode === 'black-hole' };
    pairs.add(pair);
    client.on('close', () => drop(pair));
    if (pair.isSilent) {
      client.on('data', () => undefined); // read and swallow
      return;
    }
    const upstream = net.connect({ host: targetHost, port: options.target.port });
    pair.upstream = upstream;
    upstream.on('error', () => drop(pair));
    upstream.on('close', () => drop(pair));
    const relay = (to: net.Socket) => (chunk: Buffer) => {
      if (mode === 'black-hole') pair.isSilent = true;
      if (!pair.isSilent && !to.destroyed) to.write(chunk);
    };
    client.on('data', relay(upstream));
    upstream.on('data', (chunk: Buffer) => {
      if (mode !== 'lose-replies') return relay(client)(chunk);
      client.resetAndDestroy();
      drop(pair);
    });
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  // Stops accepting at once; the callback would wait for every open socket to end.
  const stopListening = () => {
    server.close();
  };

  const port = await listen(options.listenPort ?? 0);

  return {
    port,
    get mode() {
      return mode;
    },
    get connections() {
      return connections;
    },
    async setMode(next: ProxyMode) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === 'cut' || next === 'refuse') for (const pair of [...pairs]) drop(pair);
      if (next === 'refuse') stopListening();
      else if (previous === 'refuse') await listen(port);
    },
    async close() {
      for (const pair of [...pairs]) drop(pair);
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
