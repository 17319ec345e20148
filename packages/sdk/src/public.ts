/**
 * `@invitekit/sdk/public`: only the calls that need no credentials. The public elements load this when the page
 * gives them no client, so a login page never downloads the admin calls and their schemas.
 */
export { createPublicClient } from './client.js';
export type { PublicClient, ClientOptions } from './client.js';
