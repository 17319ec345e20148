/**
 * The random operations of the model-based test (model.test.ts): every operation of rules.md, drawn from a small
 * pool of addresses so that sequences collide (the same person invited twice, invited then joined by SSO, ...).
 * Operations name invitations, codes and requests by `pick`, an index resolved against what exists at that step
 * (model-reference.ts), so that a shrunk sequence stays meaningful.
 */
import fc from 'fast-check';
import type { SeedName } from '../src/index.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Addresses rules.md calls usable, as stored (trimmed, lower-case). Seed people are in on purpose. */
export const USABLE = [
  'jane@example.com', // a pending seed invitation
  'kim@example.com', // an expired one
  'lee@example.com', // a revoked one
  'dan@example.com', // a declined one
  'nora@example.com', // a pending request
  'sam@acme.test', // a member (SSO) with a stale pending invitation
  'tom@acme.test', // a member (SCIM) with a stale request
  'admin@acme.test', // a member who holds the admin credentials
  'admin@globex.test', // the Globex admin: accepting an Acme invitation with matching credentials
  'ann@acme.test',
  'bob@sub.acme.test', // not `acme.test` for the allowed-domain rule
  '😀@example.com', // masking: the first character is two UTF-16 units
  '👍🏽@example.com', // masking: an emoji with a skin-tone modifier is one character
  'e\u0301lise@example.com', // masking: e + combining accent is one character
  `${'l'.repeat(64)}@example.com`, // the longest local part
  `${'l'.repeat(64)}@${'x'.repeat(60)}.${'y'.repeat(60)}.${'z'.repeat(63)}.com`, // exactly 254 characters
] as const;

/** Addresses rules.md calls unusable (`invalid_email`): never stored, never sent, whatever their spelling. */
export const UNUSABLE = [
  'example.com', // no `@`
  'nobody.example.org',
  '=HYPERLINK("http://evil.test"',
  'a@@example.com',
  'a@b@example.com',
  '@example.com',
  'jane@example', // a domain without a dot
  'ja ne@example.com',
  'ja\u0007ne@example.com', // a control character (Cc)
  'ad\u200Bmin@acme.test', // zero-width space (Cf): looks like admin@acme.test
  'jane\u202E@example.com', // right-to-left override (Cf)
  'ja\uFEFFne@example.com', // zero-width no-break space (Cf)
  'a\u00ADnn@acme.test', // soft hyphen (Cf)
  '👩\u200D💻@example.com', // an emoji joined by U+200D (Cf)
  `${'l'.repeat(65)}@example.com`, // local part over 64
  `${'l'.repeat(64)}@${'x'.repeat(61)}.${'y'.repeat(60)}.${'z'.repeat(63)}.com`, // 255 characters
  '',
  '   ',
] as const;

const spelling = fc.constantFrom('as stored', 'upper', 'capital');
const padding = fc.constantFrom('', ' ', '\t', ' \n');

/** How a person might type `address`: another case, spaces around it. */
function respell(address: string, how: string, pad: string): string {
  const text =
    how === 'upper'
      ? address.toUpperCase()
      : how === 'capital'
        ? address.charAt(0).toUpperCase() + address.slice(1)
        : address;
  return pad + text + pad;
}

export const addressArb = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...USABLE) },
      { weight: 1, arbitrary: fc.constantFrom(...UNUSABLE) },
    ),
    spelling,
    padding,
  )
  .map(([address, how, pad]) => respell(address, how, pad));

export type Cred = 'acme-admin' | 'acme-viewer' | 'globex-admin' | 'stranger' | null;
export interface Actor {
  org: string;
  cred: Cred;
}

/** Mostly Acme's admin; sometimes someone the rules must turn away (401, 403, 404) or Globex's admin at home. */
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Actor>({ org: 'acme', cred: 'acme-admin' }) },
  { weight: 2, arbitrary: fc.constant<Actor>({ org: 'globex', cred: 'globex-admin' }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Actor>(
      { org: 'acme', cred: 'acme-viewer' },
      { org: 'acme', cred: 'globex-admin' },
      { org: 'acme', cred: null },
      { org: 'acme', cred: 'stranger' },
      { org: 'globex', cred: 'acme-admin' },
      { org: 'nowhere', cred: 'acme-admin' },
    ),
  },
);

const pick = fc.nat({ max: 10_000 });

/** The organization an unauthenticated call names (a request, a join): mostly Acme, sometimes another or none. */
const orgArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant('acme') },
  { weight: 1, arbitrary: fc.constantFrom('globex', 'nowhere') },
);

export type Op =
  | {
      kind: 'invite';
      actor: Actor;
      emails: string[];
      /** `none`: an empty list; `hundred` / `over`: the list repeated to 100 / 101 addresses. */
      size: 'as drawn' | 'none' | 'hundred' | 'over';
      role: string | null;
      dryRun: boolean;
      key: string | null;
      /** With a key already used: send that request's body again (keys in another order). */
      repeat: boolean;
    }
  | { kind: 'resend' | 'renew' | 'revoke' | 'link'; actor: Actor; pick: number }
  | { kind: 'accept'; cred: Cred; pick: number; body: Record<string, unknown> }
  | { kind: 'decline'; pick: number }
  /** Two accepts of one code started together: exactly one may succeed. */
  | { kind: 'race'; pick: number }
  | { kind: 'lookup'; pick: number }
  | { kind: 'advance'; ms: number }
  /** Sets the clock to an invitation's `invitedAt + 7 days` or its `expiresAt`, exactly or 1 ms before. */
  | { kind: 'edge'; pick: number; anchor: 'seven days' | 'expiry'; offset: 0 | -1 }
  | { kind: 'submit'; org: string; email: string; remote: string; name: string | null }
  | { kind: 'approve' | 'dismiss'; actor: Actor; pick: number }
  | { kind: 'dismissStale' | 'revokeStale'; actor: Actor }
  | { kind: 'join'; org: string; email: string; via: 'sso' | 'scim'; role: string | null }
  | { kind: 'settings'; actor: Actor; patch: Record<string, unknown> };

const roleArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom('admin', 'member', 'billing') },
  { weight: 1, arbitrary: fc.constant('owner') }, // not a role of either organization
);

const inviteArb = fc.record({
  kind: fc.constant('invite' as const),
  actor: actorArb,
  emails: fc.array(addressArb, { minLength: 1, maxLength: 6 }),
  size: fc.oneof(
    { weight: 20, arbitrary: fc.constant('as drawn' as const) },
    { weight: 1, arbitrary: fc.constantFrom('none' as const, 'hundred' as const, 'over' as const) },
  ),
  role: roleArb,
  dryRun: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  key: fc.oneof(fc.constant(null), fc.constantFrom('k1', 'k2')),
  repeat: fc.boolean(),
});

const settingsPatchArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ invitationTtlDays: fc.oneof(fc.constantFrom(1, 7, 30), fc.integer({ min: 1, max: 30 })) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      allowedDomains: fc.constantFrom(
        [],
        ['example.com'],
        ['ACME.test'],
        ['acme.test', 'sub.acme.test'],
        [' Example.com', 'example.com'],
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ invitationRequestsEnabled: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Record<string, unknown>>(
      { invitationTtlDays: 0 },
      { invitationTtlDays: 31 },
      { invitationTtlDays: 2.5 },
      { maxResends: 5 },
      { invitationTtlDays: 3, maxResends: 4 },
      { allowedDomains: ['not a domain'] },
      { invitationRequestsEnabled: 'yes' },
      { colour: 'blue' },
    ),
  },
);

const staffOp = (kind: 'resend' | 'renew' | 'revoke' | 'link' | 'approve' | 'dismiss') =>
  fc.record({ kind: fc.constant(kind), actor: actorArb, pick });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: inviteArb },
  { weight: 4, arbitrary: staffOp('resend') },
  { weight: 3, arbitrary: staffOp('renew') },
  { weight: 2, arbitrary: staffOp('revoke') },
  { weight: 1, arbitrary: staffOp('link') },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('accept' as const),
      cred: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom<Cred>('acme-admin', 'globex-admin', 'stranger') },
      ),
      pick,
      body: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom<Record<string, unknown>>({}, { name: 'Zed Zero' }) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<Record<string, unknown>>({ name: 'x'.repeat(201) }, { role: 'admin' }),
        },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decline' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('race' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lookup' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(1, HOUR, DAY - 1, DAY, 3 * DAY, 7 * DAY - 1, 7 * DAY),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edge' as const),
      pick,
      anchor: fc.constantFrom('seven days' as const, 'expiry' as const),
      offset: fc.constantFrom(0 as const, -1 as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('submit' as const),
      org: orgArb,
      email: addressArb,
      remote: fc.constantFrom('198.51.100.1', '198.51.100.2'),
      name: fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('Nick', 'n'.repeat(201)) },
      ),
    }),
  },
  { weight: 2, arbitrary: staffOp('approve') },
  { weight: 1, arbitrary: staffOp('dismiss') },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('dismissStale' as const, 'revokeStale' as const), actor: actorArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('join' as const),
      org: orgArb,
      email: addressArb,
      via: fc.constantFrom('sso' as const, 'scim' as const),
      role: roleArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('settings' as const), actor: actorArb, patch: settingsPatchArb }),
  },
);

/**
 * A sequence of up to 40 steps. Now and then one operation is repeated several times in a row: the fourth
 * resend, the sixth request from one address in an hour, a second accept of the same code.
 */
export const sequenceArb: fc.Arbitrary<Op[]> = fc
  // Without bias the length is uniform in 1..30: a biased array is mostly short, and rarely reaches deep states.
  .noBias(
    fc.array(
      fc.tuple(
        opArb,
        fc.oneof({ weight: 10, arbitrary: fc.constant(1) }, { weight: 2, arbitrary: fc.constantFrom(2, 4, 6) }),
      ),
      {
        minLength: 1,
        maxLength: 30,
        size: 'max',
      },
    ),
  )
  .map((runs) => runs.flatMap(([op, times]) => Array.from({ length: times }, () => op)));

const acmeAdmin: Actor = { org: 'acme', cred: 'acme-admin' };
const invite = (emails: string[]): Op => ({
  kind: 'invite',
  actor: acmeAdmin,
  emails,
  size: 'as drawn',
  role: null,
  dryRun: false,
  key: null,
  repeat: false,
});

/**
 * Sequences this test found breaking rules.md (issue 10), shrunk; they run first on every run. On the default
 * seed, invitation pick 0 is `inv_jane` and 3 is `inv_sam` (a member through SSO); code pick 9 is the first new
 * invitation's.
 */
export const REGRESSIONS: [SeedName, Op[]][] = [
  // An address without `@` was sent an invitation.
  ['default', [invite(['example.com', 'nobody.example.org', '=HYPERLINK("http://evil.test"'])]],
  // Invisible and formatting characters (Cf) passed as address characters.
  ['default', [invite(['ad\u200Bmin@acme.test', 'jane\u202E@example.com', 'a\u00ADnn@acme.test'])]],
  // Renewing jane's expired invitation after she was invited again made two pending invitations.
  [
    'default',
    [{ kind: 'advance', ms: 7 * DAY }, invite(['jane@example.com']), { kind: 'renew', actor: acmeAdmin, pick: 0 }],
  ],
  // Renewing sam's expired invitation although sam had joined through SSO.
  [
    'default',
    [
      { kind: 'edge', pick: 0, anchor: 'seven days', offset: 0 },
      { kind: 'renew', actor: acmeAdmin, pick: 3 },
    ],
  ],
  // The masked address kept half of an emoji with its skin-tone modifier.
  ['default', [invite(['👍🏽@example.com']), { kind: 'lookup', pick: 9 }]],
  // The request form refused a usable 254-character address typed with spaces around it.
  ['default', [{ kind: 'submit', org: 'acme', email: ` ${USABLE[15]}\n`, remote: '198.51.100.1', name: null }]],
];
