/**
 * Whether an answer is one the OpenAPI document declares (packages/sdk/openapi.json): its status among the
 * operation's responses and, for a problem, its code among those that status lists. The harness checks every
 * answer the contract suite received against it, on every target.
 */
import { readFileSync } from 'node:fs';

interface Operation {
  responses: Record<
    string,
    { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }
  >;
}
type Response = Operation['responses'][string] & { $ref?: string };
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses?: Record<string, Response> };
};

const DOCUMENT = JSON.parse(
  readFileSync(new URL('../../packages/sdk/openapi.json', import.meta.url), 'utf8'),
) as Document;

/** Why `METHOD /api/path-template` answering `status` (and `code`) is not declared, or undefined when it is. */
export function undeclared(route: string, status: number, code: string | undefined): string | undefined {
  const [method = '', template = ''] = route.split(' ');
  const operation = DOCUMENT.paths[template.replace(/^\/api/, '')]?.[method.toLowerCase()];
  if (!operation) return `${route}: no such operation in openapi.json`;
  const given: Response | undefined = operation.responses[String(status)];
  // A shared answer (the adapter's 408, 429, 431) is a reference to the components.
  const response = given?.$ref ? DOCUMENT.components.responses?.[given.$ref.split('/').pop() ?? ''] : given;
  if (!response) return `${route} answered ${String(status)}${code ? ` ${code}` : ''}, which it does not declare`;
  if (code === undefined) return undefined;
  const codes = response.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [];
  return codes.includes(code)
    ? undefined
    : `${route} answered ${String(status)} ${code}, declared: ${codes.join(', ')}`;
}
