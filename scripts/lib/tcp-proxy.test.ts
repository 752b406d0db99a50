import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

// The proxy the browser tests and the soak reach the app through (issue 20): each mode fails the
// way a real network does, seen from an HTTP client with keep-alive, as a browser is.

let app: http.Server;
let appPort = 0;
let proxy: TcpProxy;
/** Every path the app was asked for, in order. */
const requests: string[] = [];

beforeAll(async () => {
  app = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.setHeader('Content-Type', 'text/plain');
    res.end(`ok ${req.url}`);
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appPort = (app.address() as net.AddressInfo).port;
  proxy = await startTcpProxy({ target: { port: appPort } });
});

afterEach(async () => {
  await proxy.setMode('forward');
});

afterAll(async () => {
  await proxy.close();
  app.closeAllConnections();
  await new Promise<void>((resolve) => app.close(() => resolve()));
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET through the proxy: the body, or the error code, or 'timeout' after `ms`. */
function get(path: string, ms = 500): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port: proxy.port, path, agent, timeout: ms }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(body));
      res.on('error', () => resolve('ECONNRESET'));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('startTcpProxy', () => {
  it('forwards, refuses, cuts and black-holes, and forwards again after each', async () => {
    expect(await get('/a')).toBe('ok /a');
    expect(proxy.mode).toBe('forward');

    // The kept-alive socket is reset; a new one finds nothing listening.
    await proxy.setMode('refuse');
    expect(await get('/b')).toMatch(/^(ECONNRESET|ECONNREFUSED)$/);
    expect(await get('/b')).toBe('ECONNREFUSED');
    await proxy.setMode('forward');
    expect(await get('/c')).toBe('ok /c');

    // The keep-alive socket the last request used is destroyed under the client.
    await proxy.setMode('cut');
    expect(await get('/d')).toMatch(/^(ECONNRESET|EPIPE)$/);
    await proxy.setMode('forward');
    expect(await get('/e')).toBe('ok /e');

    // Accepted, never answered: the client has to give up on its own.
    await proxy.setMode('black-hole');
    expect(await get('/f', 300)).toBe('timeout');
    await proxy.setMode('forward');
    expect(await get('/g')).toBe('ok /g');
    expect(proxy.connections).toBeGreaterThanOrEqual(4);
  });

  it('loses replies: the request reaches the server, the client gets a reset instead of its answer', async () => {
    const before = requests.length;
    await proxy.setMode('lose-replies');
    expect(await get('/lost')).toMatch(/^(ECONNRESET|EPIPE|socket hang up)$/);
    expect(requests.slice(before)).toContain('/lost');
    await proxy.setMode('forward');
    expect(await get('/found')).toBe('ok /found');
  });

  it('keeps a socket that went silent silent after forwarding resumes', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: proxy.port });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    await proxy.setMode('black-hole');
    socket.write('GET /lost HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await proxy.setMode('forward');
    let received = '';
    socket.on('data', (c: Buffer) => (received += c.toString()));
    socket.write('GET /after HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toBe('');
    socket.destroy();
    expect(await get('/fresh')).toBe('ok /fresh');
  });
});
