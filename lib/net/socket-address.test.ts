import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_ADDRESS_HEADER, installSocketAddressStamp, socketAddress } from './socket-address';

describe('socketAddress', () => {
  it('believes nothing before the stamp is installed', () => {
    expect(socketAddress({ [SOCKET_ADDRESS_HEADER]: 'anything 203.0.113.9' })).toBeNull();
  });

  describe('with the stamp installed on a real HTTP server', () => {
    let server: http.Server;
    let seen: (string | null)[] = [];
    let url = '';
    beforeAll(async () => {
      installSocketAddressStamp();
      installSocketAddressStamp(); // idempotent
      // The server exists before the stamp, as Next's does before instrumentation runs.
      server = http.createServer((req, res) => {
        seen.push(socketAddress(req.headers));
        res.end('ok');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('gives the socket address, whatever the client wrote in its headers', async () => {
      seen = [];
      await fetch(url);
      await fetch(url, { headers: { [SOCKET_ADDRESS_HEADER]: 'forged 203.0.113.9', 'x-forwarded-for': '198.51.100.1' } });
      expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
    });

    it('refuses a header that does not carry this process’s token', () => {
      expect(socketAddress({ [SOCKET_ADDRESS_HEADER]: 'forged 203.0.113.9' })).toBeNull();
      expect(socketAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: '0'.repeat(32) + ' 203.0.113.9' }))).toBeNull();
      expect(socketAddress({})).toBeNull();
      expect(socketAddress(undefined)).toBeNull();
    });
  });
});
