/**
 * New invitations and outbox messages, held back within a transaction and written in multi-row INSERTs: inviting
 * 100 addresses then costs three statements instead of three hundred round trips. Reads that could see them
 * (any invitation or code query, the outbox list) flush first, and the transaction flushes before it commits,
 * so the transaction still reads its own writes and a constraint still fires inside it (as a conflict).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type InvitationRecord, invitationRow, messageRow, toDate } from './rows.js';
import type { OutboxMessage } from '@invitekit/engine';

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

export class WriteBuffer {
  private invitations: { org: string; invitation: InvitationRecord }[] = [];
  private messages: OutboxMessage[] = [];

  constructor(private readonly db: Kysely<Database>) {}

  addInvitation(org: string, invitation: InvitationRecord): void {
    this.invitations.push({ org, invitation: { ...invitation, replacedCodes: [...invitation.replacedCodes] } });
  }

  addMessage(message: OutboxMessage): void {
    this.messages.push({ ...message });
  }

  /** Drops what is held (everything is about to be replaced). */
  discard(): void {
    this.invitations = [];
    this.messages = [];
  }

  async flushInvitations(): Promise<void> {
    const held = this.invitations;
    if (held.length === 0) return;
    this.invitations = [];
    const rows = held.map(({ org, invitation }) => invitationRow(org, invitation));
    const codes = held.flatMap(({ invitation: inv }) => [
      ...inv.replacedCodes.map((c) => ({
        code: c.code,
        invitation_id: inv.id,
        replaced_expires_at: toDate(c.expiresAt),
      })),
      { code: inv.code, invitation_id: inv.id, replaced_expires_at: null },
    ]);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('invitations')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < codes.length; i += CHUNK) {
      await this.db
        .insertInto('invitation_codes')
        .values(codes.slice(i, i + CHUNK))
        .execute();
    }
  }

  async flushMessages(): Promise<void> {
    const held = this.messages;
    if (held.length === 0) return;
    this.messages = [];
    for (let i = 0; i < held.length; i += CHUNK) {
      await this.db
        .insertInto('outbox')
        .values(held.slice(i, i + CHUNK).map(messageRow))
        .execute();
    }
  }

  async flush(): Promise<void> {
    await this.flushInvitations();
    await this.flushMessages();
  }
}
