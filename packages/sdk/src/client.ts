/**
 * `createClient(options)`: the resource namespaces of sdk.md over the transport in http.ts, each call made from
 * its endpoint in endpoints.ts (method, path, answer schema).
 */
import {
  createTransport,
  type CallOptions,
  type ClientOptions,
  type OrgCallOptions,
  type RequestSpec,
  type Transport,
} from './http.js';
import { newIdempotencyKey } from './idempotency.js';
import { paginate } from './paginate.js';
import type * as z from 'zod/mini';
import * as E from './endpoints.js';
import type { AnswerOf, Endpoint, ParamsOf } from './endpoints.js';
import type {
  AcceptInviteBody,
  AcceptInviteResult,
  Access,
  ApproveRequestResult,
  CreateInvitationsBody,
  CreateInvitationsResult,
  DeclineInviteResult,
  DismissStaleResult,
  ExportInvitationsQuery,
  Invitation,
  InvitationLink,
  InvitationRequest,
  InviteLookup,
  ListInvitationsQuery,
  ListMembersQuery,
  ListRequestsQuery,
  Member,
  Page,
  RevokeStaleResult,
  Settings,
  SettingsPatch,
  SubmitRequestBody,
  SubmitRequestResult,
  UpdateInvitationBody,
} from './schemas.js';

export type { CallOptions, ClientOptions, OrgCallOptions, TokenSource } from './http.js';

/** Options of `invitations.create`. */
export interface CreateOptions extends OrgCallOptions {
  /** Reuse a key to make a repeated call a replay (default: a new random key per call). */
  idempotencyKey?: string;
}

/** Options of `requests.approve`. */
export interface ApproveOptions extends OrgCallOptions {
  /** The role of the invitation the approval sends (one of the organization's roles); default: its default role. */
  role?: string;
}

export interface InvitationsApi {
  /** One page of invitations (default filter `pending,expired`, newest first). */
  list(query?: ListInvitationsQuery, opts?: OrgCallOptions): Promise<Page<Invitation>>;
  /** Every matching invitation, page after page. */
  all(
    query?: Omit<ListInvitationsQuery, 'cursor'> & { cursor?: string },
    opts?: OrgCallOptions,
  ): AsyncGenerator<Invitation, void, undefined>;
  get(id: string, opts?: OrgCallOptions): Promise<Invitation>;
  /** Invites 1 to 100 addresses; always sends an `Idempotency-Key`, so retries never invite twice. */
  create(body: CreateInvitationsBody, opts?: CreateOptions): Promise<CreateInvitationsResult>;
  /** The current link and code of a pending invitation. */
  link(id: string, opts?: OrgCallOptions): Promise<InvitationLink>;
  resend(id: string, opts?: OrgCallOptions): Promise<Invitation>;
  renew(id: string, opts?: OrgCallOptions): Promise<Invitation>;
  revoke(id: string, opts?: OrgCallOptions): Promise<Invitation>;
  /** Changes a pending invitation (its role; `null` for the default role); its link and expiry stay. */
  update(id: string, body: UpdateInvitationBody, opts?: OrgCallOptions): Promise<Invitation>;
  revokeStale(opts?: OrgCallOptions): Promise<RevokeStaleResult>;
  /** The matching invitations as a `text/csv` Blob. */
  exportCsv(query?: ExportInvitationsQuery, opts?: OrgCallOptions): Promise<Blob>;
}

export interface RequestsApi {
  list(query?: ListRequestsQuery, opts?: OrgCallOptions): Promise<Page<InvitationRequest>>;
  all(query?: ListRequestsQuery, opts?: OrgCallOptions): AsyncGenerator<InvitationRequest, void, undefined>;
  /** Approves a request: an invitation is sent, with `role` when given, else the default role. */
  approve(id: string, opts?: ApproveOptions): Promise<ApproveRequestResult>;
  dismiss(id: string, opts?: OrgCallOptions): Promise<InvitationRequest>;
  dismissStale(opts?: OrgCallOptions): Promise<DismissStaleResult>;
  /** Public: asks the organization for an invitation (the login page's form). */
  submit(body: SubmitRequestBody, opts?: OrgCallOptions): Promise<SubmitRequestResult>;
}

export interface InvitesApi {
  /** Public: what a code is for (the redeem page); never uses the code up. */
  lookup(code: string, opts?: CallOptions): Promise<InviteLookup>;
  accept(code: string, body?: AcceptInviteBody, opts?: CallOptions): Promise<AcceptInviteResult>;
  decline(code: string, opts?: CallOptions): Promise<DeclineInviteResult>;
}

export interface SettingsApi {
  get(opts?: OrgCallOptions): Promise<Settings>;
  update(patch: SettingsPatch, opts?: OrgCallOptions): Promise<Settings>;
}

export interface MembersApi {
  list(query?: ListMembersQuery, opts?: OrgCallOptions): Promise<Page<Member>>;
  all(query?: ListMembersQuery, opts?: OrgCallOptions): AsyncGenerator<Member, void, undefined>;
}

export interface AccessApi {
  /** Public: the organization's name and whether it takes invitation requests. */
  get(opts?: OrgCallOptions): Promise<Access>;
}

export interface InvitekitClient {
  readonly invitations: InvitationsApi;
  readonly requests: RequestsApi;
  readonly invites: InvitesApi;
  readonly settings: SettingsApi;
  readonly members: MembersApi;
  readonly access: AccessApi;
}

/** What every namespace needs: the transport, and the options that fill in an endpoint's organization. */
interface Scope {
  http: Transport;
  options: ClientOptions;
}

function scopeOf(options: ClientOptions): Scope {
  // A JavaScript caller may call createClient() with nothing: it gets the error below, not a TypeError on undefined.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createClient: `baseUrl` is required (the API root, such as "/api")');
  }
  return { http: createTransport(options), options };
}

/** The parameters a call passes itself; `org` comes from the call's options or the client's. */
type ParamsFor<E extends Endpoint> = Record<Exclude<ParamsOf<E['path']>, 'org'>, string>;

/** The request for `endpoint`: its method, its path with the parameters filled in, and `extra`. */
function specOf<E extends Endpoint>(
  { options }: Scope,
  endpoint: E,
  params: ParamsFor<E>,
  opts: OrgCallOptions | undefined,
  extra?: Pick<RequestSpec, 'query' | 'json' | 'idempotencyKey'>,
): RequestSpec {
  const path = endpoint.path
    .split('/')
    .slice(1)
    .map((part) => {
      if (!part.startsWith(':')) return part;
      if (part !== ':org') return (params as Record<string, string>)[part.slice(1)] ?? '';
      const slug = opts?.organization ?? options.organization;
      if (!slug) {
        throw new TypeError(
          "invitekit: no organization for this call: pass `organization` to createClient() or in the call's options",
        );
      }
      return slug;
    });
  return {
    method: endpoint.method.toLowerCase() as RequestSpec['method'],
    path,
    signal: opts?.signal,
    ...extra,
  };
}

/** Calls `endpoint` and validates its answer with the endpoint's answer schema. */
async function call<E extends Endpoint & { answer: z.core.$ZodType }>(
  scope: Scope,
  endpoint: E,
  params: ParamsFor<E>,
  opts: OrgCallOptions | undefined,
  extra?: Pick<RequestSpec, 'query' | 'json' | 'idempotencyKey'>,
): Promise<AnswerOf<E>> {
  return scope.http.json(specOf(scope, endpoint, params, opts, extra), endpoint.answer) as Promise<AnswerOf<E>>;
}

// Errors such as a missing organization surface when the iterator is first advanced, like any other error.
const allOf =
  <T, Q extends { cursor?: string | undefined }>(list: (q: Q, o?: OrgCallOptions) => Promise<Page<T>>) =>
  (query: Q = {} as Q, opts?: OrgCallOptions) =>
    paginate((q: Q) => list(q, opts), query);

function invitationsApi(scope: Scope): InvitationsApi {
  const list = async (query: ListInvitationsQuery = {}, opts?: OrgCallOptions) =>
    call(scope, E.listInvitations, {}, opts, { query });
  return {
    list,
    all: allOf(list),
    get: async (id, opts) => call(scope, E.getInvitation, { id }, opts),
    create: async (body, opts) =>
      call(scope, E.createInvitations, {}, opts, {
        json: body,
        idempotencyKey: opts?.idempotencyKey ?? newIdempotencyKey(),
      }),
    link: async (id, opts) => call(scope, E.getInvitationLink, { id }, opts),
    resend: async (id, opts) => call(scope, E.resendInvitation, { id }, opts),
    renew: async (id, opts) => call(scope, E.renewInvitation, { id }, opts),
    revoke: async (id, opts) => call(scope, E.revokeInvitation, { id }, opts),
    update: async (id, body, opts) => call(scope, E.updateInvitation, { id }, opts, { json: body }),
    revokeStale: async (opts) => call(scope, E.revokeStaleInvitations, {}, opts),
    exportCsv: async (query = {}, opts) => scope.http.csv(specOf(scope, E.exportInvitations, {}, opts, { query })),
  };
}

/** The public half of `requests`: the login page's form needs nothing else. */
function submitRequest(scope: Scope): RequestsApi['submit'] {
  return async (body, opts) => call(scope, E.submitInvitationRequest, {}, opts, { json: body });
}

function requestsApi(scope: Scope): RequestsApi {
  const list = async (query: ListRequestsQuery = {}, opts?: OrgCallOptions) =>
    call(scope, E.listInvitationRequests, {}, opts, { query });
  return {
    list,
    all: allOf(list),
    approve: async (id, opts) =>
      call(scope, E.approveInvitationRequest, { id }, opts, opts?.role ? { json: { role: opts.role } } : {}),
    dismiss: async (id, opts) => call(scope, E.dismissInvitationRequest, { id }, opts),
    dismissStale: async (opts) => call(scope, E.dismissStaleInvitationRequests, {}, opts),
    submit: submitRequest(scope),
  };
}

function invitesApi(scope: Scope): InvitesApi {
  return {
    lookup: async (code, opts) => call(scope, E.lookupInvite, { code }, opts),
    accept: async (code, body = {}, opts) => call(scope, E.acceptInvite, { code }, opts, { json: body }),
    decline: async (code, opts) => call(scope, E.declineInvite, { code }, opts),
  };
}

function settingsApi(scope: Scope): SettingsApi {
  return {
    get: async (opts) => call(scope, E.getSettings, {}, opts),
    update: async (patch, opts) => call(scope, E.updateSettings, {}, opts, { json: patch }),
  };
}

function membersApi(scope: Scope): MembersApi {
  const list = async (query: ListMembersQuery = {}, opts?: OrgCallOptions) =>
    call(scope, E.listMembers, {}, opts, { query });
  return { list, all: allOf(list) };
}

function accessApi(scope: Scope): AccessApi {
  return { get: async (opts) => call(scope, E.getAccess, {}, opts) };
}

/** A client for one API root. Cheap to make; holds no state beyond its options. */
export function createClient(options: ClientOptions): InvitekitClient {
  const scope = scopeOf(options);
  return {
    invitations: invitationsApi(scope),
    requests: requestsApi(scope),
    invites: invitesApi(scope),
    settings: settingsApi(scope),
    members: membersApi(scope),
    access: accessApi(scope),
  };
}

/** The calls that need no credentials: what a login page or a redeem page uses. */
export interface PublicClient {
  readonly access: AccessApi;
  readonly invites: InvitesApi;
  readonly requests: Pick<RequestsApi, 'submit'>;
}

/**
 * A client with only the public calls. Every `InvitekitClient` is also a `PublicClient`; this one exists so that
 * a login page bundles none of the admin calls and their schemas.
 */
export function createPublicClient(options: ClientOptions): PublicClient {
  const scope = scopeOf(options);
  return { access: accessApi(scope), invites: invitesApi(scope), requests: { submit: submitRequest(scope) } };
}
