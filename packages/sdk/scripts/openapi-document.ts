/**
 * The OpenAPI 3.1 document of api.md, generated from the zod schemas the SDK validates with and the mock server
 * enforces, so the published contract cannot drift from either. `openapi.ts` writes it; a test regenerates it in
 * memory and fails when the committed `openapi.json` is stale.
 *
 * Direction decides the JSON Schema: request bodies and parameters are what the server parses (`io: 'input'`),
 * answers are what it produces (`io: 'output'`).
 */
import * as z from 'zod/mini';
import { IDEMPOTENCY_WINDOW_MS, MAX_RESENDS } from '@invitekit/engine';
import { SEARCH_TOTAL_CAP } from '../src/limits.js';
import * as s from '../src/schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Schema = z.core.$ZodType;

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

/** Named answers (output) and request bodies (input), emitted as components and referenced by `$ref`. */
const OUTPUTS: Record<string, Schema> = {
  InvitationStatus: s.InvitationStatus,
  RequestStatus: s.RequestStatus,
  InvitationSource: s.InvitationSource,
  JoinedVia: s.JoinedVia,
  SkipReason: s.SkipReason,
  ErrorCode: s.ErrorCode,
  Person: s.Person,
  Organization: s.Organization,
  Invitation: s.Invitation,
  InvitationRequest: s.InvitationRequest,
  Member: s.Member,
  Settings: s.Settings,
  InvitationPage: s.InvitationPage,
  InvitationRequestPage: s.InvitationRequestPage,
  MemberPage: s.MemberPage,
  SkippedAddress: s.SkippedAddress,
  CreateInvitationsResult: s.CreateInvitationsResult,
  InvitationLink: s.InvitationLink,
  RevokeStaleResult: s.RevokeStaleResult,
  ApproveRequestResult: s.ApproveRequestResult,
  DismissStaleResult: s.DismissStaleResult,
  Access: s.Access,
  SubmitRequestResult: s.SubmitRequestResult,
  InviteLookup: s.InviteLookup,
  AcceptInviteResult: s.AcceptInviteResult,
  DeclineInviteResult: s.DeclineInviteResult,
  FieldError: s.FieldError,
  Problem: s.Problem,
};
const INPUTS: Record<string, Schema> = {
  CreateInvitationsBody: s.CreateInvitationsBody,
  SettingsPatch: s.SettingsPatch,
  SubmitRequestBody: s.SubmitRequestBody,
  AcceptInviteBody: s.AcceptInviteBody,
};

function components(schemas: Record<string, Schema>, io: 'input' | 'output'): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(out).map(([id, schema]) => {
      // The dialect and the id are the document's business, not each component's.
      const rest: Record<string, unknown> = { ...schema };
      delete rest['$schema'];
      delete rest['$id'];
      return [id, rest as JsonObject];
    }),
  );
}

function inline(schema: Schema): JsonObject {
  const rest: Record<string, unknown> = { ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) };
  delete rest['$schema'];
  return rest as JsonObject;
}

// ---------------------------------------------------------------------------------------------------------
// Parameters

const pathParam = (name: string, description: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', minLength: 1 },
});
const ORG = pathParam('org', 'The organization slug.');
const ID = pathParam('id', 'The invitation or request id.');
const CODE = pathParam('code', 'The secret invitation code from the link.');
const IDEMPOTENCY_KEY: JsonObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: `Repeating a request with the same key within ${IDEMPOTENCY_WINDOW_MS / 3_600_000} hours returns the first answer and sends nothing again.`,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
};

/** Query parameters from a query schema; arrays travel as one comma list (`style: form, explode: false`). */
function queryParams(query: z.core.$ZodObject, without: string[] = []): JsonObject[] {
  const json = inline(query) as { properties: Record<string, JsonObject> };
  return Object.entries(json.properties)
    .filter(([name]) => !without.includes(name))
    .map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      ...(schema['type'] === 'array' ? { style: 'form', explode: false } : {}),
      schema,
    }));
}

// ---------------------------------------------------------------------------------------------------------
// Answers

const json = (schema: JsonObject) => ({ 'application/json': { schema } });

/** One problem+json answer per status, its `code` narrowed to the codes this operation can give. */
function problems(codes: s.WireErrorCode[]): JsonObject {
  const byStatus = new Map<number, s.WireErrorCode[]>();
  for (const code of [...codes, 'unavailable' as const]) {
    const status = s.ERROR_STATUS[code];
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  const out: JsonObject = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = {
      description: list.map((code) => `\`${code}\``).join(', '),
      ...(status === 429
        ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } } }
        : {}),
      content: {
        'application/problem+json': {
          schema: { allOf: [ref('Problem'), { type: 'object', properties: { code: { enum: list } } }] },
        },
      },
    };
  }
  return out;
}

const ADMIN: s.WireErrorCode[] = ['unauthenticated', 'forbidden', 'not_found'];
const QUERY: s.WireErrorCode[] = [...ADMIN, 'invalid_request'];
const BODY: s.WireErrorCode[] = [...ADMIN, 'invalid_request', 'payload_too_large', 'unsupported_media_type'];
const INVITE_STATE: s.WireErrorCode[] = ['invalid_code', 'expired', 'revoked', 'already_used'];

interface Op {
  summary: string;
  operationId: string;
  params?: JsonObject[];
  body?: string;
  /** The body may be left out altogether (accept: `{ name? }`). */
  bodyOptional?: true;
  ok: { status?: number; schema?: string; csv?: true };
  errors: s.WireErrorCode[];
  auth: 'admin' | 'public' | 'optional';
}

function operation(op: Op): JsonObject {
  const security: Json =
    op.auth === 'admin'
      ? [{ bearerAuth: [] }, { cookieAuth: [] }]
      : op.auth === 'optional'
        ? [{}, { bearerAuth: [] }, { cookieAuth: [] }]
        : [];
  return {
    operationId: op.operationId,
    summary: op.summary,
    security,
    ...(op.params?.length ? { parameters: op.params } : {}),
    ...(op.body ? { requestBody: { required: !op.bodyOptional, content: json(ref(op.body)) } } : {}),
    responses: {
      [String(op.ok.status ?? 200)]: op.ok.csv
        ? { description: 'CSV of every matching invitation.', content: { 'text/csv': { schema: { type: 'string' } } } }
        : { description: 'OK', content: json(ref(op.ok.schema ?? 'Problem')) },
      ...problems(op.errors),
    },
  };
}

/** The whole document, as a plain JSON value (keys in insertion order; `render` sorts them). */
export function buildOpenApiDocument(): JsonObject {
  const org = '/orgs/{org}';
  const paths: Record<string, Record<string, Op>> = {
    [`${org}/invitations`]: {
      get: {
        operationId: 'listInvitations',
        summary: `List invitations (a page; a search counts its total up to ${String(SEARCH_TOTAL_CAP)}, then totalCapped)`,
        params: [ORG, ...queryParams(s.ListInvitationsQuery)],
        ok: { schema: 'InvitationPage' },
        errors: QUERY,
        auth: 'admin',
      },
      post: {
        operationId: 'createInvitations',
        summary: 'Invite 1 to 100 addresses',
        params: [ORG, IDEMPOTENCY_KEY],
        body: 'CreateInvitationsBody',
        ok: { schema: 'CreateInvitationsResult' },
        errors: [...BODY, 'too_many_emails', 'idempotency_key_reused'],
        auth: 'admin',
      },
    },
    [`${org}/invitations/export.csv`]: {
      get: {
        operationId: 'exportInvitations',
        summary: 'Export matching invitations as CSV',
        params: [ORG, ...queryParams(s.ExportInvitationsQuery)],
        ok: { csv: true },
        errors: QUERY,
        auth: 'admin',
      },
    },
    [`${org}/invitations/revoke-stale`]: {
      post: {
        operationId: 'revokeStaleInvitations',
        summary: 'Revoke every stale pending invitation',
        params: [ORG],
        ok: { schema: 'RevokeStaleResult' },
        errors: ADMIN,
        auth: 'admin',
      },
    },
    [`${org}/invitations/{id}`]: {
      get: {
        operationId: 'getInvitation',
        summary: 'One invitation',
        params: [ORG, ID],
        ok: { schema: 'Invitation' },
        errors: ADMIN,
        auth: 'admin',
      },
    },
    [`${org}/invitations/{id}/link`]: {
      get: {
        operationId: 'getInvitationLink',
        summary: 'The link and code of a pending invitation',
        params: [ORG, ID],
        ok: { schema: 'InvitationLink' },
        errors: [...ADMIN, 'not_pending'],
        auth: 'admin',
      },
    },
    [`${org}/invitations/{id}/resend`]: {
      post: {
        operationId: 'resendInvitation',
        summary: `Send the same link again (at most ${MAX_RESENDS} times)`,
        params: [ORG, ID],
        ok: { schema: 'Invitation' },
        errors: [...ADMIN, 'not_pending', 'resend_limit_reached'],
        auth: 'admin',
      },
    },
    [`${org}/invitations/{id}/renew`]: {
      post: {
        operationId: 'renewInvitation',
        summary: 'Send a new invitation for an expired one (fresh code)',
        params: [ORG, ID],
        ok: { schema: 'Invitation' },
        errors: [...ADMIN, 'not_expired', 'not_renewable'],
        auth: 'admin',
      },
    },
    [`${org}/invitations/{id}/revoke`]: {
      post: {
        operationId: 'revokeInvitation',
        summary: 'Revoke a pending or expired invitation',
        params: [ORG, ID],
        ok: { schema: 'Invitation' },
        errors: [...ADMIN, 'not_revocable'],
        auth: 'admin',
      },
    },
    [`${org}/invitation-requests`]: {
      get: {
        operationId: 'listInvitationRequests',
        summary: 'List invitation requests (newest first)',
        params: [ORG, ...queryParams(s.ListRequestsQuery)],
        ok: { schema: 'InvitationRequestPage' },
        errors: QUERY,
        auth: 'admin',
      },
      post: {
        operationId: 'submitInvitationRequest',
        summary: 'Ask for an invitation (public, login page)',
        params: [ORG],
        body: 'SubmitRequestBody',
        ok: { status: 202, schema: 'SubmitRequestResult' },
        errors: [
          'not_found',
          'invalid_request',
          'invalid_email',
          'requests_disabled',
          'rate_limited',
          'payload_too_large',
          'unsupported_media_type',
        ],
        auth: 'public',
      },
    },
    [`${org}/invitation-requests/dismiss-stale`]: {
      post: {
        operationId: 'dismissStaleInvitationRequests',
        summary: 'Dismiss every stale pending request',
        params: [ORG],
        ok: { schema: 'DismissStaleResult' },
        errors: ADMIN,
        auth: 'admin',
      },
    },
    [`${org}/invitation-requests/{id}/approve`]: {
      post: {
        operationId: 'approveInvitationRequest',
        summary: 'Approve a request: an invitation is sent',
        params: [ORG, ID],
        ok: { schema: 'ApproveRequestResult' },
        errors: [...ADMIN, 'not_pending', 'already_member', 'domain_not_allowed'],
        auth: 'admin',
      },
    },
    [`${org}/invitation-requests/{id}/dismiss`]: {
      post: {
        operationId: 'dismissInvitationRequest',
        summary: 'Dismiss a request',
        params: [ORG, ID],
        ok: { schema: 'InvitationRequest' },
        errors: [...ADMIN, 'not_pending'],
        auth: 'admin',
      },
    },
    [`${org}/members`]: {
      get: {
        operationId: 'listMembers',
        summary: 'List members (by email)',
        params: [ORG, ...queryParams(s.ListMembersQuery)],
        ok: { schema: 'MemberPage' },
        errors: QUERY,
        auth: 'admin',
      },
    },
    [`${org}/settings`]: {
      get: {
        operationId: 'getSettings',
        summary: 'The invitation settings',
        params: [ORG],
        ok: { schema: 'Settings' },
        errors: ADMIN,
        auth: 'admin',
      },
      patch: {
        operationId: 'updateSettings',
        summary: 'Change invitation settings',
        params: [ORG],
        body: 'SettingsPatch',
        ok: { schema: 'Settings' },
        errors: BODY,
        auth: 'admin',
      },
    },
    [`${org}/access`]: {
      get: {
        operationId: 'getAccess',
        summary: 'The organization and whether it takes requests (public)',
        params: [ORG],
        ok: { schema: 'Access' },
        errors: ['not_found'],
        auth: 'public',
      },
    },
    '/invites/{code}': {
      get: {
        operationId: 'lookupInvite',
        summary: 'What a code is for (public; never uses it up)',
        params: [CODE],
        ok: { schema: 'InviteLookup' },
        errors: ['invalid_code'],
        auth: 'public',
      },
    },
    '/invites/{code}/accept': {
      post: {
        operationId: 'acceptInvite',
        summary: 'Accept an invitation',
        params: [CODE],
        body: 'AcceptInviteBody',
        bodyOptional: true,
        ok: { schema: 'AcceptInviteResult' },
        errors: [...INVITE_STATE, 'email_mismatch', 'invalid_request', 'payload_too_large', 'unsupported_media_type'],
        auth: 'optional',
      },
    },
    '/invites/{code}/decline': {
      post: {
        operationId: 'declineInvite',
        summary: 'Decline an invitation',
        params: [CODE],
        ok: { schema: 'DeclineInviteResult' },
        errors: INVITE_STATE,
        auth: 'public',
      },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'invitekit',
      version: '0.1.0',
      description: [
        'Invitation management for B2B products. Generated from the zod schemas of @invitekit/sdk; do not edit.',
        'Bodies are `application/json` (charset utf-8 allowed), else 415 `unsupported_media_type`. A known path',
        'with another method answers 405 `method_not_allowed` with `Allow`; HEAD answers every GET path. Every',
        'error is `application/problem+json`; 401 answers carry `WWW-Authenticate: Bearer`.',
      ].join(' '),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api' }],
    paths: Object.fromEntries(
      Object.entries(paths).map(([path, ops]) => [
        path,
        Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operation(op)])),
      ]),
    ),
    components: {
      schemas: { ...components(OUTPUTS, 'output'), ...components(INPUTS, 'input') },
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An admin token (permission member:manage).' },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: s.SESSION_COOKIE,
          description: 'The session cookie, holding what a bearer token would (the mock reads this exact name).',
        },
      },
    },
  };
}

/** Keys sorted at every level, two-space indent, trailing newline: byte-stable across runs and machines. */
export function renderOpenApi(document: Json = buildOpenApiDocument()): string {
  const sort = (value: Json): Json =>
    Array.isArray(value)
      ? value.map(sort)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, sort(value[key] ?? null)]),
          )
        : value;
  return JSON.stringify(sort(document), null, 2) + '\n';
}

export const OPENAPI_PATH = new URL('../openapi.json', import.meta.url);
