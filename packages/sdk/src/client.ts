/**
 * `createClient(options)`: the resource namespaces of sdk.md over the transport in http.ts.
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
import {
  AcceptInviteResult,
  Access,
  ApproveRequestResult,
  CreateInvitationsResult,
  DeclineInviteResult,
  DismissStaleResult,
  Invitation,
  InvitationLink,
  InvitationPage,
  InvitationRequest,
  InvitationRequestPage,
  InviteLookup,
  MemberPage,
  RevokeStaleResult,
  Settings,
  SubmitRequestResult,
  type AcceptInviteBody,
  type CreateInvitationsBody,
  type ExportInvitationsQuery,
  type ListInvitationsQuery,
  type ListMembersQuery,
  type ListRequestsQuery,
  type Member,
  type Page,
  type SettingsPatch,
  type SubmitRequestBody,
} from './schemas.js';

export type { CallOptions, ClientOptions, OrgCallOptions, TokenSource } from './http.js';

/** Options of `invitations.create`. */
export interface CreateOptions extends OrgCallOptions {
  /** Reuse a key to make a repeated call a replay (default: a new random key per call). */
  idempotencyKey?: string;
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
  revokeStale(opts?: OrgCallOptions): Promise<RevokeStaleResult>;
  /** The matching invitations as a `text/csv` Blob. */
  exportCsv(query?: ExportInvitationsQuery, opts?: OrgCallOptions): Promise<Blob>;
}

export interface RequestsApi {
  list(query?: ListRequestsQuery, opts?: OrgCallOptions): Promise<Page<InvitationRequest>>;
  all(query?: ListRequestsQuery, opts?: OrgCallOptions): AsyncGenerator<InvitationRequest, void, undefined>;
  approve(id: string, opts?: OrgCallOptions): Promise<ApproveRequestResult>;
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

/** What every namespace needs: the transport and the organization-scoped path of a call. */
interface Scope {
  http: Transport;
  /** `orgs/{org}/...rest`, with the organization of the call or the client. */
  org: (opts: OrgCallOptions | undefined, ...rest: string[]) => string[];
}

function scopeOf(options: ClientOptions): Scope {
  // A JavaScript caller may call createClient() with nothing: it gets the error below, not a TypeError on undefined.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createClient: `baseUrl` is required (the API root, such as "/api")');
  }
  return {
    http: createTransport(options),
    org(opts, ...rest) {
      const slug = opts?.organization ?? options.organization;
      if (!slug) {
        throw new TypeError(
          "invitekit: no organization for this call: pass `organization` to createClient() or in the call's options",
        );
      }
      return ['orgs', slug, ...rest];
    },
  };
}

const call = (
  method: RequestSpec['method'],
  path: string[],
  opts?: CallOptions,
  extra?: Partial<RequestSpec>,
): RequestSpec => ({
  method,
  path,
  signal: opts?.signal,
  ...extra,
});

// Errors such as a missing organization surface when the iterator is first advanced, like any other error.
const allOf =
  <T, Q extends { cursor?: string | undefined }>(list: (q: Q, o?: OrgCallOptions) => Promise<Page<T>>) =>
  (query: Q = {} as Q, opts?: OrgCallOptions) =>
    paginate((q: Q) => list(q, opts), query);

function invitationsApi({ http, org }: Scope): InvitationsApi {
  const list = async (query: ListInvitationsQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'invitations'), opts, { query }), InvitationPage);
  return {
    list,
    all: allOf(list),
    get: async (id, opts) => http.json(call('get', org(opts, 'invitations', id), opts), Invitation),
    create: async (body, opts) =>
      http.json(
        call('post', org(opts, 'invitations'), opts, {
          json: body,
          idempotencyKey: opts?.idempotencyKey ?? newIdempotencyKey(),
        }),
        CreateInvitationsResult,
      ),
    link: async (id, opts) => http.json(call('get', org(opts, 'invitations', id, 'link'), opts), InvitationLink),
    resend: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'resend'), opts), Invitation),
    renew: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'renew'), opts), Invitation),
    revoke: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'revoke'), opts), Invitation),
    revokeStale: async (opts) =>
      http.json(call('post', org(opts, 'invitations', 'revoke-stale'), opts), RevokeStaleResult),
    exportCsv: async (query = {}, opts) =>
      http.csv(call('get', org(opts, 'invitations', 'export.csv'), opts, { query })),
  };
}

/** The public half of `requests`: the login page's form needs nothing else. */
function submitRequest({ http, org }: Scope): RequestsApi['submit'] {
  return async (body, opts) =>
    http.json(call('post', org(opts, 'invitation-requests'), opts, { json: body }), SubmitRequestResult);
}

function requestsApi(scope: Scope): RequestsApi {
  const { http, org } = scope;
  const list = async (query: ListRequestsQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'invitation-requests'), opts, { query }), InvitationRequestPage);
  return {
    list,
    all: allOf(list),
    approve: async (id, opts) =>
      http.json(call('post', org(opts, 'invitation-requests', id, 'approve'), opts), ApproveRequestResult),
    dismiss: async (id, opts) =>
      http.json(call('post', org(opts, 'invitation-requests', id, 'dismiss'), opts), InvitationRequest),
    dismissStale: async (opts) =>
      http.json(call('post', org(opts, 'invitation-requests', 'dismiss-stale'), opts), DismissStaleResult),
    submit: submitRequest(scope),
  };
}

function invitesApi({ http }: Scope): InvitesApi {
  return {
    lookup: async (code, opts) => http.json(call('get', ['invites', code], opts), InviteLookup),
    accept: async (code, body = {}, opts) =>
      http.json(call('post', ['invites', code, 'accept'], opts, { json: body }), AcceptInviteResult),
    decline: async (code, opts) => http.json(call('post', ['invites', code, 'decline'], opts), DeclineInviteResult),
  };
}

function settingsApi({ http, org }: Scope): SettingsApi {
  return {
    get: async (opts) => http.json(call('get', org(opts, 'settings'), opts), Settings),
    update: async (patch, opts) => http.json(call('patch', org(opts, 'settings'), opts, { json: patch }), Settings),
  };
}

function membersApi({ http, org }: Scope): MembersApi {
  const list = async (query: ListMembersQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'members'), opts, { query }), MemberPage);
  return { list, all: allOf(list) };
}

function accessApi({ http, org }: Scope): AccessApi {
  return { get: async (opts) => http.json(call('get', org(opts, 'access'), opts), Access) };
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
