/**
 * What every engine operation gets: the store transaction it reads and writes through, the moment it happens
 * (read once, so one operation sees one instant), a random source, and where invitation links point.
 */
import type { ControlsTx, StoreTx } from './store.js';

/** Fills `bytes` with random values; `crypto.getRandomValues` unless a test injects its own. */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => void;

export interface Ctx {
  tx: StoreTx;
  /** The test controls' side of the transaction: present on the mock and under test controls only. */
  controls?: ControlsTx;
  /** Epoch milliseconds: real time, or the controls' moved clock. */
  now: number;
  random: RandomSource;
  /** Invitation links are `${acceptUrl}?code=<code>`. */
  acceptUrl: string;
}

export const cryptoRandom: RandomSource = (bytes) => {
  globalThis.crypto.getRandomValues(bytes);
};

/** A deterministic random source for tests: a xorshift stream from `seed`. Never for real codes. */
export function seededRandom(seed = 1): RandomSource {
  let x = seed >>> 0 || 1;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      bytes[i] = x & 0xff;
    }
  };
}

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of {@link base64url}; throws on malformed input. */
export function fromBase64url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** An invitation code: 192 random bits (≥ 128 required), base64url, 32 characters. */
export function newCode(random: RandomSource): string {
  const bytes = new Uint8Array(24);
  random(bytes);
  return base64url(bytes);
}

/** An opaque id such as `inv_3f9c1a0b7d2e4c58`. */
export function newId(random: RandomSource, prefix: string): string {
  const bytes = new Uint8Array(8);
  random(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function linkFor(ctx: Ctx, code: string): string {
  const url = new URL(ctx.acceptUrl);
  url.searchParams.set('code', code);
  return url.toString();
}
