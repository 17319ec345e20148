// `npm run lint`: ESLint (typescript-eslint strict, type-aware; Lit and custom-element rules) and Prettier.
// The ESLint tools are an npm project of their own: typescript-eslint needs TypeScript 5's JavaScript API, which
// the repo's compiler, TypeScript 7, does not have, and in the workspace install its helpers would be hoisted next
// to TypeScript 7. Their install is made here when missing or older than their lock file.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const lintDir = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const marker = `${lintDir}node_modules/.package-lock.json`;
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(`${lintDir}package-lock.json`).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], lintDir);
}
// `npm run lint -- FILE...` checks only those files (say, the ones a change touched).
const targets = process.argv.length > 2 ? process.argv.slice(2) : ['.'];
try {
  run(`${lintDir}node_modules/.bin/eslint`, [
    '--config',
    `${lintDir}eslint.config.mjs`,
    '--max-warnings=0',
    ...targets,
  ]);
  run(`${root}node_modules/.bin/prettier`, ['--check', '--log-level=warn', '--ignore-unknown', ...targets]);
} catch {
  process.exit(1);
}
