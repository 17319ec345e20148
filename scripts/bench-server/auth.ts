/**
 * The benchmark's sign-in, as a host's own `authenticate` (`invitekit-server --auth`): the production path, where
 * knowing who asks costs the kit no database statement. `Bearer acme-admin` is acme's admin; anything else is
 * signed out.
 */
import type { HostUser } from '@invitekit/server';

export function authenticate(request: Request): Promise<HostUser | null> {
  if (request.headers.get('authorization') !== 'Bearer acme-admin') return Promise.resolve(null);
  return Promise.resolve({
    id: 'usr_ada',
    email: 'admin@acme.test',
    name: 'Ada Admin',
    grants: { acme: ['member:manage'] },
  });
}
