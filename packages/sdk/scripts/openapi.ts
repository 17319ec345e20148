/** `npm run openapi`: writes packages/sdk/openapi.json from the zod schemas (see openapi-document.ts). */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { OPENAPI_PATH, renderOpenApi } from './openapi-document.js';

await writeFile(OPENAPI_PATH, renderOpenApi());
console.log(`wrote ${fileURLToPath(OPENAPI_PATH)}`);
