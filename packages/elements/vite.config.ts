/** `npm run build -w @invitekit/elements`: every entry (index and each define/<tag>) to dist/, then the manifest. */
import { libraryBuild } from '../../tools/library-build.js';

export default libraryBuild(import.meta.url);
