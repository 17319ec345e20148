/**
 * Each endpoint of the SDK's table (`@invitekit/sdk/endpoints`) bound to its operation. The table gives the method,
 * the path, the query schema, whether a body is taken, the success status and the answer; this file gives only
 * which operation answers, and the types make the answer the one the table declares: an operation whose answer
 * does not fit its endpoint's schema, or an endpoint with no binding, is a compile error.
 */
import type * as z from 'zod/mini';
import { type Endpoint, type EndpointName, type Endpoints, type ParamsOf } from '@invitekit/sdk/endpoints';
import type { JsonBody } from './body.js';

type Awaitable<T> = T | Promise<T>;

/**
 * What the answer schema of endpoint `K` accepts (the engine produces what the SDK then parses); a text answer
 * (the CSV export) is the text, or its chunks in order, streamed as they come.
 */
export type Produces<K extends EndpointName> = Endpoints[K]['answer'] extends z.core.$ZodType
  ? z.input<Endpoints[K]['answer']>
  : string | AsyncIterable<string>;

/**
 * The rules as the routes call them, `C` being what `authenticate` makes of a request's credentials. Every
 * operation may answer now or later; each throws an `EngineError` to refuse.
 */
export interface ApiOperations<C> {
  listInvitations(cred: C, org: string, query: unknown): Awaitable<Produces<'listInvitations'>>;
  createInvitations(
    cred: C,
    org: string,
    body: unknown,
    options: { idempotencyKey?: string | null },
  ): Awaitable<Produces<'createInvitations'>>;
  exportCsv(cred: C, org: string, query: unknown): Awaitable<Produces<'exportInvitations'>>;
  revokeStale(cred: C, org: string): Awaitable<Produces<'revokeStaleInvitations'>>;
  getInvitation(cred: C, org: string, id: string): Awaitable<Produces<'getInvitation'>>;
  link(cred: C, org: string, id: string): Awaitable<Produces<'getInvitationLink'>>;
  resend(cred: C, org: string, id: string): Awaitable<Produces<'resendInvitation'>>;
  renew(cred: C, org: string, id: string): Awaitable<Produces<'renewInvitation'>>;
  revoke(cred: C, org: string, id: string): Awaitable<Produces<'revokeInvitation'>>;
  updateInvitation(cred: C, org: string, id: string, body: unknown): Awaitable<Produces<'updateInvitation'>>;
  listRequests(cred: C, org: string, query: unknown): Awaitable<Produces<'listInvitationRequests'>>;
  approveRequest(cred: C, org: string, id: string, body: unknown): Awaitable<Produces<'approveInvitationRequest'>>;
  dismissRequest(cred: C, org: string, id: string): Awaitable<Produces<'dismissInvitationRequest'>>;
  dismissStale(cred: C, org: string): Awaitable<Produces<'dismissStaleInvitationRequests'>>;
  listMembers(cred: C, org: string, query: unknown): Awaitable<Produces<'listMembers'>>;
  getSettings(cred: C, org: string): Awaitable<Produces<'getSettings'>>;
  updateSettings(cred: C, org: string, patch: unknown): Awaitable<Produces<'updateSettings'>>;
  access(org: string): Awaitable<Produces<'getAccess'>>;
  submitRequest(org: string, body: unknown, remote: string): Awaitable<Produces<'submitInvitationRequest'>>;
  lookupInvite(code: string): Awaitable<Produces<'lookupInvite'>>;
  acceptInvite(cred: C, code: string, body: unknown): Awaitable<Produces<'acceptInvite'>>;
  declineInvite(code: string): Awaitable<Produces<'declineInvite'>>;
}

/** What a binding is handed: the request as the endpoint declares it. */
export type EndpointCall<E extends Endpoint, C> = {
  request: Request;
  /** The decoded path parameters the endpoint's path names. */
  params: Record<ParamsOf<E['path']>, string>;
  /** The query shaped for the endpoint's query schema (the operation checks it); `{}` for none. */
  query: Record<string, unknown>;
  /** The JSON object body; `undefined` when none was sent (or the endpoint takes none: then it had no fields). */
  body: JsonBody;
  /** The `Idempotency-Key` header, checked, or null. */
  idempotencyKey: string | null;
  /** The client address rate limits count by. */
  clientAddress: string;
} & (E['auth'] extends 'public' ? unknown : { cred: () => Promise<C> });

/** Every endpoint's binding; the answer must be what the endpoint's schema accepts. */
export type Bindings<C> = {
  [K in EndpointName]: (ops: ApiOperations<C>, call: EndpointCall<Endpoints[K], C>) => Promise<Produces<K>>;
};

export function bindings<C>(): Bindings<C> {
  return {
    listInvitations: async (ops, c) => ops.listInvitations(await c.cred(), c.params.org, c.query),
    createInvitations: async (ops, c) =>
      ops.createInvitations(await c.cred(), c.params.org, c.body, { idempotencyKey: c.idempotencyKey }),
    exportInvitations: async (ops, c) => ops.exportCsv(await c.cred(), c.params.org, c.query),
    revokeStaleInvitations: async (ops, c) => ops.revokeStale(await c.cred(), c.params.org),
    getInvitation: async (ops, c) => ops.getInvitation(await c.cred(), c.params.org, c.params.id),
    getInvitationLink: async (ops, c) => ops.link(await c.cred(), c.params.org, c.params.id),
    resendInvitation: async (ops, c) => ops.resend(await c.cred(), c.params.org, c.params.id),
    renewInvitation: async (ops, c) => ops.renew(await c.cred(), c.params.org, c.params.id),
    revokeInvitation: async (ops, c) => ops.revoke(await c.cred(), c.params.org, c.params.id),
    updateInvitation: async (ops, c) => ops.updateInvitation(await c.cred(), c.params.org, c.params.id, c.body),
    listInvitationRequests: async (ops, c) => ops.listRequests(await c.cred(), c.params.org, c.query),
    submitInvitationRequest: async (ops, c) => ops.submitRequest(c.params.org, c.body, c.clientAddress),
    dismissStaleInvitationRequests: async (ops, c) => ops.dismissStale(await c.cred(), c.params.org),
    // The approve body is optional (`{ role? }`).
    approveInvitationRequest: async (ops, c) =>
      ops.approveRequest(await c.cred(), c.params.org, c.params.id, c.body ?? {}),
    dismissInvitationRequest: async (ops, c) => ops.dismissRequest(await c.cred(), c.params.org, c.params.id),
    listMembers: async (ops, c) => ops.listMembers(await c.cred(), c.params.org, c.query),
    getSettings: async (ops, c) => ops.getSettings(await c.cred(), c.params.org),
    updateSettings: async (ops, c) => ops.updateSettings(await c.cred(), c.params.org, c.body),
    getAccess: async (ops, c) => ops.access(c.params.org),
    lookupInvite: async (ops, c) => ops.lookupInvite(c.params.code),
    // The accept body is optional (`{ name? }`); when sent it is an object, never `null`.
    acceptInvite: async (ops, c) => ops.acceptInvite(await c.cred(), c.params.code, c.body ?? {}),
    declineInvite: async (ops, c) => ops.declineInvite(c.params.code),
  };
}
