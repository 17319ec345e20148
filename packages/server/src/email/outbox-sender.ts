/**
 * Delivers the outbox. The engine records each message in the same transaction as the invitation it belongs
 * to, so a message exists exactly when its invitation does; this sender then claims due messages (a lease, so
 * that several server processes never send one message twice and a crashed process's claim runs out), sends
 * them outside any transaction, and marks them delivered. A failure keeps the message and retries it with
 * exponential backoff; the invitation is untouched either way and its link stays copyable by admins.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { describeError } from '../log.js';
import type { SendEmail } from './smtp.js';
import { type EmailKind, type EmailTemplates, composeMessage } from './templates.js';

export interface OutboxSenderOptions {
  send: SendEmail;
  templates: EmailTemplates;
  /** First retry after this long; each further one waits twice as long. Default 5 s. */
  retryBaseMs?: number;
  /** The longest wait between two attempts. Default 1 h. */
  retryMaxMs?: number;
  /** After this many failed attempts a message is left undelivered (its invitation stays valid). Default 25. */
  maxAttempts?: number;
  /** How long a claimed message is reserved for the process sending it. Default 2 min. */
  leaseMs?: number;
  /** Told about each failure (the server logs it, without the message's link). */
  onFailure?: (failure: { to: string; kind: EmailKind; attempts: number; error: unknown }) => void;
  now?: () => number;
}

const BATCH = 20;

export class OutboxSender {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: OutboxSenderOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Asks for a drain soon; calls made while one runs lead to one more pass, never to parallel ones. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no drain is running (tests wait on it instead of sleeping). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.drainBatch()) === BATCH && this.isRunning());
        await this.scheduleNext();
      } catch (error) {
        // The database itself failed (say, it is restarting): try again after the base delay.
        this.options.onFailure?.({ to: '', kind: 'invitation', attempts: 0, error });
        this.schedule(this.options.retryBaseMs ?? 5_000);
      }
    } while (this.anotherPass());
  }

  /** Whether a wake came in during the pass that just ended (and we are still running). */
  private anotherPass(): boolean {
    return this.again && !this.stopped;
  }

  /** Read through a method: `stop()` may flip it while a drain awaits. */
  private isRunning(): boolean {
    return !this.stopped;
  }

  /** Claims, sends and settles up to one batch of due messages; answers how many it claimed. */
  private async drainBatch(): Promise<number> {
    const now = this.now();
    const maxAttempts = this.options.maxAttempts ?? 25;
    const claimed = await sql<{ id: string; to: string; kind: EmailKind; org: string; url: string; attempts: number }>`
      UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ${new Date(now + (this.options.leaseMs ?? 120_000))}
      WHERE id IN (
        SELECT id FROM outbox
        WHERE delivered_at IS NULL AND next_attempt_at <= ${new Date(now)} AND attempts < ${maxAttempts}
        ORDER BY next_attempt_at, id LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING id, "to", kind, org, url, attempts`.execute(this.db);
    const rows = claimed.rows;
    if (rows.length === 0) return 0;
    const slugs = [...new Set(rows.map((r) => r.org))];
    const orgs = await this.db
      .selectFrom('organizations')
      .select(['slug', 'name'])
      .where('slug', 'in', slugs)
      .execute();
    const names = new Map(orgs.map((o) => [o.slug, o.name]));
    for (const row of rows) {
      const organization = { slug: row.org, name: names.get(row.org) ?? row.org };
      const message = composeMessage(this.options.templates, row.to, row.kind, { organization, url: row.url });
      try {
        await this.options.send(message);
        await this.db
          .updateTable('outbox')
          .set({ delivered_at: new Date(this.now()), last_error: null })
          .where('id', '=', Number(row.id))
          .execute();
      } catch (error) {
        const attempts = row.attempts;
        const base = this.options.retryBaseMs ?? 5_000;
        const wait = Math.min(base * 2 ** (attempts - 1), this.options.retryMaxMs ?? 3_600_000);
        await this.db
          .updateTable('outbox')
          .set({
            next_attempt_at: new Date(this.now() + wait),
            last_error: describeError(error),
          })
          .where('id', '=', Number(row.id))
          .execute();
        this.options.onFailure?.({ to: row.to, kind: row.kind, attempts, error });
      }
    }
    return rows.length;
  }

  /** Sets a timer for the earliest message still waiting for a retry, if any. */
  private async scheduleNext(): Promise<void> {
    const next = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('delivered_at', 'is', null)
      .where('attempts', '<', this.options.maxAttempts ?? 25)
      .executeTakeFirst();
    if (next?.at) this.schedule(new Date(next.at).getTime() - this.now());
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.wake();
      },
      Math.max(0, delayMs),
    );
    this.timer.unref();
  }
}
