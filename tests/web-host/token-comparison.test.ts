// The host's token comparison runs in constant time: every presented value, whatever its length, goes
// through crypto.timingSafeEqual on equal-length digests, with no early return.
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

const spy = vi.hoisted(() => ({ calls: [] as [number, number][] }));

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return {
    ...original,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      spy.calls.push([a.byteLength, b.byteLength]);
      return original.timingSafeEqual(a, b);
    },
  };
});

const { sameToken } = await import('../../src/web-host/web-host');

describe('sameToken', () => {
  const token = 'a3f9c2d4e5b6a7980102030405060708090a0b0c0d0e0f10';

  it('accepts only the exact token', () => {
    expect(sameToken(token, token)).toBe(true);
    for (const given of [
      '',
      'a',
      token.slice(0, -1),
      `${token}0`,
      token.toUpperCase(),
      `${token.slice(0, -1)}1`,
    ]) {
      expect(sameToken(given, token), given).toBe(false);
    }
    expect(sameToken(undefined, token)).toBe(false);
  });

  it('compares equal-length digests with timingSafeEqual for every length of input', () => {
    spy.calls.length = 0;
    const inputs = ['', 'x', token.slice(0, 10), token, `${token}${token}`, 'é'.repeat(40)];
    for (const given of inputs) sameToken(given, token);
    expect(spy.calls).toHaveLength(inputs.length);
    for (const [a, b] of spy.calls) {
      expect(a).toBe(32);
      expect(b).toBe(32);
    }
  });
});
