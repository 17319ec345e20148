/** Organization settings (rules.md, Settings): three changeable fields, three read-only limits. */
import { MAX_CSV_ROWS, MAX_EMAILS_PER_INVITE, type Settings, SettingsPatch } from '@invitekit/sdk';
import { type Actor, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import { MAX_RESENDS } from './limits.js';
import type { OrganizationRecord } from './store.js';
import { parseWith } from './validate.js';

const READ_ONLY = new Set(['maxResends', 'maxEmailsPerInvite', 'maxCsvRows']);

export function settingsView(org: OrganizationRecord): Settings {
  return {
    invitationRequestsEnabled: org.settings.invitationRequestsEnabled,
    invitationTtlDays: org.settings.invitationTtlDays,
    allowedDomains: [...org.settings.allowedDomains],
    maxResends: MAX_RESENDS,
    maxEmailsPerInvite: MAX_EMAILS_PER_INVITE,
    maxCsvRows: MAX_CSV_ROWS,
  };
}

export async function getSettings(ctx: Ctx, actor: Actor | null, slug: string): Promise<Settings> {
  return settingsView((await requireAdmin(ctx, actor, slug)).org);
}

/** Validates the whole patch first, then applies it: on any error nothing changes. */
export async function updateSettings(ctx: Ctx, actor: Actor | null, slug: string, rawPatch: unknown) {
  const { org } = await requireAdmin(ctx, actor, slug);
  const patch = parseWith(SettingsPatch, rawPatch, 'settings change', (key) =>
    READ_ONLY.has(key) ? 'Read-only setting' : 'Unknown setting',
  );
  const settings = { ...org.settings };
  if (patch.invitationRequestsEnabled !== undefined) {
    settings.invitationRequestsEnabled = patch.invitationRequestsEnabled;
  }
  if (patch.invitationTtlDays !== undefined) settings.invitationTtlDays = patch.invitationTtlDays;
  if (patch.allowedDomains !== undefined) {
    settings.allowedDomains = [...new Set(patch.allowedDomains.map((d) => d.trim().toLowerCase()))];
  }
  await ctx.tx.updateSettings(slug, settings);
  return settingsView({ ...org, settings });
}
