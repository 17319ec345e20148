/**
 * The stylesheets of every element class a module exports, as lit adopts them, parsed by Chromium: what a host's
 * page would get from the packed build, to compare with what the sources give (test/packages/packages.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

/** `{ InvitationTable: [cssText, ...] }`; a sheet whose literal did not cook to text is `null`. */
export type StyleTexts = Record<string, (string | null)[]>;

/** Run in a child Node (no DOM): the `styles` of every exported class, flattened as lit flattens them. */
const READ_STYLES = `
  const mod = await import(process.argv[1]);
  const flat = (styles) => (Array.isArray(styles) ? styles.flatMap(flat) : styles ? [styles] : []);
  const out = {};
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function' && Object.hasOwn(value, 'styles')) {
      out[name] = flat(value.styles).map((sheet) => (typeof sheet.cssText === 'string' ? sheet.cssText : null));
    }
  }
  console.log(JSON.stringify(out));
`;

/** The style texts of the classes `entry` (a file path) exports; `fromSources` runs it through tsx. */
export function styleTextsOf(entry: string, fromSources = false): StyleTexts {
  const loader = fromSources ? ['--conditions=source', '--import', 'tsx'] : [];
  const output = execFileSync(process.execPath, [...loader, '--input-type=module', '-e', READ_STYLES, entry], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as StyleTexts;
}

/**
 * Each text parsed by Chromium as a constructed stylesheet, as the sorted set of what its rules say: one
 * `context > selector { property }` line per selector of a rule and longhand it sets (`context` is the enclosing
 * at-rules). Values are left out on purpose: the minifier may write the same value differently (`.75` for `0.75`)
 * and merges adjacent rules that say the same (`.a{color:red}.b{color:red}` → `.a,.b{color:red}`); how they render
 * is the screenshot comparison's business (test/consumers).
 */
export async function parsedRules(texts: StyleTexts): Promise<Record<string, (string[] | null)[]>> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    // A string, not a function: tsx would wrap named functions in a `__name` helper the page does not have.
    return await page.evaluate(`(() => {
      const selectors = (text) => {
        const parts = [];
        let depth = 0, start = 0;
        for (let i = 0; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')') depth--;
          else if (text[i] === ',' && depth === 0) { parts.push(text.slice(start, i).trim()); start = i + 1; }
        }
        parts.push(text.slice(start).trim());
        return parts;
      };
      const lines = (rules, context, out) => {
        for (const rule of rules) {
          if ('selectorText' in rule) {
            for (const selector of selectors(rule.selectorText)) {
              for (const property of rule.style) out.add(context + selector + ' { ' + property + ' }');
            }
          }
          if (rule.cssRules) {
            const head = 'selectorText' in rule ? rule.selectorText : rule.cssText.slice(0, rule.cssText.indexOf('{')).trim();
            lines(rule.cssRules, context + head + ' > ', out);
          } else if (!('selectorText' in rule)) {
            out.add(context + rule.cssText);
          }
        }
        return out;
      };
      const all = ${JSON.stringify(texts)};
      return Object.fromEntries(Object.entries(all).map(([name, sheets]) => [name, sheets.map((text) => {
        if (text === null) return null;
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return [...lines(sheet.cssRules, '', new Set())].sort();
      })]));
    })()`);
  } finally {
    await browser.close();
  }
}
