import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asTemplateText, minifyCssLiterals } from '../../tools/library-build.js';

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

/** The cooked text lit's `css` tag reads from each css literal of `code`, as the browser would evaluate it. */
function cookedTexts(code: string): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  const css = (strings: TemplateStringsArray) => texts.push(strings[0]);
  const body = code.replace(/^import .*$/gm, '').replace(/\bexport /g, '');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the plugin's output as a module would
  const evaluate = new Function('css', body) as (tag: typeof css) => void;
  evaluate(css);
  return texts;
}

test('keeps characters outside ASCII as written, and the literal cooks to its CSS (not undefined)', () => {
  const code = [
    "import { css } from 'lit';",
    'export const a = css`',
    "  th[aria-sort='ascending'] .arrow::after {",
    "    content: '▲';",
    '  }',
    '`;',
  ].join('\n');
  const out = transform(code);
  assert.ok(out !== null);
  assert.deepEqual(cookedTexts(out), ['th[aria-sort=ascending] .arrow:after{content:"▲"}']);
});

test('any CSS goes back into a template literal intact: backslashes, backticks and ${ escaped', () => {
  for (const css of ['.a::before{content:"\\25b2"}', '.b{content:"`"}', '.c{content:"${x}"}', '\\`${\\']) {
    const literal = `css\`${asTemplateText(css)}\``;
    assert.deepEqual(cookedTexts(literal), [css], css);
  }
});

test('leaves literals with interpolations or escapes as written', () => {
  const code = 'const a = css`:host { width: ${w}; }`;\nconst b = css`.i::before { content: "\\2014"; }`;';
  assert.equal(transform(code), null);
});

test('leaves files without css literals, and files that are not TypeScript, untouched', () => {
  assert.equal(transform('const a = html`<p>  x  </p>`;'), null);
  assert.equal(transform('const a = css`:host { display: block; }`;', '/pkg/src/x.js'), null);
});
