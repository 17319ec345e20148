// Fix-ups around the framework typings generators (custom-elements-manifest.config.mjs), so that what they write
// compiles with `skipLibCheck: false` and types every event's `detail`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What every generated file needs: the event details the manifest's event types name. */
const EVENTS_IMPORT = 'import type { InvitekitEventDetails } from "../shared/events.js";\n';

/**
 * The Vue generator takes an event's `type` for its `detail` (they write `CustomEvent<type>`), where
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
 * An analyzer plugin listed after the generators: adds the event details' import to each file they wrote in
 * `outdir`.
 */
export function fixFrameworkTypings({ outdir, react, vue }) {
  return {
    name: 'invitekit-fix-framework-typings',
    packageLinkPhase() {
      for (const fileName of [react, vue]) {
        const file = join(outdir, fileName);
        writeFileSync(file, EVENTS_IMPORT + readFileSync(file, 'utf8'));
      }
    },
  };
}
