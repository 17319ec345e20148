import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssLiterals } from '../../tools/library-build.js';

/** The plugin's transform hook, called as Vite calls it. */
function transform(code: string, id = '/pkg/src/x.styles.ts'): string | null {
  const hook = minifyCssLiterals().transform;
  if (typeof hook !== 'function') throw new Error('minifyCssLiterals has no transform function');
  const result = hook.call({} as never, code, id) as { code: string } | null;
  return result === null ? null : result.code;
}

test('minifies the CSS of each css literal, comments and indentation gone, the JavaScript around kept', () => {
  const code = [
    "import { css } from 'lit';",
    'export const a = css`',
    '  /* why */',
    '  :host {',
    '    display: block;',
    '    margin: 0.5rem 0;',
    '  }',
    '`;',
    'export const b = css`.x > .y { color: red; }`;',
  ].join('\n');
  assert.equal(
    transform(code),
    [
      "import { css } from 'lit';",
      'export const a = css`:host{display:block;margin:.5rem 0}`;',
      'export const b = css`.x>.y{color:red}`;',
    ].join('\n'),
  );
});

test('leaves literals with interpolations or escapes as written', () => {
  const code = 'const a = css`:host { width: ${w}; }`;\nconst b = css`.i::before { content: "\\2014"; }`;';
  assert.equal(transform(code), null);
});

test('leaves files without css literals, and files that are not TypeScript, untouched', () => {
  assert.equal(transform('const a = html`<p>  x  </p>`;'), null);
  assert.equal(transform('const a = css`:host { display: block; }`;', '/pkg/src/x.js'), null);
});
