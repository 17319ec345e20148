/** An in-process SMTP server (the `smtp-server` package) that keeps what it receives and can refuse on demand. */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** While true, every message is refused with a temporary failure (451). */
  failing: boolean;
  /** While true, every recipient is refused (550), the reply quoting the address as real servers do. */
  refusingRecipients: boolean;
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const waiters: { count: number; resolve: (mail: ReceivedMail[]) => void }[] = [];
  const state: TestSmtp = {
    url: '',
    received: [],
    failing: false,
    refusingRecipients: false,
    waitFor(count) {
      if (state.received.length >= count) return Promise.resolve(state.received);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!state.refusingRecipients) {
        callback();
        return;
      }
      const refusal = `<${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`;
      callback(Object.assign(new Error(refusal), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        if (state.failing) {
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        state.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        for (const waiter of waiters.filter((w) => state.received.length >= w.count)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(state.received);
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  state.url = `smtp://127.0.0.1:${String(port)}`;
  return state;
}
