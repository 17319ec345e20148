/**
 * Acme's own accounts on `npm run demo:server`: the host's side of @invitekit/server. An accept makes one
 * (`onAccepted`: "the host creates the membership"), the host's `authenticate` recognises its session cookie, and
 * `POST /demo/sign-in { email }` is the demo's password-less sign-in for them (the seed's people sign in with the
 * dev tokens). Kept in a JSON file beside the data, so that a restart keeps who joined; a reset of the data
 * (`POST /__mock/reset`) forgets them with the members they were.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE } from '@invitekit/sdk';
import type { AcceptedEvent, HostUser } from '@invitekit/server';

interface Account {
  id: string;
  email: string;
  name: string;
  role: string;
  org: string;
  token: string;
}

/** Acme's roles that may manage members (demo/src/roles.ts). */
const MANAGERS = new Set(['admin']);
/** A sign-in body is an address: anything longer is not one. */
const MAX_BODY = 1024;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function demoAccounts(file: string) {
  let accounts: Account[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Account[]) : [];
  const save = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify(accounts, null, 2));
    renameSync(`${file}.tmp`, file);
  };

  /** The account whose session cookie the request carries. */
  const bySession = (request: Request) => {
    const cookie = request.headers.get('cookie') ?? '';
    const token = cookie
      .split(/;\s*/)
      .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
      ?.slice(SESSION_COOKIE.length + 1);
    return token ? accounts.find((account) => account.token === decodeURIComponent(token)) : undefined;
  };

  return {
    /** After an accept: the new member gets an account (the same one again if they had one). */
    onAccepted({ organization, member }: AcceptedEvent): void {
      const existing = accounts.find((account) => same(account.email, member.email));
      const token = existing?.token ?? `acme-member-${randomBytes(16).toString('hex')}`;
      const account = {
        id: member.id,
        email: member.email,
        name: member.name ?? member.email,
        role: member.role,
        org: organization.slug,
        token,
      };
      accounts = [...accounts.filter((a) => a !== existing), account];
      save();
    },

    /** The host's sign-in for @invitekit/server: the person behind the account's session, a member of its org. */
    authenticate(request: Request): HostUser | null {
      const account = bySession(request);
      if (!account) return null;
      const grants = { [account.org]: MANAGERS.has(account.role) ? ['member:manage'] : [] };
      return { id: `usr_${account.id}`, email: account.email, name: account.name, grants };
    },

    /** `POST /demo/sign-in { email }` → 200 `{ token, name, email, role }`, or 404 when no account has it. */
    signIn(req: IncomingMessage, res: ServerResponse): void {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > MAX_BODY) req.destroy();
      });
      req.on('end', () => {
        let email = '';
        try {
          const given = (JSON.parse(body) as { email?: unknown }).email;
          if (typeof given === 'string') email = given;
        } catch {
          // an unreadable body names no account
        }
        const account = accounts.find((a) => same(a.email, email));
        const answer = account
          ? { token: account.token, name: account.name, email: account.email, role: account.role }
          : { detail: 'No Acme Analytics account uses this address.' };
        res.writeHead(account ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    },

    /** The data went back to the seed: the members who joined, and so their accounts, are gone. */
    forget(): void {
      accounts = [];
      rmSync(file, { force: true });
    },
  };
}
