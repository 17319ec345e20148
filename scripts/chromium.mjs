// The browser every browser run starts (web-test-runner, the e2e tests, the screenshots): `CHROME_PATH` when set,
// else the first Chromium or Chrome found on PATH or at its usual install path on Linux and macOS.
// `node scripts/chromium.mjs` checks that one exists before any test runs, and otherwise stops with one line saying
// what to install (exit code 1), not a stack trace from deep inside a test.
//
// As root Chromium needs --no-sandbox; the other flags keep it from calling home over and over on a machine whose
// network is closed.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Command names looked up on PATH, most specific first. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where Linux distributions and the macOS installers put the browser when it is not on PATH. */
const installPaths = (home) => [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  join(home, 'Applications/Chromium.app/Contents/MacOS/Chromium'),
  join(home, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
];

export const INSTALL_HINT =
  'install Chromium or Google Chrome (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) ' +
  'or set CHROME_PATH to its executable';

/** Whether `path` is an executable file. */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The browser to start, from `env` (CHROME_PATH, PATH, HOME) and the usual `installs`: `{ path }`, or `{ error }`,
 * one line saying what is wrong and what to install. A CHROME_PATH that names no executable is an error, not a
 * reason to look elsewhere: whoever set it meant that browser.
 */
export function findChromium(env = process.env, installs = installPaths(env.HOME ?? homedir())) {
  if (env.CHROME_PATH) {
    return isExecutable(env.CHROME_PATH)
      ? { path: env.CHROME_PATH }
      : { error: `CHROME_PATH is ${env.CHROME_PATH}, which is not an executable file: ${INSTALL_HINT}.` };
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => COMMANDS.map((command) => join(dir, command)));
  const path = [...onPath, ...installs].find(isExecutable);
  return path ? { path } : { error: `No Chromium or Chrome found: ${INSTALL_HINT}.` };
}

/** The browser's path; prints the one-line message and exits 1 when there is none. */
export function chromiumPathOrExit(env = process.env) {
  const found = findChromium(env);
  if ('path' in found) return found.path;
  console.error(found.error);
  process.exit(1);
}

const found = findChromium();
/** The browser's path, or '' when there is none (run `node scripts/chromium.mjs` first to stop with the message). */
export const chromiumPath = 'path' in found ? found.path : '';

if (process.argv[1] === fileURLToPath(import.meta.url)) chromiumPathOrExit();
