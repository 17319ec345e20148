/** `npm run build -w @invitekit/mock-server`: every export and the command line to dist/. */
import { fileURLToPath } from 'node:url';
import { libraryBuild } from '../../tools/library-build.js';

export default libraryBuild(import.meta.url, {
  cli: fileURLToPath(new URL('./src/cli.ts', import.meta.url)),
});
