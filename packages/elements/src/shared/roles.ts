/**
 * A role as the host names it: `value` is what the API sends and stores, `label` what people read. The host
 * marks the organization's default role with `default: true`, so that an invitation without a role of its own
 * (`role: null`) is shown by that role's name.
 */
export interface InviteRole {
  value: string;
  label: string;
  default?: boolean;
}

/** The host's label for `role`, else the role as the server names it. */
export function roleLabel(roles: readonly InviteRole[], role: string): string {
  return roles.find((r) => r.value === role)?.label ?? role;
}

/** The organization's default role, when the host said which one it is. */
export function defaultRole(roles: readonly InviteRole[]): InviteRole | undefined {
  return roles.find((r) => r.default);
}
