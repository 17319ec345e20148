/**
 * Who is signed in to the demo product. A real product has its own session cookie; the demo's is
 * `invitekit_session`, holding one of the mock server's seed tokens, and the elements send it along
 * (the SDK's default `credentials: "include"`), exactly as a host's cookie reaches its own backend.
 */
export const people = [
  { token: 'acme-admin', label: 'Ada Admin (admin)' },
  { token: 'acme-viewer', label: 'Victor Viewer (member, no permission)' },
  { token: '', label: 'Signed out' },
] as const;

const COOKIE = 'invitekit_session';

export function currentToken(): string {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return match ? decodeURIComponent(match.slice(COOKIE.length + 1)) : '';
}

export function signInAs(token: string): void {
  document.cookie = token
    ? `${COOKIE}=${encodeURIComponent(token)}; path=/; SameSite=Lax`
    : `${COOKIE}=; path=/; max-age=0; SameSite=Lax`;
}

/** First visit: signed in as the admin, so the main job shows at once. */
export function ensureSession(): void {
  if (!document.cookie.includes(`${COOKIE}=`) && !sessionStorage.getItem('demo-signed-out')) signInAs('acme-admin');
}
