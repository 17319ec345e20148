// The committed custom-elements.json is what editors and docs tools read: it must list every element and
// match what the build generates from the JSDoc today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The analyzer lists modules, members and attributes in the order it happens to read files, which differs from
 * one checkout to another: compare with every named list sorted.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const key = (item: unknown) =>
      JSON.stringify([
        (item as { path?: string }).path,
        (item as { name?: string }).name,
        (item as { kind?: string }).kind,
      ]);
    return items.every((item) => item && typeof item === 'object')
      ? items.sort((a, b) => key(a).localeCompare(key(b)))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

const elementsDir = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const cem = fileURLToPath(new URL('../node_modules/.bin/cem', import.meta.url));

test('custom-elements.json is fresh and lists the six elements with their public API only', () => {
  // cem resolves --outdir against the package, so the fresh copy goes to a scratch folder inside it.
  const outdir = join(elementsDir, '.manifest-check');
  try {
    execFileSync(cem, ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', '.manifest-check'], {
      cwd: elementsDir,
      stdio: 'pipe',
    });
    const generated = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
    const committed = readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8');
    assert.deepEqual(
      canonical(JSON.parse(committed)),
      canonical(JSON.parse(generated)),
      'run `npm run build -w @invitekit/elements` and commit',
    );
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
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
