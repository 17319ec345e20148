// `cem analyze` reads the elements' JSDoc (@summary @fires @csspart @cssprop) into custom-elements.json, then the
// framework typings are generated from that manifest, so they cannot drift from the elements:
// dist/frameworks/react.d.ts (React 19 JSX), vue.d.ts (Vue GlobalComponents), svelte.d.ts (Svelte 5, our own).
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { publicManifest } from './scripts/public-manifest.mjs';
import { fixFrameworkTypings, onCopy, withDetailTypes } from './scripts/framework-typings.mjs';
import { svelteTypingsPlugin } from './scripts/svelte-typings.mjs';

// A check of the committed manifest (test/manifest.test.ts) writes it to a scratch folder and leaves dist/ alone.
const frameworksDir = process.env.INVITEKIT_FRAMEWORKS_DIR ?? 'dist/frameworks';
// The typings import the element classes from the package's main entry, which exports every one of them.
const shared = { outdir: frameworksDir, globalTypePath: '../index.js' };
// The JSX generator imports every export of each module declaring an element (base classes included): from
// that module's own declarations, dist/<dir>/<file>.d.ts, one level up from dist/frameworks/.
const fromOwnModule = (_name, _tag, modulePath) => `../${modulePath.replace(/^dist\//, '')}`;

export default {
  globs: ['src/**/*.ts'],
  // The React wrappers are components around the elements, not elements: they are not in the manifest.
  exclude: [
    'src/react/**',
    'src/shared/react-component.ts',
    'src/**/*.test.ts',
    'src/**/*.strings.ts',
    'src/**/*.strings.*.ts',
    'src/**/*.styles.ts',
  ],
  litelement: true,
  // The package.json already names custom-elements.json; a check run into a scratch folder must not rewrite it.
  packagejson: false,
  plugins: [
    {
      name: 'invitekit-public-manifest',
      // Public members only, paths of shipped files (dist/*.js), and a stable order: a build leaves the
      // committed manifest byte for byte as it was.
      packageLinkPhase({ customElementsManifest }) {
        publicManifest(customElementsManifest);
      },
    },
    jsxTypesPlugin({
      outdir: frameworksDir,
      componentTypePath: fromOwnModule,
      fileName: 'react.d.ts',
      stronglyTypedEvents: true,
    }),
    onCopy(customElementVuejsPlugin({ ...shared, fileName: 'vue.d.ts' }), withDetailTypes),
    svelteTypingsPlugin({ outdir: frameworksDir, fileName: 'svelte.d.ts' }),
    fixFrameworkTypings({ outdir: frameworksDir, react: 'react.d.ts', vue: 'vue.d.ts' }),
  ],
};
