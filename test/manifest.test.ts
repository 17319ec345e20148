// The committed custom-elements.json is what editors, docs tools and the framework typings read: it must list
// every element and be, byte for byte, what the build generates from the JSDoc today (so a build leaves the
// checkout as it was).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicManifest, shippedPath } from '../packages/elements/scripts/public-manifest.mjs';
import { withDetailTypes } from '../packages/elements/scripts/framework-typings.mjs';
import { svelteTypings } from '../packages/elements/scripts/svelte-typings.mjs';

const elementsDir = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const cem = fileURLToPath(new URL('../node_modules/.bin/cem', import.meta.url));

describe('custom-elements.json', () => {
  it('is fresh, byte for byte, and lists the six elements with their public API only', () => {
    // cem resolves --outdir against the package, so the fresh copy goes to a scratch folder inside it, and the
    // framework typings with it (dist/ is left alone).
    const outdir = join(elementsDir, '.manifest-check');
    try {
      execFileSync(cem, ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', '.manifest-check'], {
        cwd: elementsDir,
        stdio: 'pipe',
        env: { ...process.env, INVITEKIT_FRAMEWORKS_DIR: join('.manifest-check', 'frameworks') },
      });
      const generated = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
      const committed = readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8');
      assert.ok(generated === committed, 'run `npm run build -w @invitekit/elements` and commit custom-elements.json');
      const tags = [...generated.matchAll(/"tagName": "([a-z-]+)"/g)].map((m) => m[1]).sort();
      assert.deepEqual(tags, [
        'invitation-requests',
        'invitation-table',
        'invite-dialog',
        'invitekit-provider',
        'redeem-invite',
        'request-invite-form',
      ]);
      assert.doesNotMatch(generated, /"privacy": "(private|protected)"/);
      for (const framework of ['react', 'vue', 'svelte']) {
        assert.ok(existsSync(join(outdir, 'frameworks', `${framework}.d.ts`)), `${framework} typings generated`);
      }
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('publicManifest', () => {
  const module = (path: string, names: string[]) => ({
    kind: 'javascript-module',
    path,
    declarations: names.map((name) => ({ kind: 'class', name, members: [] })),
    exports: names.map((name) => ({ kind: 'js', name, declaration: { name, module: path } })),
  });

  it('writes modules, declarations and exports in one order, whatever order the analyzer read them in', () => {
    const read = () => ({
      schemaVersion: '1.0.0',
      modules: [module('src/b.ts', ['Zed', 'Alpha']), module('src/a/c.ts', ['C']), module('src/index.ts', ['B'])],
    });
    const shuffled = read();
    shuffled.modules.reverse();
    for (const m of shuffled.modules) m.declarations.reverse();
    const sorted = JSON.stringify(publicManifest(read()));
    assert.equal(JSON.stringify(publicManifest(shuffled)), sorted);
    const manifest = publicManifest(read());
    assert.deepEqual(
      manifest.modules.map((m) => m.path),
      ['dist/a/c.js', 'dist/b.js', 'dist/index.js'],
    );
    assert.deepEqual(
      manifest.modules[1]?.declarations.map((d) => d.name),
      ['Alpha', 'Zed'],
    );
  });

  it('leaves out a module that declares and exports nothing (types only, no JavaScript shipped)', () => {
    const manifest = publicManifest({
      schemaVersion: '1.0.0',
      modules: [
        { kind: 'javascript-module', path: 'src/a.events.ts', declarations: [], exports: [] },
        module('src/a.ts', ['A']),
      ],
    });
    assert.deepEqual(
      manifest.modules.map((m) => m.path),
      ['dist/a.js'],
    );
  });

  it('keeps public members only', () => {
    const manifest = {
      schemaVersion: '1.0.0',
      modules: [
        {
          kind: 'javascript-module',
          path: 'src/a.ts',
          declarations: [
            {
              kind: 'class',
              name: 'A',
              members: [
                { kind: 'field', name: 'open' },
                { kind: 'field', name: 'shown', privacy: 'public' },
                { kind: 'field', name: 'state', privacy: 'private' },
                { kind: 'method', name: 'update', privacy: 'protected' },
              ],
            },
          ],
        },
      ],
    };
    assert.deepEqual(
      publicManifest(manifest).modules[0]?.declarations[0]?.members.map((m) => m.name),
      ['open', 'shown'],
    );
  });

  it('points every module reference at the shipped file', () => {
    assert.equal(shippedPath('src/shared/base-element.ts'), 'dist/shared/base-element.js');
    assert.equal(shippedPath('/src/shared/invitekit-element.js'), 'dist/shared/invitekit-element.js');
    assert.equal(shippedPath('./shared/events.js', 'src'), 'dist/shared/events.js');
    assert.equal(shippedPath('../shared/events.js', 'src/define'), 'dist/shared/events.js');
    assert.equal(shippedPath('lit'), 'lit');
  });
});

describe('framework typings', () => {
  const withEvent = (event: { name: string; type?: { text: string } }) => ({
    schemaVersion: '1.0.0',
    modules: [
      {
        kind: 'javascript-module',
        path: 'src/a.ts',
        declarations: [{ kind: 'class', name: 'A', customElement: true, tagName: 'a-b', events: [event] }],
      },
    ],
  });

  it('types each invitekit event by its detail in the manifest (the JSDoc names none)', () => {
    const manifest = publicManifest(withEvent({ name: 'invitekit-error' }));
    assert.deepEqual(manifest.modules[0]?.declarations[0]?.events, [
      { name: 'invitekit-error', type: { text: "CustomEvent<InvitekitEventDetails['invitekit-error']>" } },
    ]);
  });

  it('gives the Vue generator the details, on a copy', () => {
    const manifest = publicManifest(withEvent({ name: 'invitekit-error' }));
    const copy = withDetailTypes(manifest);
    assert.deepEqual(copy.modules[0]?.declarations[0]?.events[0]?.type, {
      text: "InvitekitEventDetails['invitekit-error']",
    });
    assert.deepEqual(manifest.modules[0]?.declarations[0]?.events[0]?.type, {
      text: "CustomEvent<InvitekitEventDetails['invitekit-error']>",
    });
  });

  it('types the tags for Svelte 5: attributes by name, properties by field, on<event> props, in svelteHTML', () => {
    const manifest = publicManifest(withEvent({ name: 'invitekit-error' }));
    const declaration = manifest.modules[0]?.declarations[0];
    assert.ok(declaration);
    Object.assign(declaration, {
      members: [
        { kind: 'field', name: 'pageSize', attribute: 'page-size' },
        { kind: 'field', name: 'client' },
        { kind: 'field', name: 'state', readonly: true },
        { kind: 'method', name: 'reload' },
      ],
    });
    const text = svelteTypings(manifest);
    assert.match(text, /"page-size"\?: A\["pageSize"\];/);
    assert.match(text, /\bclient\?: A\["client"\];/);
    assert.match(
      text,
      /"oninvitekit-error"\?: \(event: CustomEvent<InvitekitEventDetails\['invitekit-error'\]>\) => void;/,
    );
    assert.doesNotMatch(text, /state\?|reload|bind:|"on:/);
    assert.match(
      text,
      /declare global \{\n {2}namespace svelteHTML \{\n {4}interface IntrinsicElements \{\n {6}"a-b": AProps & HTMLAttributes<A>;/,
    );
  });
});
