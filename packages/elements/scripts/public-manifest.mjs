// What custom-elements.json publishes, from what the analyzer read in src/ (see custom-elements-manifest.config.mjs).
import { posix } from 'node:path';

/**
 * A module reference as the analyzer writes it (`src/a.ts`, `/src/a.js`, `./a.js` beside `from`) → `dist/a.js`.
 * @param {string} reference
 * @param {string} [from]
 * @returns {string}
 */
export function shippedPath(reference, from = 'src') {
  const absolute = /^\.\.?\//.test(reference) ? posix.join(from, reference) : reference.replace(/^\//, '');
  if (!absolute.startsWith('src/')) return reference; // a package (lit) or something already shipped
  return absolute.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
}

/** Every `module` reference under `node` (superclasses, inherited members, exports), rewritten in place. */
function rewriteModules(node, from) {
  if (Array.isArray(node)) {
    for (const item of node) rewriteModules(item, from);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'module' && typeof value === 'string') node[key] = shippedPath(value, from);
      else rewriteModules(value, from);
    }
  }
}

const byKey = (key) => (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * Rewrites the manifest in place:
 * - only public members: private and protected ones are implementation, and so are the attributes of private
 *   reactive fields (a Lit `{ state: true }` has none);
 * - each `invitekit-*` event typed `CustomEvent<InvitekitEventDetails[name]>` (its JSDoc `@fires` names no type);
 * - paths of the files the package ships (dist/*.js, each with its .d.ts beside it), not of src/*.ts; a module
 *   that declares and exports nothing (types only: no .js is emitted for it) is left out;
 * - modules sorted by path, declarations and exports by name: the analyzer lists them in the order it happens
 *   to read files, and the committed manifest must come out of every build byte for byte the same.
 * @template {{ modules: object[] }} M
 * @param {M} manifest
 * @returns {M}
 */
export function publicManifest(manifest) {
  for (const module of manifest.modules) {
    const from = posix.dirname(module.path.replace(/^\//, ''));
    for (const declaration of module.declarations ?? []) {
      if (declaration.members) {
        const hidden = new Set(
          declaration.members.filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name),
        );
        declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
        // Public is what a member is unless it says otherwise: the analyzer writes it only for some (those in a
        // Lit `static properties`), and the manifest says it the same way for all.
        for (const member of declaration.members) if (member.privacy === 'public') delete member.privacy;
        // A private reactive field (`{ state: true }` in `static properties`) has no attribute, whatever the
        // analyzer infers from `static properties`.
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        }
      }
    }
    for (const declaration of module.declarations ?? []) {
      for (const event of declaration.events ?? []) {
        // The kit's events are CustomEvents whose detail is typed by name (shared/events.ts); the framework
        // typings generated from this manifest take the event types from here.
        if (!event.type && event.name?.startsWith('invitekit-'))
          event.type = { text: `CustomEvent<InvitekitEventDetails['${event.name}']>` };
      }
    }
    rewriteModules(module, from);
    module.path = shippedPath(module.path);
    module.declarations?.sort(byKey((d) => `${d.name}\u0000${d.kind}`));
    module.exports?.sort(byKey((e) => `${e.name}\u0000${e.kind}`));
  }
  manifest.modules = manifest.modules.filter((m) => m.declarations?.length || m.exports?.length);
  manifest.modules.sort(byKey((m) => m.path));
  return manifest;
}
