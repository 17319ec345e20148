/**
 * The OpenAPI 3.1 document of api.md, generated from the endpoint table (src/endpoints.ts) and the zod schemas the
 * SDK validates with and the engine enforces, so the published contract cannot drift from either. `openapi.ts` writes it; a test regenerates it in
 * memory and fails when the committed `openapi.json` is stale.
 *
 * Direction decides the JSON Schema: request bodies and parameters are what the server parses (`io: 'input'`),
 * answers are what it produces (`io: 'output'`).
 */
import * as z from 'zod/mini';
import { type Endpoint, type EndpointName, endpoints } from '../src/endpoints.js';
import { IDEMPOTENCY_WINDOW_MS, MAX_EMAILS_PER_INVITE, MAX_RESENDS, SEARCH_TOTAL_CAP } from '../src/limits.js';
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
  UpdateInvitationBody: s.UpdateInvitationBody,
  ApproveRequestBody: s.ApproveRequestBody,
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
const PATH_PARAMS: Record<string, JsonObject> = {
  org: pathParam('org', 'The organization slug.'),
  id: pathParam('id', 'The invitation or request id.'),
  code: pathParam('code', 'The secret invitation code from the link.'),
};
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
/** The problem answer of `status` listing `codes`. */
function problemAnswer(status: number, codes: s.WireErrorCode[], description: string): JsonObject {
  return {
    description,
    ...(status === 429
      ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } } }
      : {}),
    content: {
      'application/problem+json': {
        schema: { allOf: [ref('Problem'), { type: 'object', properties: { code: { enum: codes } } }] },
      },
    },
  };
}

/**
 * What the Node adapter answers before any route, so on any operation (server.md, Operating it): 408 for a request
 * or body that did not arrive in time, 429 to a client address holding too many connections at once, 431 for
 * header fields past Node's limit. Shared components, referenced from every operation.
 */
export const TRANSPORT = {
  RequestTimeout: [408, 'invalid_request', 'The request or its body did not arrive in time (`invalid_request`).'],
  TooManyConnections: [429, 'rate_limited', 'Too many connections from this client address at once (`rate_limited`).'],
  HeaderFieldsTooLarge: [
    431,
    'invalid_request',
    'The request line and header fields are too large (`invalid_request`).',
  ],
} as const satisfies Record<string, readonly [number, s.WireErrorCode, string]>;

function transportResponses(): JsonObject {
  return Object.fromEntries(
    Object.entries(TRANSPORT).map(([name, [status, code, description]]) => [
      name,
      problemAnswer(status, [code], description),
    ]),
  );
}

function problems(codes: s.WireErrorCode[]): JsonObject {
  const byStatus = new Map<number, s.WireErrorCode[]>();
  for (const code of [...codes, 'unavailable' as const]) {
    const status = s.ERROR_STATUS[code];
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])]);
  }
  const out: JsonObject = {};
  // The adapter's answers, where the operation's own rules give none with that status (a rate-limited operation
  // lists `rate_limited` under 429 already).
  for (const [name, [status]] of Object.entries(TRANSPORT)) {
    if (!byStatus.has(status)) out[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[String(status)] = problemAnswer(status, list, list.map((code) => `\`${code}\``).join(', '));
  }
  return out;
}

/** A line for each operation; a new endpoint in the table fails the type check until it has one. */
const SUMMARIES: Record<EndpointName, string> = {
  listInvitations: `List invitations (a page; a search counts its total up to ${String(SEARCH_TOTAL_CAP)}, then says totalCapped)`,
  createInvitations: `Invite 1 to ${MAX_EMAILS_PER_INVITE} addresses`,
  exportInvitations: 'Export matching invitations as CSV',
  revokeStaleInvitations: 'Revoke every stale pending invitation',
  getInvitation: 'One invitation',
  getInvitationLink: 'The link and code of a pending invitation',
  resendInvitation: `Send the same link again (at most ${MAX_RESENDS} times)`,
  renewInvitation: 'Send a new invitation for an expired one (fresh code)',
  revokeInvitation: 'Revoke a pending or expired invitation',
  updateInvitation: 'Change the role of a pending invitation (its link and expiry stay)',
  listInvitationRequests: 'List invitation requests (newest first)',
  submitInvitationRequest: 'Ask for an invitation (public, login page)',
  dismissStaleInvitationRequests: 'Dismiss every stale pending request',
  approveInvitationRequest: 'Approve a request: an invitation is sent',
  dismissInvitationRequest: 'Dismiss a request',
  listMembers: 'List members (by email)',
  getSettings: 'The invitation settings',
  updateSettings: 'Change invitation settings',
  getAccess: 'The organization and whether it takes requests (public)',
  lookupInvite: 'What a code is for (public; never uses it up)',
  acceptInvite: 'Accept an invitation',
  declineInvite: 'Decline an invitation',
};

/**
 * The codes an endpoint can give: those of its kind, then its rules' own. The HTTP layer answers some whatever
 * the rules (api.md, Requests): a path parameter with a NUL or malformed percent-encoding is `invalid_request`;
 * every write may be a cross-origin one (`forbidden`), carry a non-JSON `Content-Type` (`unsupported_media_type`,
 * even without a body), too large a body, or fields where none are taken (`invalid_request`).
 */
function errorsOf(endpoint: Endpoint): s.WireErrorCode[] {
  const codes: s.WireErrorCode[] = [];
  if (endpoint.auth === 'admin') codes.push('unauthenticated', 'forbidden', 'not_found');
  if (endpoint.query || endpoint.body || endpoint.path.includes(':')) codes.push('invalid_request');
  if (endpoint.method !== 'GET') {
    codes.push('invalid_request', 'forbidden', 'payload_too_large', 'unsupported_media_type');
  }
  return [...new Set([...codes, ...endpoint.errors])];
}

const SECURITY: Record<Endpoint['auth'], Json> = {
  admin: [{ bearerAuth: [] }, { cookieAuth: [] }],
  optional: [{}, { bearerAuth: [] }, { cookieAuth: [] }],
  public: [],
};

/** The name a schema has among the components, for `$ref`. */
function componentName(schema: Schema): string {
  const found = Object.entries({ ...OUTPUTS, ...INPUTS }).find(([, named]) => named === schema);
  if (!found)
    throw new Error('An endpoint uses a schema that is not among the components; name it in openapi-document.ts');
  return found[0];
}

function operation(operationId: EndpointName, endpoint: Endpoint): JsonObject {
  const params = [
    ...[...endpoint.path.matchAll(/:(\w+)/g)].map(([, name = '']) => {
      const param = PATH_PARAMS[name];
      if (!param) throw new Error(`No description of the path parameter :${name}`);
      return param;
    }),
    ...(endpoint.idempotencyKey ? [IDEMPOTENCY_KEY] : []),
    ...(endpoint.query ? queryParams(endpoint.query) : []),
  ];
  const ok =
    endpoint.answer === 'text/csv'
      ? { description: 'CSV of every matching invitation.', content: { 'text/csv': { schema: { type: 'string' } } } }
      : { description: 'OK', content: json(ref(componentName(endpoint.answer))) };
  return {
    operationId,
    summary: SUMMARIES[operationId],
    security: SECURITY[endpoint.auth],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(endpoint.body
      ? { requestBody: { required: !endpoint.bodyOptional, content: json(ref(componentName(endpoint.body))) } }
      : {}),
    responses: { [String(endpoint.status ?? 200)]: ok, ...problems(errorsOf(endpoint)) },
  };
}

/** The whole document, as a plain JSON value (keys in insertion order; `render` sorts them). */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [name, endpoint] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation(name, endpoint) };
  }

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
    paths,
    components: {
      schemas: { ...components(OUTPUTS, 'output'), ...components(INPUTS, 'input') },
      responses: transportResponses(),
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
