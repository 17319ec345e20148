/** A role as the host names it: `value` is what the API sends and stores, `label` what people read. */
export interface InviteRole {
  value: string;
  label: string;
}

/** The host's label for `role`, else the role as the server names it. */
export function roleLabel(roles: readonly InviteRole[], role: string): string {
  return roles.find((r) => r.value === role)?.label ?? role;
}
