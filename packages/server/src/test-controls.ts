/**
 * With `testControls`, the `/__mock/faults` setting applies to the API as on the mock: each `/api` answer waits
 * `latencyMs`, and fails with `unavailable` at `failureRate`. Read from the database on every request, so all
 * processes sharing it inject the same faults.
 */
import type { ControlledEngine } from '@invitekit/engine';
import { problem } from '@invitekit/engine/http';

export function faultsIntercept(engine: ControlledEngine): (request: Request) => Promise<Response | undefined> {
  return async () => {
    const faults = await engine.faults();
    if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
    if (faults.failureRate > 0 && Math.random() < faults.failureRate) {
      return problem('unavailable', 'An injected fault (/__mock/faults): try again.', {
        headers: { 'Retry-After': '1' },
      });
    }
    return undefined;
  };
}
