// The host's own sign-in, as `--auth MODULE` and the host app load it: its sessions, its users, its grants.
const SESSIONS = {
  'sess-admin': { id: 'u-admin', email: 'admin@host.test', name: 'Hana Host', grants: { hostco: ['member:manage'] } },
  'sess-viewer': { id: 'u-viewer', email: 'viewer@host.test', grants: { hostco: [] } },
  'sess-invitee': { id: 'u-new', email: 'new@host.test', name: 'Nia New', grants: {} },
};

export function authenticate(request) {
  const match = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '');
  return (match && SESSIONS[match[1]]) ?? null;
}
