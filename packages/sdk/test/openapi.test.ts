import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument, OPENAPI_PATH, renderOpenApi } from '../scripts/openapi-document.js';
import { ERROR_STATUS } from '../src/schemas.js';

interface Parameter {
  name: string;
  style?: string;
  explode?: boolean;
}
interface ProblemAnswer {
  content?: {
    'application/problem+json'?: { schema: { allOf: [unknown, { properties: { code: { enum: string[] } } }] } };
  };
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, ProblemAnswer>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { name?: string }> };
}
const documentOf = (text: string) => JSON.parse(text) as Document;

describe('openapi.json', () => {
  it('is up to date with the schemas (run `npm run openapi` when this fails)', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8');
    assert.equal(committed, renderOpenApi(), 'packages/sdk/openapi.json is stale: run `npm run openapi`');
  });

  it('renders byte-identically twice, keys sorted, with a trailing newline', () => {
    const text = renderOpenApi();
    assert.equal(text, renderOpenApi());
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(Object.keys(documentOf(text)), ['components', 'info', 'openapi', 'paths', 'servers']);
  });

  it('covers every path and method of api.md', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual(routes.sort(), [
      'GET /invites/{code}',
      'GET /orgs/{org}/access',
      'GET /orgs/{org}/invitation-requests',
      'GET /orgs/{org}/invitations',
      'GET /orgs/{org}/invitations/export.csv',
      'GET /orgs/{org}/invitations/{id}',
      'GET /orgs/{org}/invitations/{id}/link',
      'GET /orgs/{org}/members',
      'GET /orgs/{org}/settings',
      'PATCH /orgs/{org}/settings',
      'POST /invites/{code}/accept',
      'POST /invites/{code}/decline',
      'POST /orgs/{org}/invitation-requests',
      'POST /orgs/{org}/invitation-requests/dismiss-stale',
      'POST /orgs/{org}/invitation-requests/{id}/approve',
      'POST /orgs/{org}/invitation-requests/{id}/dismiss',
      'POST /orgs/{org}/invitations',
      'POST /orgs/{org}/invitations/revoke-stale',
      'POST /orgs/{org}/invitations/{id}/renew',
      'POST /orgs/{org}/invitations/{id}/resend',
      'POST /orgs/{org}/invitations/{id}/revoke',
    ]);
  });

  it('documents every wire error code under its status, as problem+json', () => {
    const text = renderOpenApi();
    const doc = documentOf(text);
    const seen = new Set<string>();
    for (const ops of Object.values(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const [status, answer] of Object.entries(op.responses)) {
          const problem = answer.content?.['application/problem+json'];
          if (!problem) continue;
          for (const code of problem.schema.allOf[1].properties.code.enum as (keyof typeof ERROR_STATUS)[]) {
            assert.equal(String(ERROR_STATUS[code]), status, code);
            seen.add(code);
          }
        }
      }
    }
    // A 405 is the answer of a path to a method it has no operation for, so no operation lists it (the
    // document's description says it).
    const answeredByPaths = ['method_not_allowed'];
    assert.deepEqual(
      [...seen].sort(),
      Object.keys(ERROR_STATUS)
        .filter((code) => !answeredByPaths.includes(code))
        .sort(),
    );
    assert.match(text, /method_not_allowed/);
  });

  it('names the session cookie exactly as the servers read it', () => {
    const doc = documentOf(renderOpenApi());
    assert.equal(doc.components.securitySchemes['cookieAuth']?.name, 'invitekit_session');
  });

  it('sends status lists as one comma list and takes the Idempotency-Key header on create', () => {
    const invitations = documentOf(renderOpenApi()).paths['/orgs/{org}/invitations'];
    const list = invitations?.['get']?.parameters?.find((p) => p.name === 'status');
    assert.equal(list?.style, 'form');
    assert.equal(list.explode, false);
    assert.ok(invitations?.['post']?.parameters?.some((p) => p.name === 'Idempotency-Key'));
  });
});
