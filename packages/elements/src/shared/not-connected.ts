/**
 * A client the kit made by itself (no `client` given to the element or to `<invitekit-provider>`, only `base-url`,
 * `/api` by default) that has nothing to talk to: no organization, or no invitekit API at its `base-url`. Its
 * failures become a {@link NotConnectedError}, which the elements show as one plain sentence ("not connected") and
 * report once on the console with what is missing and how to fix it, instead of "try again in a moment".
 */
import { isApiError, isInvitekitError } from '@invitekit/sdk/errors';

export class NotConnectedError extends Error {
  override readonly name = 'NotConnectedError';
}

/** What is missing, when `error` (from a kit-made client for `baseUrl`) means there is nothing to talk to. */
function missing(error: unknown, baseUrl: string): string | undefined {
  if (error instanceof TypeError && error.message.startsWith('invitekit: no organization')) {
    return `no organization (its client for base-url "${baseUrl}" was made without one)`;
  }
  // A 404 or 405 without a problem+json body: a page or a framework's router answered, not an invitekit API.
  if (
    isApiError(error) &&
    (error.status === 404 || error.status === 405) &&
    /^The server answered/.test(error.detail)
  ) {
    return `no invitekit API at base-url "${baseUrl}" (it answered ${error.status}, not with a problem+json body)`;
  }
  if (isInvitekitError(error) && error.kind === 'response_validation' && /not JSON/.test(error.message)) {
    return `no invitekit API at base-url "${baseUrl}" (its answer is not JSON)`;
  }
  return undefined;
}

const FIX =
  'Give <invitekit-provider> (or the element) a `client` property, or set `base-url` and `organization` to your ' +
  'invitekit API. In React with server rendering (Next.js), properties set on plain tags are lost at hydration: ' +
  'use the components of @invitekit/elements/react.';

/** `promise`, its "nothing to talk to" failures turned into a NotConnectedError that says what to fix. */
async function translated<T>(promise: Promise<T>, baseUrl: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const what = missing(error, baseUrl);
    if (what === undefined) throw error;
    throw new NotConnectedError(
      `has no client connected to an invitekit API: no \`client\` was given to it or to <invitekit-provider>, and ` +
        `the one the kit made has ${what}. ${FIX}`,
      { cause: error },
    );
  }
}

/**
 * `client` (made by the kit for `baseUrl`) with every call's failure translated: each namespace
 * (`client.invitations`) and each of its methods is wrapped on access; other values pass through.
 */
export function kitMadeClient<C extends object>(client: C, baseUrl: string): C {
  const wrapCalls = (target: object): object =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            let result: unknown;
            try {
              result = Reflect.apply(value, object, args);
            } catch (error) {
              // A call that throws before its request (no organization) fails as the loads await it: rejected.
              return translated(Promise.reject(error as Error), baseUrl);
            }
            return result instanceof Promise ? translated(result, baseUrl) : result;
          };
        }
        return typeof value === 'object' && value !== null ? wrapCalls(value) : value;
      },
    });
  return wrapCalls(client) as C;
}
