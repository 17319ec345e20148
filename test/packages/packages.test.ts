/**
 * The packages as npm publishes them (issue 9): built, packed with their prepack/postpack, then checked file by
 * file. publint and @arethetypeswrong/cli (esm-only profile) must have nothing to say; the published manifest
 * keeps no `source` condition and names only shipped files; every tarball has the LICENSE and README links that
 * resolve inside it; the elements keep their define calls in the modules `sideEffects` names, bundle no copy of
 * lit, and import in Node without a DOM.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { attw, build, filesOf, pack, PUBLISHED, publint, root, scratchDir, type Packed } from './pack.js';
import { missingPaths, namedPaths } from '../../tools/pack-manifest.mjs';
import { parsedRules, styleTextsOf } from './styles.js';

interface Manifest {
  name: string;
  exports: Record<string, unknown>;
  sideEffects?: boolean | string[];
  bin?: Record<string, string>;
}

const read = (path: string) => readFileSync(path, 'utf8');
const manifestOf = (dir: string) => JSON.parse(read(join(dir, 'package.json'))) as Manifest;

/** Whether `file` (`dist/define/a.js`) is matched by one of the `sideEffects` patterns (`./dist/define/*.js`). */
const hasSideEffects = (patterns: string[], file: string) =>
  patterns.some((pattern) => posix.matchesGlob(file, pattern.replace(/^\.\//, '')));

/** Relative links of the markdown `text` (not URLs, not anchors), without their `#fragment`. */
const relativeLinks = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^([a-z]+:|#)/.test(target))
    .map((target) => target.replace(/#.*$/, ''));

describe('published packages', { timeout: 300_000 }, () => {
  const scratch = scratchDir();
  const packed = new Map<string, Packed>();
  const manifestsBefore = new Map<string, string>();

  before(() => {
    for (const name of PUBLISHED) {
      build(name);
      manifestsBefore.set(name, read(join(root, 'packages', name, 'package.json')));
      packed.set(name, pack(name, scratch));
    }
  });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  const each = (check: (p: Packed) => void) => () => {
    for (const name of PUBLISHED) {
      const p = packed.get(name);
      assert.ok(p, `${name} packed`);
      check(p);
    }
  };

  it(
    'publint reports nothing',
    each((p) => {
      assert.equal(publint(p.tarball), '', p.name);
    }),
  );

  it(
    'arethetypeswrong (esm-only) reports nothing, every `*` export expanded to its files',
    each((p) => {
      const manifest = manifestOf(p.unpacked);
      const wildcard = Object.entries(manifest.exports).find(([key]) => key.includes('*'));
      const expanded = wildcard
        ? filesOf(p.unpacked, 'dist/define')
            .filter((file) => file.endsWith('.js'))
            .map((file) => wildcard[0].replace('*', posix.basename(file, '.js')))
        : [];
      assert.equal(attw(p, expanded), '', p.name);
    }),
  );

  it(
    'the published manifest has no `source` condition, types first, and names only shipped files',
    each((p) => {
      const text = read(join(p.unpacked, 'package.json'));
      assert.doesNotMatch(text, /"source"|\.\/src\//, p.name);
      const manifest = JSON.parse(text) as Manifest;
      assert.deepEqual(missingPaths(p.unpacked, namedPaths(manifest)), [], p.name);
      for (const target of Object.values(manifest.exports)) {
        if (typeof target === 'object' && target !== null) assert.equal(Object.keys(target)[0], 'types', p.name);
      }
      assert.equal(manifest.exports['./package.json'], './package.json', p.name);
      assert.ok(!filesOf(p.unpacked).some((file) => file.startsWith('src/')), `${p.name} ships no sources`);
    }),
  );

  it(
    'packing leaves the checkout as it was (package.json restored byte for byte)',
    each((p) => {
      assert.equal(read(join(p.dir, 'package.json')), manifestsBefore.get(p.name), p.name);
      assert.ok(!existsSync(join(p.dir, '.package.json.prepack')), p.name);
    }),
  );

  it(
    'every tarball has the MIT LICENSE, and README links that resolve inside it',
    each((p) => {
      assert.equal(read(join(p.unpacked, 'LICENSE')), read(join(root, 'LICENSE')), p.name);
      const docs = filesOf(p.unpacked).filter((file) => file.endsWith('.md'));
      assert.ok(docs.includes('README.md'), `${p.name} has a README`);
      for (const doc of docs) {
        const broken = relativeLinks(read(join(p.unpacked, doc))).filter(
          (link) => !existsSync(join(p.unpacked, posix.dirname(doc), link)),
        );
        assert.deepEqual(broken, [], `${p.name}/${doc}`);
      }
    }),
  );

  it(
    'no dependency is bundled: dist holds only the package’s own modules',
    each((p) => {
      for (const file of filesOf(p.unpacked, 'dist').filter((f) => f.endsWith('.js'))) {
        assert.doesNotMatch(read(join(p.unpacked, file)), /node_modules/, `${p.name}/${file}`);
      }
    }),
  );

  it('the mock server’s bin is shipped, runnable and documented', () => {
    const p = packed.get('mock-server');
    assert.ok(p);
    const { bin } = manifestOf(p.unpacked);
    assert.deepEqual(bin, { 'invitekit-mock-server': './dist/cli.js' });
    assert.match(read(join(p.unpacked, 'dist/cli.js')), /^#!\/usr\/bin\/env node\n/);
    assert.match(read(join(p.unpacked, 'README.md')), /npx invitekit-mock-server --port/);
  });

  describe('@invitekit/elements', () => {
    const elements = () => {
      const p = packed.get('elements');
      assert.ok(p);
      return p;
    };

    it('keeps every element definition in a module that `sideEffects` names', () => {
      const p = elements();
      const patterns = manifestOf(p.unpacked).sideEffects;
      assert.ok(Array.isArray(patterns));
      const defining = filesOf(p.unpacked)
        .filter((file) => file.endsWith('.js'))
        .filter((file) => /\bdefineElement\(\s*["']/.test(read(join(p.unpacked, file))));
      const defineModules = filesOf(p.unpacked, 'dist/define').filter((file) => file.endsWith('.js'));
      // The main entry defines <redeem-invite> itself, without the on-demand form load of its own entry.
      assert.deepEqual(defining.sort(), [...defineModules, 'dist/index.js'].sort());
      for (const file of defining) assert.ok(hasSideEffects(patterns, file), file);
      assert.ok(hasSideEffects(patterns, 'dist/index.js'));
    });

    it('leaves lit and every @lit package to the host', () => {
      const p = elements();
      const imports = filesOf(p.unpacked, 'dist')
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) => [...read(join(p.unpacked, f)).matchAll(/\bfrom\s+"([^".][^"]*)"/g)].map((m) => m[1]));
      for (const name of ['lit', '@lit/context', '@lit/task']) {
        assert.ok(
          imports.some((i) => i === name || i?.startsWith(`${name}/`)),
          `imports ${name}`,
        );
      }
      // dist/browser/ is the one-file build for pages without a bundler: it carries its dependencies on purpose.
      const modules = filesOf(p.unpacked, 'dist').filter((f) => f.endsWith('.js') && !f.startsWith('dist/browser/'));
      for (const file of modules) {
        // The markers of a bundled copy of Lit's ReactiveElement or lit-html.
        assert.doesNotMatch(
          read(join(p.unpacked, file)),
          /litPropertyMetadata|litHtmlVersions|reactiveElementVersions/,
          file,
        );
      }
    });

    it('imports every entry in Node without a DOM, defining nothing', () => {
      const p = elements();
      const entries = ['dist/index.js', ...filesOf(p.unpacked, 'dist/define').filter((file) => file.endsWith('.js'))];
      const script = `for (const entry of ${JSON.stringify(entries)}) await import(${JSON.stringify(`${p.unpacked}/`)} + entry);
        const tags = ['invitekit-provider', 'invitation-table', 'invite-dialog', 'invitation-requests',
          'request-invite-form', 'redeem-invite'];
        console.log(typeof document, tags.filter((tag) => globalThis.customElements?.get(tag)).length);`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      // Lit's node build installs a customElements stand-in; no element is defined in it.
      assert.equal(output.trim(), 'undefined 0');
    });

    it('gives every element stylesheets that parse to the same rules as the sources', async () => {
      const p = elements();
      const packedTexts = styleTextsOf(join(p.unpacked, 'dist/index.js'));
      const sourceTexts = styleTextsOf(join(root, 'packages/elements/src/index.ts'), true);
      assert.deepEqual(Object.keys(packedTexts).sort(), Object.keys(sourceTexts).sort());
      assert.ok(Object.keys(packedTexts).length >= 6, 'the six elements export their styles');
      const [packedRules, sourceRules] = await Promise.all([parsedRules(packedTexts), parsedRules(sourceTexts)]);
      for (const [element, sheets] of Object.entries(packedRules)) {
        sheets.forEach((rules, index) => {
          // A css literal with an escape JavaScript does not know cooks to undefined: lit adopts an empty sheet.
          assert.ok(rules !== null, `${element}: stylesheet ${index} has no text (its css literal did not cook)`);
          assert.ok(rules.length > 0, `${element}: stylesheet ${index} parses to no rule`);
        });
        // Chromium serializes each parsed rule the same way whatever the spacing: minified = sources, rule by rule.
        assert.deepEqual(sheets, sourceRules[element], `${element}: the packed rules differ from the sources'`);
      }
    });

    it('exports custom-elements.json, whose modules are shipped files with their declarations beside them', () => {
      const p = elements();
      const manifest = manifestOf(p.unpacked);
      assert.equal(manifest.exports['./custom-elements.json'], './custom-elements.json');
      const cem = JSON.parse(read(join(p.unpacked, 'custom-elements.json'))) as { modules: { path: string }[] };
      for (const { path } of cem.modules) {
        assert.match(path, /^dist\/.*\.js$/);
        assert.ok(existsSync(join(p.unpacked, path)), path);
        assert.ok(existsSync(join(p.unpacked, path.replace(/\.js$/, '.d.ts'))), path);
      }
      assert.doesNotMatch(read(join(p.unpacked, 'custom-elements.json')), /"(module|path)": "\/?src\//);
    });

    it('ships the JSX, Vue and Svelte typings as type-only subpaths, with the tags and event details', () => {
      const p = elements();
      const { exports } = manifestOf(p.unpacked);
      for (const [subpath, file] of [
        ['jsx', 'react'],
        ['vue', 'vue'],
        ['svelte', 'svelte'],
      ] as const) {
        assert.deepEqual(exports[`./${subpath}`], { types: `./dist/frameworks/${file}.d.ts` });
        const typings = read(join(p.unpacked, `dist/frameworks/${file}.d.ts`));
        assert.match(typings, /^import type \{ InvitekitEventDetails \} from "\.\.\/shared\/events\.js";/);
        assert.match(typings, /"invitation-table": /);
        assert.match(typings, /InvitekitEventDetails\[["']invitekit-invitations-sent["']\]/);
      }
    });

    it('ships the one-file browser build: every element, its dependencies inside, no bare import left', () => {
      const p = elements();
      const manifest = manifestOf(p.unpacked);
      assert.deepEqual(manifest.exports['./browser'], {
        types: './dist/index.d.ts',
        default: './dist/browser/invitekit.js',
      });
      const text = read(join(p.unpacked, 'dist/browser/invitekit.js'));
      assert.doesNotMatch(
        text,
        /\bfrom\s*["'][^"'./]|\bimport\s*\(\s*["'][^"'./]|\bimport\s*["'][^"'./]/,
        'no bare import',
      );
      for (const tag of [
        'invitekit-provider',
        'invitation-table',
        'invite-dialog',
        'invitation-requests',
        'request-invite-form',
        'redeem-invite',
      ]) {
        assert.match(text, new RegExp(`["'\`]${tag}["'\`]`), tag);
      }
      assert.ok(hasSideEffects(manifest.sideEffects as string[], 'dist/browser/invitekit.js'));
    });

    it('ships a React component per element under ./react, client components, React left to the host', () => {
      const p = elements();
      const manifest = manifestOf(p.unpacked) as Manifest & {
        peerDependencies?: Record<string, string>;
        peerDependenciesMeta?: Record<string, { optional?: boolean }>;
      };
      assert.deepEqual(manifest.peerDependenciesMeta?.react, { optional: true });
      const tags = filesOf(p.unpacked, 'dist/define')
        .filter((file) => file.endsWith('.js'))
        .map((file) => posix.basename(file, '.js'));
      for (const name of ['index', ...tags]) {
        const text = read(join(p.unpacked, `dist/react/${name}.js`));
        // Next.js reads the directive at the top of the module a server component imports.
        assert.match(text, /^"use client";\n/, `dist/react/${name}.js`);
        assert.ok(existsSync(join(p.unpacked, `dist/react/${name}.d.ts`)), `dist/react/${name}.d.ts`);
        assert.doesNotMatch(text, /__SECRET_INTERNALS|react\.production/, `no copy of React in dist/react/${name}.js`);
      }
    });
  });
});
