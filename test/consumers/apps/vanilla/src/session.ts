/** The mock server's seed admin (member:manage) stands in for the product's own signed-in session. */
export const sessionToken = 'acme-admin';

/**
 * The API root: `/api` on the page's own origin, or the one in `?api=` (another origin, which must allow this page's
 * origin: `invitekit-mock-server --allow-origin`).
 */
export const apiRoot = new URLSearchParams(location.search).get('api') ?? '/api';
