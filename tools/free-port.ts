import { createServer } from 'node:net';

/**
 * A port that was free a moment ago. Another process may take it before its user binds it, so only callers that
 * must name the port up front use it (PostgreSQL, the CLI's `--port PORT` tests, which retry on that race).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}
