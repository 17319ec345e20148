// A stand-in for the product's own sign-in: the `session` cookie names the signed-in person. A real app reads its
// session store (NextAuth's auth(), a JWT, ...) here.
import type { HostUser } from '@invitekit/server';

const ADMINS = new Set(['ada@acme.test']);

export function signedInUser(cookieHeader: string | null): HostUser | null {
  const session = /(?:^|;\s*)session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  if (!session) return null;
  const email = decodeURIComponent(session);
  return { id: email, email, grants: { acme: ADMINS.has(email) ? ['member:manage'] : [] } };
}
