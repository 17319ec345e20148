/** The mock server's seed admin (member:manage) stands in for the product's own signed-in session. */
export const sessionToken = 'acme-admin';
