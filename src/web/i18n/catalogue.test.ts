import { describe, expect, it, vi } from 'vitest';
import { de as deCore } from './de';
import { en } from './en';
import { deModules } from './modules-de';

// The whole German catalogue: the entry bundle's part and the work programme's chunk.
const de = { ...deCore, ...deModules };

/** Every key path of a catalogue, e.g. `meetings.invitations.send`. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );
}

describe('message catalogues', () => {
  it('have the same keys in German and English, so no English page shows a missing text', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('have no empty text', () => {
    const empty = (tree: object) =>
      keys(tree).filter(
        (k) => k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], tree) === '',
      );
    expect(empty(de)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('keep each feature in its own file: no key is defined twice across files', () => {
    const files = import.meta.glob<Record<string, object>>(['./de/*.ts', '!./de/index.ts'], {
      eager: true,
    });
    const seen = new Map<string, string>();
    for (const [file, mod] of Object.entries(files)) {
      for (const part of Object.values(mod)) {
        for (const top of Object.keys(part)) {
          expect(seen.get(top), `${top} in ${file} and ${seen.get(top)}`).toBeUndefined();
          seen.set(top, file);
        }
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(de).sort());
  });
});

describe('errorText', () => {
  it('says how long to wait after too many attempts, as the server counted it', async () => {
    // The catalogue module sets the page language on load; this test runs outside a browser.
    vi.stubGlobal('document', { documentElement: {} });
    const { errorText } = await import('./index');
    const { ApiError } = await import('../lib/api');
    const limited = (details?: unknown) => new ApiError(429, 'rate_limited', 'Zu viele …', 'r1', details);
    expect(errorText(limited({ retryAfterMinutes: 8 }))).toBe(
      'Zu viele Versuche in kurzer Zeit. Bitte versuchen Sie es in 8 Minuten erneut.',
    );
    expect(errorText(limited({ retryAfterMinutes: 1 }))).toBe(
      'Zu viele Versuche in kurzer Zeit. Bitte versuchen Sie es in einer Minute erneut.',
    );
    expect(errorText(limited())).toContain('in einer Minute');
  });
});
