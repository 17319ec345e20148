import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';

/**
 * Cancels an element's loads when it leaves the page: every `@lit/task` under way is aborted (its `signal`, which
 * the task hands to the SDK, cancels the request), so no answer lands, no event fires and nothing is reported
 * after removal. A task cut short this way runs again when the element comes back (a move in the DOM), instead
 * of showing the abort as a failure. Use it as a field after the tasks:
 *
 * ```ts
 * private readonly loads = new LoadsController(this, () => [this.requests, this.settings]);
 * ```
 *
 * The tasks' `onError` should ignore aborts (`isAbort`, failure.ts), as they do for a newer load replacing one.
 */
export class LoadsController implements ReactiveController {
  private interrupted: Task[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly tasks: () => Task[],
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.interrupted = this.tasks().filter((task) => task.status === TaskStatus.PENDING);
    for (const task of this.interrupted) task.abort();
  }

  hostConnected(): void {
    const again = this.interrupted;
    this.interrupted = [];
    for (const task of again) void task.run();
  }
}
