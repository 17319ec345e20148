/**
 * What the server opens, once, on `ready()` or its first request (never at import): the database (migrated),
 * the email sender, and the engine. Production gets the rules' engine on the SQL store; `testControls` the
 * engine with the mock's controls; `devAuth` the seeded tokens (dev-auth.ts).
 */
import { type Actor, ControlledEngine, Engine, type EngineHooks } from '@invitekit/engine';
import { normalizeEmail } from '@invitekit/sdk';
import { type FetchHandler, createHostHandler, credentialsOf } from '@invitekit/engine/http';
import { type OpenDatabase, openDatabase } from './db/connect.js';
import { migrate } from './db/migrate.js';
import { type DevAuth, startDevAuth } from './dev-auth.js';
import { OutboxSender } from './email/outbox-sender.js';
import { defaultSender } from './email/smtp.js';
import { DEFAULT_TEMPLATES } from './email/templates.js';
import { type Logger, describeError } from './log.js';
import type { HostUser, InvitekitServerOptions } from './options.js';
import { SqlControlledStore, SqlStore } from './store/sql-store.js';

export interface Started {
  database: OpenDatabase;
  engine: Engine;
  sender: OutboxSender | undefined;
  /** The API, and the `/__mock` controls with `testControls`. */
  handler: FetchHandler;
  devAuth: DevAuth | undefined;
}

/** A host's signed-in person as the engine's Actor; idempotency keys are scoped by the person's id. */
export function actorOf(user: HostUser): Actor {
  return {
    person: { id: user.id, name: user.name ?? user.email, email: normalizeEmail(user.email) },
    grants: user.grants,
    key: `user:${user.id}`,
  };
}

const errorLine = (msg: string, error: unknown) => ({
  time: new Date().toISOString(),
  level: 'error' as const,
  msg,
  error: describeError(error),
});

export async function start(options: InvitekitServerOptions, log: Logger): Promise<Started> {
  const given = options.database;
  const database: OpenDatabase =
    typeof given === 'object' && 'db' in given ? given : await openDatabase(given ?? undefined);
  try {
    if (options.migrate !== false) await migrate(database.db);
    const send = options.sendEmail ?? (await defaultSender());
    const sender = send
      ? new OutboxSender(database.db, {
          send,
          templates: options.emailTemplates ?? DEFAULT_TEMPLATES,
          ...options.emailRetry,
          onFailure: ({ kind, attempts, error }) => {
            log(errorLine(`email (${kind}) not sent, attempt ${String(attempts)}`, error));
          },
        })
      : undefined;
    const onMessages = () => sender?.wake();
    const devAuth = options.devAuth ? await startDevAuth(database.db) : undefined;
    if (devAuth) log({ time: new Date().toISOString(), level: 'info', msg: devAuth.summary });
    const hooks: EngineHooks = {
      onAccepted: async (event) => {
        // Dev tokens that accepted become members as on the mock (test controls do it inside the transaction).
        if (devAuth && event.actor && !options.testControls)
          await devAuth.grant(event.actor.key, event.organization.slug);
        await options.onAccepted?.(event);
      },
      onHookError: (error, hook) => {
        log(errorLine(`${hook} failed`, error));
      },
    };
    const common = { acceptUrl: options.acceptUrl, ...hooks };
    const controlled = options.testControls
      ? new ControlledEngine({ ...common, store: new SqlControlledStore(database.db, { onMessages }) })
      : undefined;
    const engine: Engine = controlled ?? new Engine({ ...common, store: new SqlStore(database.db, { onMessages }) });

    async function authenticate(request: Request): Promise<Actor | null> {
      if (devAuth) {
        const actor = await devAuth.authenticate(credentialsOf(request));
        if (actor) return actor;
      }
      const user = options.authenticate ? await options.authenticate(request) : null;
      return user ? actorOf(user) : null;
    }
    const handler = createHostHandler<Actor | null>({
      engine,
      authenticate,
      basePath: options.basePath ?? '/api',
      allowOrigins: options.allowOrigins,
      ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
      controls: controlled,
      onError: (error) => {
        log(errorLine('request failed', error));
      },
    });
    sender?.wake();
    return { database, engine, sender, handler, devAuth };
  } catch (error) {
    // Opened here, so closed here: a failed start leaves no connection (or PGlite lock) behind.
    if (database !== given) await database.close().catch(() => undefined);
    throw error;
  }
}
