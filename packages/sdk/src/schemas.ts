/**
 * The HTTP contract of api.md as zod/mini schemas, named by the endpoint table (endpoints.ts): the SDK validates
 * every answer with them, the engine every request, and `npm run openapi` turns them into the OpenAPI document.
 *
 * Every top-level construction is marked pure: a page that uses a few schemas (the login page's form) must not
 * ship the others, and bundlers keep module-level calls unless told they have no side effects.
 */
import * as z from 'zod/mini';
import { MAX_PAGE_LIMIT, MAX_TTL_DAYS, MIN_TTL_DAYS } from './limits.js';

const isoTime = /*#__PURE__*/ z.iso.datetime();
const id = /*#__PURE__*/ z.string().check(z.minLength(1));

// ---------------------------------------------------------------------------------------------------------
// Enumerations

export const InvitationStatus = /*#__PURE__*/ z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const RequestStatus = /*#__PURE__*/ z.enum(['pending', 'approved', 'dismissed']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const InvitationSource = /*#__PURE__*/ z.enum(['manual', 'bulk', 'request']);
export type InvitationSource = z.infer<typeof InvitationSource>;

export const JoinedVia = /*#__PURE__*/ z.enum(['invitation', 'sso', 'scim', 'seed']);
export type JoinedVia = z.infer<typeof JoinedVia>;

/** Why an address of an invite request was not sent, in the order the rules check them. */
export const SkipReason = /*#__PURE__*/ z.enum([
  'invalid_email',
  'duplicate',
  'already_member',
  'already_invited',
  'domain_not_allowed',
]);
export type SkipReason = z.infer<typeof SkipReason>;

/** Every stable error `code` of api.md. `csv_too_many_rows` is raised by the SDK only, never on the wire. */
export const ErrorCode = /*#__PURE__*/ z.enum([
  'unauthenticated',
  'forbidden',
  'not_found',
  'invalid_request',
  'too_many_emails',
  'invalid_email',
  'not_pending',
  'resend_limit_reached',
  'not_expired',
  'not_renewable',
  'not_revocable',
  'already_member',
  'domain_not_allowed',
  'invalid_code',
  'expired',
  'revoked',
  'already_used',
  'email_mismatch',
  'requests_disabled',
  'idempotency_key_reused',
  'rate_limited',
  'payload_too_large',
  'unavailable',
  'method_not_allowed',
  'unsupported_media_type',
  'csv_too_many_rows',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The cookie a server reads credentials from when no `Authorization` header is sent (api.md, Requests). */
export const SESSION_COOKIE = 'invitekit_session';

/** The HTTP status of every wire error code (api.md, Errors). */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_request: 400,
  too_many_emails: 400,
  invalid_email: 400,
  not_pending: 409,
  resend_limit_reached: 409,
  not_expired: 409,
  not_renewable: 409,
  not_revocable: 409,
  already_member: 409,
  domain_not_allowed: 409,
  invalid_code: 404,
  expired: 410,
  revoked: 410,
  already_used: 409,
  email_mismatch: 403,
  requests_disabled: 403,
  idempotency_key_reused: 422,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
  method_not_allowed: 405,
  unsupported_media_type: 415,
} as const satisfies Record<Exclude<ErrorCode, 'csv_too_many_rows'>, number>;
export type WireErrorCode = keyof typeof ERROR_STATUS;

// ---------------------------------------------------------------------------------------------------------
// Objects

export const Person = /*#__PURE__*/ z.object({ id, name: z.string(), email: z.string() });
export type Person = z.infer<typeof Person>;

export const Invitation = /*#__PURE__*/ z.object({
  id,
  email: z.string(),
  status: InvitationStatus,
  /** `null`: the invitee joins with the organization's default role. */
  role: z.nullable(z.string()),
  invitedAt: isoTime,
  expiresAt: isoTime,
  invitedBy: z.nullable(Person),
  source: InvitationSource,
  resendCount: z.int().check(z.minimum(0)),
  resendsRemaining: z.int().check(z.minimum(0)),
  lastSentAt: isoTime,
  acceptedAt: z.nullable(isoTime),
  declinedAt: z.nullable(isoTime),
  revokedAt: z.nullable(isoTime),
  stale: z.boolean(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationRequest = /*#__PURE__*/ z.object({
  id,
  email: z.string(),
  name: z.nullable(z.string()),
  message: z.nullable(z.string()),
  status: RequestStatus,
  requestedAt: isoTime,
  stale: z.boolean(),
});
export type InvitationRequest = z.infer<typeof InvitationRequest>;

export const Member = /*#__PURE__*/ z.object({
  id,
  email: z.string(),
  name: z.nullable(z.string()),
  role: z.string(),
  joinedAt: isoTime,
  joinedVia: JoinedVia,
});
export type Member = z.infer<typeof Member>;

export const Organization = /*#__PURE__*/ z.object({ slug: z.string(), name: z.string() });
export type Organization = z.infer<typeof Organization>;

const ttlDays = /*#__PURE__*/ z.int().check(z.minimum(MIN_TTL_DAYS), z.maximum(MAX_TTL_DAYS));

export const Settings = /*#__PURE__*/ z.object({
  invitationRequestsEnabled: z.boolean(),
  invitationTtlDays: ttlDays,
  allowedDomains: z.array(z.string()),
  maxResends: z.int(),
  maxEmailsPerInvite: z.int(),
  maxCsvRows: z.int(),
});
export type Settings = z.infer<typeof Settings>;

/** A domain as `allowedDomains` takes it: labels of letters, digits and hyphens, at least one dot. */
const domain = /*#__PURE__*/ z
  .string()
  .check(
    z.maxLength(253),
    z.regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i, 'Not a domain name such as example.com'),
  );

/** Only the changeable settings; a read-only or unknown field is refused (`invalid_request`). */
export const SettingsPatch = /*#__PURE__*/ z.strictObject({
  invitationRequestsEnabled: z.optional(z.boolean()),
  invitationTtlDays: z.optional(ttlDays),
  allowedDomains: z.optional(z.array(domain).check(z.maxLength(100))),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  /** A search that matches more than SEARCH_TOTAL_CAP: `total` is the cap, read "1,000+". */
  totalCapped: boolean;
}

/** A page of `item`s; `nextCursor` is opaque and `null` on the last page. */
export function pageOf<T extends z.core.$ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.int().check(z.minimum(0)),
    totalCapped: z.boolean(),
  });
}
export const InvitationPage = /*#__PURE__*/ pageOf(Invitation);
export const InvitationRequestPage = /*#__PURE__*/ pageOf(InvitationRequest);
export const MemberPage = /*#__PURE__*/ pageOf(Member);

// ---------------------------------------------------------------------------------------------------------
// Admin requests and answers

const limit = /*#__PURE__*/ z.int().check(z.minimum(1), z.maximum(MAX_PAGE_LIMIT));
/** A search string: at most the length of an email address. */
const search = /*#__PURE__*/ z.string().check(z.maxLength(254));

export const InvitationSort = /*#__PURE__*/ z.enum(['email', 'status', 'invitedAt', 'expiresAt']);
export type InvitationSort = z.infer<typeof InvitationSort>;
export const SortOrder = /*#__PURE__*/ z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

// The list's filter and order; the export takes the same without paging. A shared shape rather than `z.extend`,
// which would pull zod's schema-cloning code into every browser bundle.
const invitationFilter = {
  status: /*#__PURE__*/ z.optional(z.array(InvitationStatus).check(z.minLength(1))),
  q: /*#__PURE__*/ z.optional(search),
  sort: /*#__PURE__*/ z.optional(InvitationSort),
  order: /*#__PURE__*/ z.optional(SortOrder),
};

export const ExportInvitationsQuery = /*#__PURE__*/ z.strictObject(invitationFilter);
export type ExportInvitationsQuery = z.infer<typeof ExportInvitationsQuery>;

/** The list's query, parsed (on the wire `status` is a comma list and `limit` a decimal string). */
export const ListInvitationsQuery = /*#__PURE__*/ z.strictObject({
  ...invitationFilter,
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
});
export type ListInvitationsQuery = z.infer<typeof ListInvitationsQuery>;

export const ListRequestsQuery = /*#__PURE__*/ z.strictObject({
  status: z.optional(z.array(RequestStatus).check(z.minLength(1))),
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
});
export type ListRequestsQuery = z.infer<typeof ListRequestsQuery>;

export const ListMembersQuery = /*#__PURE__*/ z.strictObject({
  q: z.optional(search),
  limit: z.optional(limit),
  cursor: z.optional(z.string()),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

/**
 * An invite. The count of `emails` (1 to 100) is checked by the rules, not here, so that the answer can be
 * the specific `invalid_request` (none) or `too_many_emails` (over 100) of rules.md.
 */
export const CreateInvitationsBody = /*#__PURE__*/ z.strictObject({
  emails: z.array(z.string()),
  role: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  source: z.optional(z.enum(['manual', 'bulk'])),
  dryRun: z.optional(z.boolean()),
});
export type CreateInvitationsBody = z.infer<typeof CreateInvitationsBody>;

export const SkippedAddress = /*#__PURE__*/ z.object({
  email: z.string(),
  reason: SkipReason,
  /** Set for `already_invited`: the pending invitation to resend or revoke instead. */
  invitationId: z.optional(z.string()),
});
export type SkippedAddress = z.infer<typeof SkippedAddress>;

export const CreateInvitationsResult = /*#__PURE__*/ z.object({
  sent: z.array(Invitation),
  skipped: z.array(SkippedAddress),
});
export type CreateInvitationsResult = z.infer<typeof CreateInvitationsResult>;

export const InvitationLink = /*#__PURE__*/ z.object({ code: z.string(), url: z.string() });
export type InvitationLink = z.infer<typeof InvitationLink>;

export const RevokeStaleResult = /*#__PURE__*/ z.object({ revoked: z.int().check(z.minimum(0)) });
export type RevokeStaleResult = z.infer<typeof RevokeStaleResult>;

/** A role as the body of a call names it: one of the organization's roles. */
const roleName = /*#__PURE__*/ z.string().check(z.minLength(1), z.maxLength(64));

/** The change of a pending invitation: its role, or `null` for the organization's default role. */
export const UpdateInvitationBody = /*#__PURE__*/ z.strictObject({ role: z.nullable(roleName) });
export type UpdateInvitationBody = z.infer<typeof UpdateInvitationBody>;

/** Approving a request may name the role of the invitation it makes (else the default role). */
export const ApproveRequestBody = /*#__PURE__*/ z.strictObject({ role: z.optional(roleName) });
export type ApproveRequestBody = z.infer<typeof ApproveRequestBody>;

export const ApproveRequestResult = /*#__PURE__*/ z.object({ request: InvitationRequest, invitation: Invitation });
export type ApproveRequestResult = z.infer<typeof ApproveRequestResult>;

export const DismissStaleResult = /*#__PURE__*/ z.object({ dismissed: z.int().check(z.minimum(0)) });
export type DismissStaleResult = z.infer<typeof DismissStaleResult>;

// ---------------------------------------------------------------------------------------------------------
// Public requests and answers

export const Access = /*#__PURE__*/ z.object({ organization: Organization, invitationRequestsEnabled: z.boolean() });
export type Access = z.infer<typeof Access>;

/** `email` is a plain string here: a malformed address is the specific `invalid_email`, not `invalid_request`. */
export const SubmitRequestBody = /*#__PURE__*/ z.strictObject({
  // Trimmed before the length check: rules.md trims addresses, so a usable one typed with spaces around it fits.
  email: z.string().check(z.trim(), z.maxLength(254)),
  name: z.optional(z.string().check(z.maxLength(200))),
  message: z.optional(z.string().check(z.maxLength(2000))),
});
export type SubmitRequestBody = z.infer<typeof SubmitRequestBody>;

export const SubmitRequestResult = /*#__PURE__*/ z.object({ status: z.literal('received') });
export type SubmitRequestResult = z.infer<typeof SubmitRequestResult>;

export const InviteLookup = /*#__PURE__*/ z.object({
  organization: Organization,
  /** Masked: `j***@example.com`. */
  email: z.string(),
  invitedBy: z.nullable(z.object({ name: z.string() })),
  role: z.nullable(z.string()),
  expiresAt: isoTime,
  status: InvitationStatus,
});
export type InviteLookup = z.infer<typeof InviteLookup>;

export const AcceptInviteBody = /*#__PURE__*/ z.strictObject({
  name: z.optional(z.string().check(z.maxLength(200))),
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

export const AcceptInviteResult = /*#__PURE__*/ z.object({ organization: Organization, member: Member });
export type AcceptInviteResult = z.infer<typeof AcceptInviteResult>;

export const DeclineInviteResult = /*#__PURE__*/ z.object({ status: z.literal('declined') });
export type DeclineInviteResult = z.infer<typeof DeclineInviteResult>;

// ---------------------------------------------------------------------------------------------------------
// Errors (RFC 9457 problem details)

export const FieldError = /*#__PURE__*/ z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

export const Problem = /*#__PURE__*/ z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  code: ErrorCode,
  detail: z.string(),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;
