/** The product's header, shared by every page: the brand, its pages and the demo toolbar. */
const pages = [
  { href: '/', label: 'Settings › Users' },
  { href: '/login/', label: 'Login page' },
  { href: '/mailbox/', label: 'Mailbox' },
];

export function renderHeader(): void {
  const header = document.createElement('header');
  header.className = 'app-header';
  const links = pages
    .map((page) => {
      const current = location.pathname === page.href ? ' aria-current="page"' : '';
      return `<a href="${page.href}"${current}>${page.label}</a>`;
    })
    .join('');
  header.innerHTML = `<a class="brand" href="/">Acme Analytics</a><nav aria-label="Product">${links}</nav>`;
  document.body.prepend(header, document.createElement('demo-toolbar'));
}
