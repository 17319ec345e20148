/**
 * The CSV export (rules.md, Export): the list's filter and order, RFC 4180 escaping, and formula
 * neutralising so that no spreadsheet runs a field as a formula.
 */
import type { Actor } from './auth.js';
import type { Ctx } from './context.js';
import { invitationsForExport } from './listing.js';

export const EXPORT_HEADER = ['email', 'status', 'role', 'invited_at', 'expires_at', 'invited_by', 'resend_count'];

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes `'` to a field a spreadsheet would read as a formula, then quotes it per RFC 4180 where needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

/** The export as text: CRLF line ends (RFC 4180), a header line, one line per invitation. */
export async function exportInvitationsCsv(
  ctx: Ctx,
  actor: Actor | null,
  slug: string,
  rawQuery: unknown,
): Promise<string> {
  const { org, invitations } = await invitationsForExport(ctx, actor, slug, rawQuery);
  const lines = [EXPORT_HEADER.join(',')];
  for (const inv of invitations) {
    lines.push(
      csvLine([
        inv.email,
        inv.status,
        // The role the invitee gets: an invitation without one grants the organization's default role.
        inv.role ?? org.defaultRole,
        inv.invitedAt,
        inv.expiresAt,
        inv.invitedBy?.email ?? '',
        String(inv.resendCount),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
