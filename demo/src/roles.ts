/** Acme's roles as its product names them; the kit shows these labels wherever a role appears. */
export const acmeRoles = [
  { value: 'member', label: 'Member' },
  { value: 'admin', label: 'Admin' },
  { value: 'billing', label: 'Billing' },
];
