/** `npm run build -w @invitekit/engine`: the engine to dist/. */
import { libraryBuild } from '../../tools/library-build.js';

export default libraryBuild(import.meta.url);
