// Svelte 5 typings for the tags, written from custom-elements.json (an analyzer plugin): what svelte-check reads in
// `svelteHTML.IntrinsicElements`. Svelte 5 sets a prop as a property when the element has one (`client={client}`),
// else as an attribute (`page-size={10}`), and listens to an event with `on<event name>={handler}`: so each tag
// gets its attributes by attribute name, its property-only fields by field name, and an `on…` prop per event.
// (Svelte 4's `bind:`/`on:` spellings, which custom-element-svelte-integration writes, do not compile in Svelte 5.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSDoc comment from a manifest description. */
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** The props type of one element declaration. */
function propsOf(declaration) {
  const lines = [];
  const fields = (declaration.members ?? []).filter(
    (member) =>
      member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public',
  );
  for (const field of fields) {
    const name = field.attribute ?? field.name;
    lines.push(`${doc(field.description, '  ')}  ${key(name)}?: ${declaration.name}[${JSON.stringify(field.name)}];`);
  }
  for (const event of declaration.events ?? []) {
    if (!event.name) continue;
    const type = event.type?.text ?? 'Event';
    lines.push(`${doc(event.description, '  ')}  ${key(`on${event.name}`)}?: (event: ${type}) => void;`);
  }
  return `type ${declaration.name}Props = {\n${lines.join('\n')}\n};\n`;
}

/** The whole file for `manifest` (after publicManifest: public members, events typed by InvitekitEventDetails). */
export function svelteTypings(manifest) {
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const names = elements.map((element) => element.name);
  return [
    `import type { InvitekitEventDetails } from "../shared/events.js";`,
    '// Generated from custom-elements.json by scripts/svelte-typings.mjs: the tags for Svelte 5 templates.',
    `import type { ${names.join(', ')} } from "../index.js";`,
    `import type { HTMLAttributes } from "svelte/elements";`,
    '',
    ...elements.map(propsOf),
    'declare global {',
    '  namespace svelteHTML {',
    '    interface IntrinsicElements {',
    ...elements.map(
      (element) => `      ${JSON.stringify(element.tagName)}: ${element.name}Props & HTMLAttributes<${element.name}>;`,
    ),
    '    }',
    '  }',
    '}',
    '',
    '// Type-only: importing `@invitekit/elements/svelte` adds the tags above and nothing else.',
    'export {};',
    '',
  ].join('\n');
}

/** The analyzer plugin: writes `fileName` into `outdir` once the manifest is final. */
export function svelteTypingsPlugin({ outdir, fileName }) {
  return {
    name: 'invitekit-svelte-typings',
    packageLinkPhase({ customElementsManifest }) {
      mkdirSync(outdir, { recursive: true });
      writeFileSync(join(outdir, fileName), svelteTypings(customElementsManifest));
    },
  };
}
