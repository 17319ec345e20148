/** `npm run build -w @invitekit/sdk`: every export to dist/; declarations come from `tsc -p tsconfig.build.json`. */
import { libraryBuild } from '../../tools/library-build.js';

export default libraryBuild(import.meta.url);
