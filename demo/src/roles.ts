/** Acme's roles as its product names them; the kit shows these labels wherever a role appears. */
export const acmeRoles = [
  { value: 'member', label: 'Member', default: true },
  { value: 'admin', label: 'Admin' },
  { value: 'billing', label: 'Billing' },
];
