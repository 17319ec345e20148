import type { ReactiveControllerHost } from 'lit';

export interface ActionsOptions {
  /** The words for a failure, said in the live region. */
  describeFailure(error: unknown): string;
  /** What else a failure does: tell the host, reload stale data. */
  onFailure(error: unknown): void;
}

/**
 * The actions of an admin element: one action per key at a time (a double click acts once), and each outcome or
 * failure said in the element's polite live region. The element renders `message` in its `role="status"` region.
 */
export class ActionsController {
  /** What the live region says now. */
  message = '';
  private readonly busy = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ActionsOptions,
  ) {}

  /** Says `message` in the live region. */
  async announce(message: string): Promise<void> {
    // Clearing first makes a screen reader repeat a message identical to the last one.
    this.message = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.message = message;
    this.host.requestUpdate();
  }

  /** Runs `action` unless one with the same `key` is under way; a failure is announced and handed on. */
  async run(key: string, action: () => Promise<void>): Promise<void> {
    if (this.busy.has(key)) return;
    this.busy.add(key);
    try {
      await action();
    } catch (error) {
      this.options.onFailure(error);
      await this.announce(this.options.describeFailure(error));
    } finally {
      this.busy.delete(key);
    }
  }
}
