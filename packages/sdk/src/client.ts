/**
 * `createClient(options)`: the resource namespaces of sdk.md over the transport in http.ts.
 */
import { createTransport, type CallOptions, type ClientOptions, type OrgCallOptions, type RequestSpec } from './http.js';
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
  all(query?: Omit<ListInvitationsQuery, 'cursor'> & { cursor?: string }, opts?: OrgCallOptions): AsyncGenerator<Invitation, void, undefined>;
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

/** A client for one API root. Cheap to make; holds no state beyond its options. */
export function createClient(options: ClientOptions): InvitekitClient {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createClient: `baseUrl` is required (the API root, such as "/api")');
  }
  const http = createTransport(options);

  /** `orgs/{org}/...rest`, with the organization of the call or the client. */
  const org = (opts: OrgCallOptions | undefined, ...rest: string[]): string[] => {
    const slug = opts?.organization ?? options.organization;
    if (!slug) {
      throw new TypeError(
        'invitekit: no organization for this call: pass `organization` to createClient() or in the call\'s options',
      );
    }
    return ['orgs', slug, ...rest];
  };
  const call = (method: RequestSpec['method'], path: string[], opts?: CallOptions, extra?: Partial<RequestSpec>): RequestSpec => ({
    method,
    path,
    signal: opts?.signal,
    ...extra,
  });

  const listInvitations = async (query: ListInvitationsQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'invitations'), opts, { query }), InvitationPage);
  const listRequests = async (query: ListRequestsQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'invitation-requests'), opts, { query }), InvitationRequestPage);
  const listMembers = async (query: ListMembersQuery = {}, opts?: OrgCallOptions) =>
    http.json(call('get', org(opts, 'members'), opts, { query }), MemberPage);

  // Errors such as a missing organization surface when the iterator is first advanced, like any other error.
  const all = <T, Q extends { cursor?: string | undefined }>(list: (q: Q, o?: OrgCallOptions) => Promise<Page<T>>) =>
    (query: Q = {} as Q, opts?: OrgCallOptions) => paginate((q: Q) => list(q, opts), query);

  return {
    invitations: {
      list: listInvitations,
      all: all(listInvitations),
      get: async (id, opts) => http.json(call('get', org(opts, 'invitations', id), opts), Invitation),
      create: async (body, opts) =>
        http.json(
          call('post', org(opts, 'invitations'), opts, { json: body, idempotencyKey: opts?.idempotencyKey ?? newIdempotencyKey() }),
          CreateInvitationsResult,
        ),
      link: async (id, opts) => http.json(call('get', org(opts, 'invitations', id, 'link'), opts), InvitationLink),
      resend: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'resend'), opts), Invitation),
      renew: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'renew'), opts), Invitation),
      revoke: async (id, opts) => http.json(call('post', org(opts, 'invitations', id, 'revoke'), opts), Invitation),
      revokeStale: async (opts) => http.json(call('post', org(opts, 'invitations', 'revoke-stale'), opts), RevokeStaleResult),
      exportCsv: async (query = {}, opts) => http.csv(call('get', org(opts, 'invitations', 'export.csv'), opts, { query })),
    },
    requests: {
      list: listRequests,
      all: all(listRequests),
      approve: async (id, opts) => http.json(call('post', org(opts, 'invitation-requests', id, 'approve'), opts), ApproveRequestResult),
      dismiss: async (id, opts) => http.json(call('post', org(opts, 'invitation-requests', id, 'dismiss'), opts), InvitationRequest),
      dismissStale: async (opts) =>
        http.json(call('post', org(opts, 'invitation-requests', 'dismiss-stale'), opts), DismissStaleResult),
      submit: async (body, opts) =>
        http.json(call('post', org(opts, 'invitation-requests'), opts, { json: body }), SubmitRequestResult),
    },
    invites: {
      lookup: async (code, opts) => http.json(call('get', ['invites', code], opts), InviteLookup),
      accept: async (code, body = {}, opts) => http.json(call('post', ['invites', code, 'accept'], opts, { json: body }), AcceptInviteResult),
      decline: async (code, opts) => http.json(call('post', ['invites', code, 'decline'], opts), DeclineInviteResult),
    },
    settings: {
      get: async (opts) => http.json(call('get', org(opts, 'settings'), opts), Settings),
      update: async (patch, opts) => http.json(call('patch', org(opts, 'settings'), opts, { json: patch }), Settings),
    },
    members: { list: listMembers, all: all(listMembers) },
    access: {
      get: async (opts) => http.json(call('get', org(opts, 'access'), opts), Access),
    },
  };
}
