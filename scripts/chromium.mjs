// Debian's Chromium, as every browser run here starts it. As root it needs --no-sandbox; the other flags keep it
// from calling home over and over on a machine whose network is closed.
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
