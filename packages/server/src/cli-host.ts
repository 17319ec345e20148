/**
 * The host's commands of `invitekit-server`: organizations and members, on the same database flags as the
 * server. Each runs one engine operation (the rules the server and the mock run) and prints what it did.
 */
import { Engine, EngineError } from '@invitekit/engine';
import { type DatabaseOption, openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { SqlStore } from './store/sql-store.js';

export class UsageError extends Error {}

export interface HostCommandFlags {
  name?: string | undefined;
  roles?: string | undefined;
  'default-role'?: string | undefined;
  via?: string | undefined;
  role?: string | undefined;
}

/** Splits `--roles admin,member` (commas or spaces). */
function rolesOf(text: string | undefined): string[] {
  if (text === undefined) throw new UsageError('organizations upsert needs --roles ROLE,ROLE,…');
  return text.split(/[\s,]+/).filter(Boolean);
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${what}`);
  return value;
}

async function run(engine: Engine, words: string[], flags: HostCommandFlags): Promise<string> {
  const [noun, verb, ...rest] = words;
  const command = `${noun ?? ''} ${verb ?? ''}`;
  const arity = new Map([
    ['organizations upsert', 1],
    ['organizations list', 0],
    ['members upsert', 2],
    ['members remove', 2],
  ]);
  const expected = arity.get(command);
  if (expected === undefined) throw new UsageError(`unknown command "${words.join(' ')}"`);
  if (rest.length > expected)
    throw new UsageError(`${command} takes ${String(expected)} argument(s), not "${rest.join(' ')}"`);
  if (command === 'organizations list') {
    const orgs = await engine.organizations();
    if (orgs.length === 0)
      return 'no organizations yet; add one: invitekit-server organizations upsert SLUG --name NAME --roles admin,member --default-role member';
    return orgs.map((o) => `${o.slug}\t${o.name}\troles ${o.roles.join(',')} (default ${o.defaultRole})`).join('\n');
  }
  if (command === 'organizations upsert') {
    const slug = need(rest[0], 'the organization slug');
    const { organization, created } = await engine.upsertOrganization({
      slug,
      name: need(flags.name, '--name'),
      roles: rolesOf(flags.roles),
      defaultRole: need(flags['default-role'], '--default-role'),
    });
    return `${created ? 'created' : 'updated'} ${organization.slug} (${organization.name}; roles ${organization.roles.join(', ')}; default ${organization.defaultRole})`;
  }
  const org = need(rest[0], 'the organization slug');
  const email = need(rest[1], 'the email address');
  if (command === 'members remove') {
    return (await engine.removeMember(org, email))
      ? `removed ${email} from ${org}`
      : `${email} was not a member of ${org}`;
  }
  const via = flags.via ?? 'sso';
  if (via !== 'sso' && via !== 'scim') throw new UsageError(`--via is sso or scim, not "${via}"`);
  const { member, created } = await engine.joinMember(org, {
    email,
    via,
    ...(flags.name !== undefined ? { name: flags.name } : {}),
    ...(flags.role !== undefined ? { role: flags.role } : {}),
  });
  return created
    ? `added ${member.email} to ${org} as ${member.role} (via ${via})`
    : `${member.email} is already a member of ${org} (${member.role}); unchanged`;
}

/** Runs `organizations …` or `members …` and answers the line(s) to print; a refusal throws a one-line Error. */
export async function hostCommand(database: DatabaseOption, words: string[], flags: HostCommandFlags): Promise<string> {
  const open = await openDatabase(database);
  try {
    await migrate(open.db);
    return await run(new Engine({ store: new SqlStore(open.db) }), words, flags);
  } catch (error) {
    if (error instanceof EngineError) {
      const fields = error.fieldErrors?.map((f) => `${f.field}: ${f.message}`).join('; ');
      throw new Error(fields ?? error.detail, { cause: error });
    }
    throw error;
  } finally {
    await open.close();
  }
}
