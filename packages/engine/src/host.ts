/**
 * What the host tells the kit outside HTTP (server.md, "Host integration"), as engine operations so that each rule
 * lives once and the mock runs them too: its organizations (slug, name, roles), and joins or departures that did
 * not go through an invitation (SSO, SCIM). A join makes the address's pending invitation and requests stale, as
 * rules.md says; a departure removes the kit's member record (the host's own records are its own).
 */
import { type Member, isUsableEmail, normalizeEmail } from '@invitekit/sdk';
import * as z from 'zod/mini';
import { findOrg } from './auth.js';
import { type Ctx, newId } from './context.js';
import { invalid } from './errors.js';
import { checkRole } from './inviting.js';
import { DEFAULT_TTL_DAYS } from './limits.js';
import type { MemberRecord } from './state.js';
import type { OrganizationRecord } from './store.js';
import { parseWith } from './validate.js';
import { memberView } from './views.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ROLE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const OrganizationInput = z.strictObject({
  slug: z
    .string()
    .check(z.regex(SLUG, 'Must be 1 to 63 lower-case letters, digits and dashes, starting with one of the first two')),
  name: z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(200, 'At most 200 characters')),
  roles: z
    .array(z.string().check(z.regex(ROLE, 'A role is 1 to 64 letters, digits, dots, colons, dashes or underscores')))
    .check(z.minLength(1, 'Give at least one role'), z.maxLength(50, 'At most 50 roles')),
  defaultRole: z.string(),
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

/** Creates the organization (default settings) or updates its name and roles, keeping its settings. */
export async function upsertOrganization(
  ctx: Ctx,
  rawInput: unknown,
): Promise<{ organization: OrganizationRecord; created: boolean }> {
  const input = parseWith(OrganizationInput, rawInput, 'organization');
  if (new Set(input.roles).size !== input.roles.length) throw invalid('roles', 'A role is listed twice');
  if (!input.roles.includes(input.defaultRole)) {
    throw invalid('defaultRole', `Must be one of the roles (${input.roles.join(', ')})`);
  }
  const profile = { name: input.name, roles: input.roles, defaultRole: input.defaultRole };
  const existing = await ctx.tx.organization(input.slug);
  if (!existing) {
    const organization: OrganizationRecord = {
      slug: input.slug,
      ...profile,
      settings: { invitationRequestsEnabled: false, invitationTtlDays: DEFAULT_TTL_DAYS, allowedDomains: [] },
    };
    await ctx.tx.insertOrganization(organization);
    return { organization, created: true };
  }
  // An invitation keeps the role it names: a role in use cannot be dropped from the list.
  const dropped = existing.roles.filter((role) => !input.roles.includes(role));
  if (dropped.length > 0) {
    const used = await ctx.tx.invitationRoles(input.slug);
    const inUse = dropped.filter((role) => used.has(role));
    if (inUse.length > 0) {
      throw invalid('roles', `Invitations name ${inUse.map((r) => `"${r}"`).join(', ')}: keep it among the roles`);
    }
  }
  await ctx.tx.updateOrganization(input.slug, profile);
  return { organization: { ...existing, ...profile }, created: false };
}

const JoinBody = z.strictObject({
  email: z.string(),
  name: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  via: z.enum(['sso', 'scim']),
  role: z.optional(z.string()),
});
export type JoinOutsideInvitation = z.infer<typeof JoinBody>;

/** Answers the member and whether it was created (201) or already there (200, unchanged). */
export async function joinMember(
  ctx: Ctx,
  slug: string,
  rawBody: unknown,
): Promise<{ member: Member; created: boolean }> {
  const org = await findOrg(ctx.tx, slug);
  const body = parseWith(JoinBody, rawBody, 'join');
  const email = normalizeEmail(body.email);
  if (!isUsableEmail(email)) throw invalid('email', 'Not a valid email address');
  const role = checkRole(org, body.role) ?? org.defaultRole;
  const existing = await ctx.tx.member(slug, email);
  if (existing) return { member: memberView(existing), created: false };
  const member: MemberRecord = {
    id: newId(ctx.random, 'mem'),
    email,
    name: body.name?.trim() || null,
    role,
    joinedAt: ctx.now,
    joinedVia: body.via,
  };
  await ctx.tx.insertMember(slug, member);
  return { member: memberView(member), created: true };
}

/** A departure: removes the member with this address; answers whether there was one. */
export async function removeMember(ctx: Ctx, slug: string, email: unknown): Promise<boolean> {
  await findOrg(ctx.tx, slug);
  const address = typeof email === 'string' ? normalizeEmail(email) : '';
  if (!isUsableEmail(address)) throw invalid('email', 'Not a valid email address');
  return ctx.tx.deleteMember(slug, address);
}
