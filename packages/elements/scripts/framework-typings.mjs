// Fix-ups around the framework typings generators (custom-elements-manifest.config.mjs), so that what they write
// compiles with `skipLibCheck: false` and types every event's `detail`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What every generated file needs: the event details the manifest's event types name. */
const EVENTS_IMPORT = 'import type { InvitekitEventDetails } from "../shared/events.js";\n';

/**
 * The Vue and Svelte generators take an event's `type` for its `detail` (they write `CustomEvent<type>`), where
 * the manifest holds the event's own type (`CustomEvent<detail>`): they get a copy holding the details.
 * @template {{ modules: object[] }} M
 * @param {M} manifest
 * @returns {M}
 */
export function withDetailTypes(manifest) {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        const detail = /^CustomEvent<(.+)>$/.exec(event.type?.text ?? '');
        if (detail) event.type = { text: detail[1] };
      }
    }
  }
  return copy;
}

/** `plugin`, its packageLinkPhase given the copy of the manifest that `transform` makes. */
export function onCopy(plugin, transform) {
  return {
    ...plugin,
    packageLinkPhase(context) {
      plugin.packageLinkPhase?.({ ...context, customElementsManifest: transform(context.customElementsManifest) });
    },
  };
}

/**
 * custom-element-svelte-integration 1.2 names React's global `JSX` namespace (`JSX.Element`, `JSX.CSSProperties`),
 * and its `declare namespace svelteHTML` sits in a module (the file imports the classes), so it never reaches the
 * global `svelteHTML` namespace Svelte's checker reads.
 * @param {string} text
 * @returns {string}
 */
export function fixSvelteTypings(text) {
  const fixed = text
    .replace('children?: JSX.Element;', "children?: import('svelte').Snippet;")
    .replace('style?: JSX.CSSProperties;', 'style?: string;')
    .replace(
      /declare namespace svelteHTML \{[\s\S]*\}\s*$/,
      'declare global {\n  namespace svelteHTML {\n    interface IntrinsicElements extends CustomElements {}\n  }\n}\n',
    );
  if (/\bJSX\./.test(fixed) || !fixed.includes('declare global {\n  namespace svelteHTML')) {
    throw new Error('svelte typings: the generator changed its output; update scripts/framework-typings.mjs');
  }
  return fixed;
}

/**
 * An analyzer plugin listed after the generators: adds the event details' import to each file they wrote in
 * `outdir`, and fixes the Svelte one.
 */
export function fixFrameworkTypings({ outdir, react, vue, svelte }) {
  return {
    name: 'invitekit-fix-framework-typings',
    packageLinkPhase() {
      for (const fileName of [react, vue, svelte]) {
        const file = join(outdir, fileName);
        let text = EVENTS_IMPORT + readFileSync(file, 'utf8');
        if (fileName === svelte) text = fixSvelteTypings(text);
        writeFileSync(file, text);
      }
    },
  };
}
