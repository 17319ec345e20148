import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyHtmlLiterals } from '../../tools/library-build.js';

/** The plugin's transform hook, called as Vite calls it. */
async function transform(code: string, id = '/pkg/src/x.ts'): Promise<string | null> {
  const hook = minifyHtmlLiterals().transform;
  if (typeof hook !== 'function') throw new Error('minifyHtmlLiterals has no transform function');
  const result = (await hook.call({} as never, code, id)) as { code: string } | null;
  return result === null ? null : result.code;
}

/** The strings lit's `html` tag receives from each html literal of `code`, as the browser would evaluate them. */
function templateStrings(code: string): string[][] {
  const found: string[][] = [];
  const html = (strings: TemplateStringsArray) => found.push([...strings]);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the plugin's output as a module would
  const evaluate = new Function('html', 'x', 'f', code) as (tag: typeof html, x: string, f: () => void) => void;
  evaluate(html, 'X', () => undefined);
  return found;
}

test('drops comments and indentation, one space kept where whitespace was (text and inline elements render alike)', async () => {
  const code = [
    'html`',
    '  <!-- why -->',
    '  <p class="a">',
    '    <span>one</span>',
    '    <b>two</b>   ${x}',
    '  </p>',
    '`;',
  ].join('\n');
  const out = await transform(code);
  assert.ok(out !== null);
  assert.deepEqual(templateStrings(out), [[' <p class="a"> <span>one</span> <b>two</b> ', ' </p> ']]);
});

test("keeps lit's bindings and the holes between the strings, so each value lands where it did", async () => {
  const code =
    'html`<input\n  .checked=${x}\n  ?disabled=${x}\n  @click=${f}\n  aria-label=${x}\n/>\n<span class="b ${x}">${x}</span>`;';
  const out = await transform(code);
  assert.ok(out !== null);
  const [strings = []] = templateStrings(out);
  assert.equal(strings.length, 7, 'six holes, as written');
  assert.match(strings[0] ?? '', /^<input \.checked="?$/);
  assert.match(strings[1] ?? '', /^"? \?disabled="?$/);
  assert.match(strings[2] ?? '', /^"? @click="?$/);
  assert.match(strings[3] ?? '', /^"? aria-label="?$/);
  assert.match(strings[4] ?? '', /^"?> <span class="b $/);
  assert.deepEqual(strings.slice(5), ['">', '</span>']);
});

test('keeps what a <pre> and a <textarea> show as written', async () => {
  const code = 'html`<pre>a\n   b</pre>\n  <textarea>\n  x  y\n</textarea>`;';
  const out = await transform(code);
  assert.ok(out !== null);
  const [strings] = templateStrings(out);
  assert.ok(strings?.[0]?.includes('<pre>a\n   b</pre>'), strings?.[0]);
  assert.ok(strings?.[0]?.includes('\n  x  y\n</textarea>'), strings?.[0]);
});

test('leaves files without html literals, and files that are not TypeScript, untouched', async () => {
  assert.equal(await transform('const a = css`:host {  display: block; }`;'), null);
  assert.equal(await transform('const a = html`<p>  x  </p>`;', '/pkg/src/x.js'), null);
});
