/**
 * The Vite library build every package shares. dist/ mirrors src/ module for module (`preserveModules`), so that
 * - each subpath of the package's `exports` is its own file (a `*` subpath expands to every matching source file);
 * - code with side effects stays in the module that has it: the elements' `customElements.define` calls stay in
 *   dist/define/*.js and dist/index.js, which `sideEffects` names, and are never moved into a shared chunk that
 *   bundlers would take for side-effect free;
 * - the declarations `tsc -p tsconfig.build.json` writes beside each module match the JavaScript one to one.
 * Every dependency and peer dependency of the package (and Node's built-ins) stays an import, for the host's
 * bundler to resolve and dedupe: no second copy of lit, @lit/* or zod is ever shipped inside a package.
 */
import { minifyHTMLLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/minify-html-literals.js';
import { transformSync } from 'esbuild';
import { defineConfig, defaultClientConditions, type Plugin, type UserConfig } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

type Target = string | { source?: string; [condition: string]: unknown };

interface Manifest {
  exports: Record<string, Target>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** `{ "define/invitation-table": "/abs/src/define/invitation-table.ts", ... }`: the sources of the `exports`. */
export function entriesOf(packageDir: string, manifest: Manifest): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const target of Object.values(manifest.exports)) {
    // Exports without a source (./package.json, generated files) are not built.
    if (typeof target === 'string' || typeof target.source !== 'string') continue;
    const source = target.source;
    const sources = source.includes('*')
      ? readdirSync(join(packageDir, dirname(source)))
          .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
          .map((file) => source.replace('*', file.slice(0, -3)))
      : [source];
    for (const file of sources) entries[relative('src', file).replace(/\.ts$/, '')] = join(packageDir, file);
  }
  return entries;
}

/** Whether `id` is an import of one of `packages` (or of a subpath of one) or of a Node built-in. */
export function externalTo(packages: string[]): (id: string) => boolean {
  const builtins = new Set(builtinModules);
  return (id) =>
    id.startsWith('node:') || builtins.has(id) || packages.some((name) => id === name || id.startsWith(`${name}/`));
}

/** A lit `css` tagged template: the tag, then a literal without interpolations or escapes. */
const cssLiteral = /\bcss`([^`$\\]*)`/g;

/**
 * `css` as the text of a template literal. lit's `css` tag reads the literal's cooked text, and a tagged template
 * whose text holds an escape JavaScript does not know (a CSS escape such as `\25b2`) cooks to `undefined`: the
 * element would adopt an empty stylesheet. So every backslash is doubled, and backticks and `${` are escaped.
 */
export function asTemplateText(css: string): string {
  return css.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * The CSS of every lit `css` literal, minified. Bundlers minify the JavaScript around a template literal but never
 * its contents, so without this every element would ship its styles with their comments and indentation. Literals
 * with interpolations (`${}`) or escapes are left as written: none exist today, and minifying them would need the
 * holes kept apart. Characters outside ASCII (the table's sort arrows) stay as written (`charset: 'utf8'`) rather
 * than become CSS escapes, and whatever esbuild writes is escaped for the template literal it goes back into.
 */
export function minifyCssLiterals(): Plugin {
  return {
    name: 'invitekit:minify-css-literals',
    transform(code, id) {
      if (!id.endsWith('.ts') || !code.includes('css`')) return null;
      const minified = code.replace(cssLiteral, (_literal, text: string) => {
        const { code: css } = transformSync(text, {
          loader: 'css',
          minify: true,
          charset: 'utf8',
          target: 'chrome120',
          logLevel: 'silent',
        });
        return `css\`${asTemplateText(css.trim())}\``;
      });
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/**
 * The markup of every lit `html` (and `svg`) literal, minified: comments and indentation gone, each run of
 * whitespace collapsed to one space (`conservativeCollapse`: never removed, so text and inline elements render
 * exactly as written; `<pre>` and `<textarea>` are kept as they are). Bindings (`.prop=`, `@event=`, `?attr=`)
 * stay as written. The Lit team's own plugin parses the module, so a literal's holes are kept apart. `css` literals
 * are left to minifyCssLiterals above, whose output the host's bundler already tested. Fails the build on a
 * literal it cannot minify (the error is thrown) rather than ship it unminified unnoticed.
 */
export function minifyHtmlLiterals(): Plugin {
  return {
    name: 'invitekit:minify-html-literals',
    async transform(code, id) {
      if (!id.endsWith('.ts') || !/\b(html|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        shouldMinifyCSS: () => false,
        minifyOptions: { conservativeCollapse: true },
      });
      return result === null ? null : { code: result.code, map: result.map?.toString() ?? null };
    },
  };
}

/**
 * The build of the package in `packageDir` (its `import.meta.url`). `extra` adds entries that are not exports,
 * such as a command line (`{ cli: '/abs/src/cli.ts' }`).
 */
export function libraryBuild(packageUrl: string, extra: Record<string, string> = {}): UserConfig {
  const packageDir = fileURLToPath(new URL('.', packageUrl));
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return defineConfig({
    plugins: [minifyCssLiterals(), minifyHtmlLiterals()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: { ...entriesOf(packageDir, manifest), ...extra }, formats: ['es'] },
      rolldownOptions: {
        external: externalTo(dependencies),
        // Constants stay imported by name: inlined, they would leave a bare `import "./limits.js"` behind, which a
        // host's bundler reports as an ignored import of a side-effect-free module. Its own minifier inlines them.
        optimization: { inlineConst: false },
        onLog(level, log, handler) {
          // A module's `'use client'` (the React wrappers) stays at the top of its own file: modules are preserved,
          // never merged, so the directive keeps its meaning (test/packages checks it).
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          // The compiler's helpers (decorators) would land under a path holding the compiler's name and version.
          entryFileNames: ({ name }) => (name.startsWith('_virtual/') ? `helpers/${basename(name)}.js` : '[name].js'),
        },
      },
    },
  });
}
