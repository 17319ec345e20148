/** Organization settings (rules.md, Settings): three changeable fields, three read-only limits. */
import { MAX_CSV_ROWS, MAX_EMAILS_PER_INVITE, type Settings, SettingsPatch } from '@invitekit/sdk';
import { MAX_RESENDS } from './limits.js';
import { type Credentials, requireAdmin } from './auth.js';
import type { Ctx } from './context.js';
import type { OrgRecord } from './state.js';
import { parseWith } from './validate.js';

const READ_ONLY = new Set(['maxResends', 'maxEmailsPerInvite', 'maxCsvRows']);

export function settingsView(org: OrgRecord): Settings {
  return {
    invitationRequestsEnabled: org.settings.invitationRequestsEnabled,
    invitationTtlDays: org.settings.invitationTtlDays,
    allowedDomains: [...org.settings.allowedDomains],
    maxResends: MAX_RESENDS,
    maxEmailsPerInvite: MAX_EMAILS_PER_INVITE,
    maxCsvRows: MAX_CSV_ROWS,
  };
}

export function getSettings(ctx: Ctx, credentials: Credentials, slug: string): Settings {
  return settingsView(requireAdmin(ctx.state, credentials, slug).org);
}

/** Validates the whole patch first, then applies it: on any error nothing changes. */
export function updateSettings(ctx: Ctx, credentials: Credentials, slug: string, rawPatch: unknown): Settings {
  const { org } = requireAdmin(ctx.state, credentials, slug);
  const patch = parseWith(SettingsPatch, rawPatch, 'settings change', (key) =>
    READ_ONLY.has(key) ? 'Read-only setting' : 'Unknown setting',
  );
  if (patch.invitationRequestsEnabled !== undefined) {
    org.settings.invitationRequestsEnabled = patch.invitationRequestsEnabled;
  }
  if (patch.invitationTtlDays !== undefined) org.settings.invitationTtlDays = patch.invitationTtlDays;
  if (patch.allowedDomains !== undefined) {
    org.settings.allowedDomains = [...new Set(patch.allowedDomains.map((d) => d.trim().toLowerCase()))];
  }
  return settingsView(org);
}
