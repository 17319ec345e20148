/**
 * @invitekit/sdk: a typed, validated client for the invitekit API, plus the helpers the invite dialog needs.
 * Everything here is free of side effects and tree-shakes; the CSV parser loads only when a file is parsed.
 */
export { createClient, createPublicClient } from './client.js';
export type {
  AccessApi,
  CallOptions,
  ClientOptions,
  ApproveOptions,
  CreateOptions,
  InvitationsApi,
  InvitekitClient,
  InvitesApi,
  MembersApi,
  OrgCallOptions,
  PublicClient,
  RequestsApi,
  SettingsApi,
  TokenSource,
} from './client.js';
export {
  ApiError,
  CsvError,
  ERROR_BRAND,
  InvitekitError,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
  isAbortError,
  isApiError,
  isInvitekitError,
} from './errors.js';
export type { InvitekitErrorKind, ValidationIssue } from './errors.js';
export { DEFAULT_MAX_RETRY_AFTER, DEFAULT_RETRY_LIMIT, RETRY_STATUS_CODES } from './http.js';
export { newIdempotencyKey } from './idempotency.js';
export { paginate } from './paginate.js';
export { parseEmailList } from './parse-emails.js';
export type { ParsedEmailList } from './parse-emails.js';
export { parseCsvEmails } from './csv.js';
export type { ParsedCsv } from './csv.js';
export * from './schemas.js';
export {
  type AnswerOf,
  type Endpoint,
  type EndpointName,
  type Endpoints,
  type HttpMethod,
  type ParamsOf,
  endpoints,
} from './endpoints.js';
export * from './limits.js';
export { isUsableEmail, isUsableNormalized, normalizeEmail, maskEmail } from './email.js';
