// The elements call `/api` on the page's own origin, as in production. Here the app's server forwards it to the
// invitekit API at INVITEKIT_API (the mock server in development: `npm run mock`); a product would mount
// @invitekit/server there instead.
import type { Handle } from '@sveltejs/kit';

const api = process.env.INVITEKIT_API ?? 'http://127.0.0.1:4010';

export const handle: Handle = async ({ event, resolve }) => {
  if (!event.url.pathname.startsWith('/api/')) return resolve(event);
  const { request } = event;
  const headers = new Headers(request.headers);
  headers.delete('host');
  const answer = await fetch(new URL(event.url.pathname + event.url.search, api), {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer(),
  });
  // fetch has already decoded the body: its length and encoding no longer apply.
  const answerHeaders = new Headers(answer.headers);
  answerHeaders.delete('content-encoding');
  answerHeaders.delete('content-length');
  return new Response(answer.body, { status: answer.status, headers: answerHeaders });
};
