/** Shared by the adapter tests: a mock with a frozen real clock, and requests resolved by MSW's `getResponse`. */
import assert from 'node:assert/strict';
import type { Problem } from '@invitekit/sdk';
import { getResponse } from 'msw';
import { createMock } from '../src/index.js';

/** The JSON of an answer as the type the caller names (a problem unless told otherwise). */
export async function jsonOf<T = Problem>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

export const T0 = Date.parse('2030-01-01T00:00:00.000Z');
export const ADMIN_HEADERS = { authorization: 'Bearer acme-admin' };

export function harness(options: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ realNow: () => T0, acceptUrl: 'https://app.test/redeem/', ...options });
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
    const request = new Request(new URL(path, 'http://any-origin.test'), {
      method,
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(body !== undefined ? { body } : {}),
    });
    const response = await getResponse(mock.handlers, request);
    assert.ok(response, `${method} ${path} was not handled`);
    return response;
  };
  return { mock, call };
}
