// app/api/[...invitekit]/route.ts: the invitekit API as this app's own route handler (packages/server/README.md).
// Nothing opens at import: the database (PGlite in INVITEKIT_DATA, ./invitekit-data by default) opens on the first
// request, so `next build` writes nothing.
import { createInvitekitServer } from '@invitekit/server';
import { signedInUser } from '../../session';

export const runtime = 'nodejs'; // PGlite (or pg) needs Node
export const dynamic = 'force-dynamic';

const invitekit = createInvitekitServer({
  database: { pglite: process.env.INVITEKIT_DATA ?? './invitekit-data' },
  acceptUrl: `${process.env.APP_URL ?? 'http://localhost:3000'}/invite/`,
  // The app's own sign-in (app/session.ts): who is asking, and what they may do in which organization.
  authenticate: (request) => signedInUser(request.headers.get('cookie')),
  // A product sends email here; this example logs that one went out.
  sendEmail: (message) => {
    console.log(`invitekit: ${message.kind} email for ${message.organization.slug}`);
    return Promise.resolve();
  },
});

// The organization invitations belong to, registered once before the first request is answered.
let registered: Promise<unknown> | undefined;
async function handle(request: Request): Promise<Response> {
  registered ??= invitekit.organizations.upsert({
    slug: 'acme',
    name: 'Acme Inc.',
    roles: ['member', 'admin'],
    defaultRole: 'member',
  });
  await registered;
  return invitekit.fetch(request);
}

export { handle as GET, handle as POST, handle as PATCH, handle as HEAD, handle as OPTIONS };
