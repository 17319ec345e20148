/**
 * The frame of every demo page, the demo toolbar above the product's header, as HTML. Vite writes it into each
 * page at build time (`demoShell` in vite.config.ts), so that it is on screen from the first paint: drawn by the
 * page's script instead, it pushed everything below it down as it arrived (a layout shift of 0.3–0.5). The script
 * then only fills in what depends on the visit (who is signed in, the mock's clock and network) and enables the
 * controls (app-header.ts, demo-toolbar.ts). No imports: Vite's config loads this module in Node.
 */

export const people = [
  { token: 'acme-admin', name: 'Ada Admin', email: 'admin@acme.test', label: 'Ada Admin (admin)' },
  { token: 'acme-viewer', name: 'Victor Viewer', email: 'viewer@acme.test', label: 'Victor Viewer (no permission)' },
  { token: '', name: '', email: '', label: 'Signed out' },
] as const;

/** The toolbar's network choices; values are `latencyMs,failureRate`. */
export const networks = [
  ['0,0', 'Normal'],
  ['1500,0', 'Slow (1.5 s)'],
  ['300,0.3', 'Failing (30 %)'],
] as const;

const pages = [
  { href: '/', label: 'Settings › Users' },
  { href: '/login/', label: 'Login page' },
  { href: '/mailbox/', label: 'Mailbox' },
];

const options = (choices: readonly (readonly [string, string])[]) =>
  choices.map(([value, label]) => `<option value="${value}">${label}</option>`).join('');

// Every control starts disabled: the page's script enables them once they work (in the mock build, once the
// in-page mock answers), so nothing can be pressed in vain.
const toolbar = `<aside class="demo-toolbar" aria-label="Demo controls">
  <strong class="demo-badge" title="Not part of the product: controls of the mock server">Demo</strong>
  <label>Signed in as <select name="person" disabled>${options(people.map((p) => [p.token, p.label]))}</select></label>
  <span class="demo-group" role="group" aria-label="Clock">
    <span class="demo-clock">Clock <time>…</time> <em hidden></em></span>
    <button type="button" data-advance="1" disabled>+1 day</button>
    <button type="button" data-advance="7" disabled>+7 days</button>
  </span>
  <label>Network <select name="network" disabled>${options(networks)}</select></label>
  <form class="demo-group" aria-label="Join outside invitations">
    <label>Join address <input name="email" type="email" required placeholder="jane@example.com" disabled /></label>
    <label>via <select name="via" disabled>${options([
      ['sso', 'SSO'],
      ['scim', 'SCIM'],
    ])}</select></label>
    <button disabled>Simulate join</button>
  </form>
  <button type="button" data-reset disabled>Reset data</button>
  <span class="demo-status" role="status"></span>
</aside>`;

/** The toolbar and the product's header for the page at `pathname` (`/`, `/login/`, …). */
export function shellHtml(pathname: string): string {
  const links = pages
    .map((page) => `<a href="${page.href}"${page.href === pathname ? ' aria-current="page"' : ''}>${page.label}</a>`)
    .join('');
  return `${toolbar}
<header class="app-header">
  <a class="brand" href="/"><img src="/favicon.svg" alt="" width="24" height="24" />Acme Analytics</a>
  <nav aria-label="Product">${links}</nav>
  <span class="who"></span>
</header>`;
}
