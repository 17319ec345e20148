// A host's server, as packages/server/README.md shows it: `node app.mjs node|fetch DATABASE` (a postgres:// URL
// or a PGlite directory). Its own routes under /host let the test read what the hooks received.
import { createServer } from 'node:http';
import { createInvitekitServer } from '@invitekit/server';
import { authenticate } from './auth.mjs';

const [mode, database] = process.argv.slice(2);
const mail = [];
const accepted = [];
const invitekit = createInvitekitServer({
  database: database.startsWith('postgres') ? database : { pglite: database },
  acceptUrl: 'https://app.host.test/join/',
  authenticate,
  sendEmail: async (message) => {
    mail.push(message);
  },
  onAccepted: async (event) => {
    accepted.push(event);
  },
  log: false,
});
await invitekit.organizations.upsert({
  slug: 'hostco',
  name: 'Host Co',
  roles: ['member', 'admin'],
  defaultRole: 'member',
});

async function body(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function json(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** The host's own routes: what its hooks got, its SSO joins, and a write inside a read-only transaction. */
async function hostRoute(req, res) {
  if (req.url === '/host/mail') return json(res, 200, mail);
  if (req.url === '/host/accepted') return json(res, 200, accepted);
  if (req.url === '/host/join') {
    const { email } = JSON.parse((await body(req)).toString());
    return json(res, 200, await invitekit.members.upsert('hostco', { email, via: 'sso' }));
  }
  if (req.url === '/host/read-only-write') {
    const engine = await invitekit.engine;
    try {
      await engine.store.transaction(
        (tx) =>
          tx.insertRequest('hostco', {
            id: 'req_read_only',
            email: 'ro@host.test',
            name: null,
            message: null,
            status: 'pending',
            requestedAt: Date.now(),
          }),
        { readOnly: true },
      );
      return json(res, 200, { wrote: true });
    } catch (error) {
      return json(res, 200, { wrote: false, error: String(error.message ?? error) });
    }
  }
  return json(res, 404, {});
}

/** `.fetch` as a host wires it into a server of its own (Hono, Bun, …): Request in, Response out. */
async function viaFetch(req, res) {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers: Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
    ...(hasBody ? { body: await body(req) } : {}),
  });
  const response = await invitekit.fetch(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer((req, res) => {
  if (req.url?.startsWith('/host/')) return void hostRoute(req, res);
  if (req.url?.startsWith('/api/')) return mode === 'fetch' ? void viaFetch(req, res) : invitekit.node(req, res);
  json(res, 404, {});
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void invitekit.close().finally(() => process.exit(0));
});
