/**
 * Every endpoint of api.md, declared once: method, path (its `:name` segments are the parameters), who may call
 * it, the query and body schemas, the answer schema, and the error codes its rules can give. The client's calls,
 * the engine's routes (`@invitekit/engine/http`) and the OpenAPI document are derived from this table, and the
 * engine's route handlers are typed by the answers here, so an answer that does not match is a compile error.
 *
 * Each endpoint is its own constant so that a page bundles only the ones its calls use (the login page's form
 * uses one). Errors every endpoint of a kind can give are not listed: `admin` adds unauthenticated, forbidden and
 * not_found; a query or a body adds invalid_request; a body adds payload_too_large and unsupported_media_type.
 */
import type * as z from 'zod/mini';
import * as s from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface Endpoint {
  readonly method: HttpMethod;
  /** Below the API root, with `:name` segments for the path parameters: `/orgs/:org/invitations/:id`. */
  readonly path: string;
  /** `admin`: needs credentials with the organization's permission; `optional`: uses them when sent. */
  readonly auth: 'admin' | 'public' | 'optional';
  /** The query parameters, parsed (arrays travel as one comma list). */
  readonly query?: z.ZodMiniObject;
  /** The JSON body; a POST without one takes no fields. */
  readonly body?: z.core.$ZodType;
  /** The body may be left out altogether (accept: `{ name? }`). */
  readonly bodyOptional?: boolean;
  /** Takes an `Idempotency-Key` header. */
  readonly idempotencyKey?: boolean;
  /** The answer's schema, or `text/csv` for a file. */
  readonly answer: z.core.$ZodType | 'text/csv';
  /** The success status; default 200. */
  readonly status?: number;
  /** The codes of the rules beyond those every endpoint of its kind gives (see above). */
  readonly errors: readonly s.WireErrorCode[];
}

/** The path parameters of a path: `ParamsOf<'/orgs/:org/invitations/:id'>` is `'org' | 'id'`. */
export type ParamsOf<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamsOf<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** What a successful call answers: the answer schema's output, or the CSV text. */
export type AnswerOf<E extends Endpoint> = E['answer'] extends z.core.$ZodType ? z.output<E['answer']> : string;

// Invitations ------------------------------------------------------------------------------------------------

export const listInvitations = {
  method: 'GET',
  path: '/orgs/:org/invitations',
  auth: 'admin',
  query: s.ListInvitationsQuery,
  answer: s.InvitationPage,
  errors: [],
} as const satisfies Endpoint;

export const createInvitations = {
  method: 'POST',
  path: '/orgs/:org/invitations',
  auth: 'admin',
  body: s.CreateInvitationsBody,
  idempotencyKey: true,
  answer: s.CreateInvitationsResult,
  errors: ['too_many_emails', 'idempotency_key_reused'],
} as const satisfies Endpoint;

export const exportInvitations = {
  method: 'GET',
  path: '/orgs/:org/invitations/export.csv',
  auth: 'admin',
  query: s.ExportInvitationsQuery,
  answer: 'text/csv',
  errors: [],
} as const satisfies Endpoint;

export const revokeStaleInvitations = {
  method: 'POST',
  path: '/orgs/:org/invitations/revoke-stale',
  auth: 'admin',
  answer: s.RevokeStaleResult,
  errors: [],
} as const satisfies Endpoint;

export const getInvitation = {
  method: 'GET',
  path: '/orgs/:org/invitations/:id',
  auth: 'admin',
  answer: s.Invitation,
  errors: [],
} as const satisfies Endpoint;

export const getInvitationLink = {
  method: 'GET',
  path: '/orgs/:org/invitations/:id/link',
  auth: 'admin',
  answer: s.InvitationLink,
  errors: ['not_pending'],
} as const satisfies Endpoint;

export const resendInvitation = {
  method: 'POST',
  path: '/orgs/:org/invitations/:id/resend',
  auth: 'admin',
  answer: s.Invitation,
  errors: ['not_pending', 'resend_limit_reached'],
} as const satisfies Endpoint;

export const renewInvitation = {
  method: 'POST',
  path: '/orgs/:org/invitations/:id/renew',
  auth: 'admin',
  answer: s.Invitation,
  errors: ['not_expired', 'not_renewable'],
} as const satisfies Endpoint;

export const revokeInvitation = {
  method: 'POST',
  path: '/orgs/:org/invitations/:id/revoke',
  auth: 'admin',
  answer: s.Invitation,
  errors: ['not_revocable'],
} as const satisfies Endpoint;

export const updateInvitation = {
  method: 'PATCH',
  path: '/orgs/:org/invitations/:id',
  auth: 'admin',
  body: s.UpdateInvitationBody,
  answer: s.Invitation,
  errors: ['not_pending'],
} as const satisfies Endpoint;

// Invitation requests ----------------------------------------------------------------------------------------

export const listInvitationRequests = {
  method: 'GET',
  path: '/orgs/:org/invitation-requests',
  auth: 'admin',
  query: s.ListRequestsQuery,
  answer: s.InvitationRequestPage,
  errors: [],
} as const satisfies Endpoint;

export const submitInvitationRequest = {
  method: 'POST',
  path: '/orgs/:org/invitation-requests',
  auth: 'public',
  body: s.SubmitRequestBody,
  answer: s.SubmitRequestResult,
  status: 202,
  errors: ['not_found', 'invalid_email', 'requests_disabled', 'rate_limited'],
} as const satisfies Endpoint;

export const dismissStaleInvitationRequests = {
  method: 'POST',
  path: '/orgs/:org/invitation-requests/dismiss-stale',
  auth: 'admin',
  answer: s.DismissStaleResult,
  errors: [],
} as const satisfies Endpoint;

export const approveInvitationRequest = {
  method: 'POST',
  path: '/orgs/:org/invitation-requests/:id/approve',
  auth: 'admin',
  body: s.ApproveRequestBody,
  bodyOptional: true,
  answer: s.ApproveRequestResult,
  errors: ['not_pending', 'already_member', 'domain_not_allowed'],
} as const satisfies Endpoint;

export const dismissInvitationRequest = {
  method: 'POST',
  path: '/orgs/:org/invitation-requests/:id/dismiss',
  auth: 'admin',
  answer: s.InvitationRequest,
  errors: ['not_pending'],
} as const satisfies Endpoint;

// Members, settings, access ----------------------------------------------------------------------------------

export const listMembers = {
  method: 'GET',
  path: '/orgs/:org/members',
  auth: 'admin',
  query: s.ListMembersQuery,
  answer: s.MemberPage,
  errors: [],
} as const satisfies Endpoint;

export const getSettings = {
  method: 'GET',
  path: '/orgs/:org/settings',
  auth: 'admin',
  answer: s.Settings,
  errors: [],
} as const satisfies Endpoint;

export const updateSettings = {
  method: 'PATCH',
  path: '/orgs/:org/settings',
  auth: 'admin',
  body: s.SettingsPatch,
  answer: s.Settings,
  errors: [],
} as const satisfies Endpoint;

export const getAccess = {
  method: 'GET',
  path: '/orgs/:org/access',
  auth: 'public',
  answer: s.Access,
  errors: ['not_found'],
} as const satisfies Endpoint;

// Invites (by the code of the link) --------------------------------------------------------------------------

export const lookupInvite = {
  method: 'GET',
  path: '/invites/:code',
  auth: 'public',
  answer: s.InviteLookup,
  errors: ['invalid_code'],
} as const satisfies Endpoint;

export const acceptInvite = {
  method: 'POST',
  path: '/invites/:code/accept',
  auth: 'optional',
  body: s.AcceptInviteBody,
  bodyOptional: true,
  answer: s.AcceptInviteResult,
  errors: ['invalid_code', 'expired', 'revoked', 'already_used', 'email_mismatch'],
} as const satisfies Endpoint;

export const declineInvite = {
  method: 'POST',
  path: '/invites/:code/decline',
  auth: 'public',
  answer: s.DeclineInviteResult,
  errors: ['invalid_code', 'expired', 'revoked', 'already_used'],
} as const satisfies Endpoint;

/** The whole table, by operation id (the OpenAPI `operationId`). */
export const endpoints = {
  listInvitations,
  createInvitations,
  exportInvitations,
  revokeStaleInvitations,
  getInvitation,
  getInvitationLink,
  resendInvitation,
  renewInvitation,
  revokeInvitation,
  updateInvitation,
  listInvitationRequests,
  submitInvitationRequest,
  dismissStaleInvitationRequests,
  approveInvitationRequest,
  dismissInvitationRequest,
  listMembers,
  getSettings,
  updateSettings,
  getAccess,
  lookupInvite,
  acceptInvite,
  declineInvite,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
