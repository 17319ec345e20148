import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { buildOpenApiDocument, OPENAPI_PATH, renderOpenApi, TRANSPORT } from '../scripts/openapi-document.js';
import { type Endpoint, endpoints } from '../src/endpoints.js';
import { ERROR_STATUS } from '../src/schemas.js';

interface Parameter {
  name: string;
  in?: string;
  style?: string;
  explode?: boolean;
}
interface ProblemAnswer {
  content?: {
    'application/problem+json'?: { schema: { allOf: [unknown, { properties: { code: { enum: string[] } } }] } };
  };
}
interface Operation {
  operationId: string;
  security: unknown[];
  requestBody?: { required: boolean };
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

  it('has one operation per endpoint of the table, at its method and path, and no other', () => {
    const doc = buildOpenApiDocument() as unknown as Document;
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${op.operationId} ${method.toUpperCase()} ${path}`),
    );
    const declared = Object.entries(endpoints).map(
      ([name, endpoint]) => `${name} ${endpoint.method} ${endpoint.path.replace(/:(\w+)/g, '{$1}')}`,
    );
    assert.deepEqual(documented.sort(), declared.sort());
  });

  it("answers each operation with its endpoint's status and answer schema, and takes its body", () => {
    const doc = buildOpenApiDocument() as unknown as Document;
    const named = buildOpenApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
      const op = doc.paths[endpoint.path.replace(/:(\w+)/g, '{$1}')]?.[endpoint.method.toLowerCase()];
      assert.ok(op, name);
      const ok = op.responses[String(endpoint.status ?? 200)] as unknown as {
        content: Record<string, { schema: { $ref?: string } }>;
      };
      if (endpoint.answer === 'text/csv') assert.ok(ok.content['text/csv'], name);
      else {
        const ref = ok.content['application/json']?.schema.$ref ?? '';
        assert.match(ref, /^#\/components\/schemas\/\w+$/, name);
        assert.ok(named.components.schemas[ref.split('/').pop() ?? ''], `${name}: ${ref}`);
      }
      assert.equal(op.requestBody?.required, endpoint.body ? !endpoint.bodyOptional : undefined, name);
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      assert.deepEqual(
        pathParams,
        [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1]),
        name,
      );
      const security = op.security.length;
      assert.equal(security, { admin: 2, optional: 3, public: 0 }[endpoint.auth], name);
    }
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

  it('declares the Node adapter’s own answers (408, 429, 431) on every operation, as shared components', () => {
    const doc = buildOpenApiDocument() as unknown as Document & {
      components: { responses: Record<string, ProblemAnswer> };
    };
    for (const [name, [status, code]] of Object.entries(TRANSPORT)) {
      const shared = doc.components.responses[name]?.content?.['application/problem+json'];
      assert.deepEqual(shared?.schema.allOf[1].properties.code.enum, [code], name);
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const answer = op.responses[String(status)] as ProblemAnswer & { $ref?: string };
          const codes = answer.$ref
            ? [code]
            : answer.content?.['application/problem+json']?.schema.allOf[1].properties.code.enum;
          assert.ok(
            answer.$ref === `#/components/responses/${name}` || codes?.includes(code),
            `${method} ${path} ${String(status)}`,
          );
        }
      }
    }
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
