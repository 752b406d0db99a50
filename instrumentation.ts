// Runs once when a server starts: a missing or weak secret, or a bad DATABASE_URL, stops it
// here with a clear message rather than at the first sign-in.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getServerEnv } = await import('@/lib/env');
    getServerEnv();
    // Route handlers are not given the socket: stamp its address on each request (sign-in throttling).
    const { installSocketAddressStamp } = await import('@/lib/net/socket-address');
    installSocketAddressStamp();
    // Request log, metrics port and graceful stop (started by scripts/serve.mjs: docs/deployment.md).
    const { installOps } = await import('@/lib/ops/lifecycle');
    installOps();
  }
}
