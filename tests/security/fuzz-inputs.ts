// The arbitraries of the IPC fuzz (issue 10): hostile values of every kind a renderer could send,
// and inputs that are valid-shaped (a valid base object of the channel mutated field by field) so
// the handlers themselves run, not only the parser. Pure: no I/O, no app.
import fc from 'fast-check';

/** One megabyte, a few flavours; built once (a 1 MB string per input would dominate the run). */
const MB = 1024 * 1024;
const BIG_STRINGS = ['a'.repeat(MB), '../'.repeat(MB / 3), '\u202e'.repeat(MB / 2), 'p_' + '0'.repeat(MB)];

export const TRAVERSALS = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e/%2e%2e/etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\System32',
  '..',
  '.',
  'MA_X/../../../tmp/x',
  'p_aaaaaaaaaa/../..',
  'f_0123456789abcdef/../../x',
];
export const CONTROLS = ['\u0000', '\u202e', '\u2066', '\u200f', '\u001b[31m', '\r\n', '\u0085', '\ufeff', 'a\u0000b', 'name\u202etxt.exe'];
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];
export const NUMBERS = [NaN, -1, -0, 0, 1.5, -1e308, 1e308, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 1e21];

/** Strings that carry the trap server's URL in every form an url-looking field might take. */
export function trapStrings(trapUrl: string): string[] {
  const host = new URL(trapUrl).host;
  return [trapUrl, `${trapUrl}/x`, `//${host}/x`, host, `${host}.trunk.voipbin.net`, `https://${host}`, `x@${host}`, `${trapUrl}?token=1`];
}

export function hostileString(trapUrl: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 60, arbitrary: fc.constantFrom(...TRAVERSALS) },
    { weight: 50, arbitrary: fc.constantFrom(...CONTROLS).chain((c) => fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}${c}${b}`)) },
    { weight: 40, arbitrary: fc.constantFrom(...trapStrings(trapUrl)) },
    { weight: 30, arbitrary: fc.constantFrom(...POLLUTING_KEYS) },
    { weight: 30, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 10, arbitrary: fc.constantFrom('', ' ', '   \t', 'null', 'undefined', 'NaN', '{}', '[]', '<script>alert(1)</script>', "' OR 1=1 --", '${7*7}', '%s%n%x') },
    // ~1 in 80 hostile strings is a megabyte: a few per channel in 500 runs, not hundreds.
    { weight: 3, arbitrary: fc.constantFrom(...BIG_STRINGS) },
  );
}

/** An object whose own keys include __proto__ / constructor (as JSON.parse makes them: own keys, not the prototype). */
export function pollutingObject(trapUrl: string): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.constantFrom(...POLLUTING_KEYS), fc.oneof(fc.constant({ polluted: true, isAdmin: true }), hostileString(trapUrl), fc.integer()))
    .map(([k, v]) => JSON.parse(JSON.stringify({ [k === '__proto__' ? '__PROTO__' : k]: v }).replace('__PROTO__', '__proto__')) as Record<string, unknown>);
}

/** Any value of the wrong kind: scalars, NaN, huge numbers, arrays, nested junk. */
export function junk(trapUrl: string): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: hostileString(trapUrl) },
    { weight: 3, arbitrary: fc.constantFrom<unknown>(...NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, 0n as unknown) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
  );
  return fc.oneof(
    { weight: 6, arbitrary: leaf },
    { weight: 2, arbitrary: fc.array(leaf, { maxLength: 5 }) },
    { weight: 2, arbitrary: pollutingObject(trapUrl) },
    { weight: 1, arbitrary: fc.dictionary(hostileString(trapUrl), leaf, { maxKeys: 4 }) },
    {
      weight: 1,
      // Odd objects: a huge or unconvertible `length` (zod runs length checks on anything with one),
      // null prototypes, a Date, deep nesting.
      arbitrary: fc.constantFrom<unknown>(new Date(0), [[[[[]]]]], { length: 1e9 }, { length: Object.create(null) }, Object.create(null), { length: -1, 0: 'x' }),
    },
  );
}

type Mutation =
  | { op: 'keep' }
  | { op: 'delete'; key: number }
  | { op: 'replace'; key: number; value: unknown }
  | { op: 'nested'; key: number; value: unknown }
  | { op: 'extra'; name: string; value: unknown };

/**
 * A valid base object of the channel, then up to two mutations, each a field at a time: kept,
 * deleted, replaced by junk, replaced inside a nested object, or joined by an extra (often
 * polluting) key. `keep` dominates so that a good share of calls reach the handlers.
 */
export function mutatedValid(bases: readonly Record<string, unknown>[], trapUrl: string, keepKeys: readonly string[] = []): fc.Arbitrary<unknown> {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 5, arbitrary: fc.constant({ op: 'keep' as const }) },
    { weight: 2, arbitrary: fc.nat().map((key) => ({ op: 'delete' as const, key })) },
    { weight: 4, arbitrary: fc.tuple(fc.nat(), junk(trapUrl)).map(([key, value]) => ({ op: 'replace' as const, key, value })) },
    { weight: 1, arbitrary: fc.tuple(fc.nat(), junk(trapUrl)).map(([key, value]) => ({ op: 'nested' as const, key, value })) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 12 })), junk(trapUrl)).map(([name, value]) => ({ op: 'extra' as const, name, value })) },
  );
  return fc.tuple(fc.nat({ max: Math.max(0, bases.length - 1) }), fc.array(mutation, { minLength: 1, maxLength: 2 })).map(([i, ms]) => {
    let v: Record<string, unknown> = structuredClone(bases[i] ?? {});
    for (const m of ms) v = apply(v, m, keepKeys);
    return v;
  });
}

function apply(v: Record<string, unknown>, m: Mutation, keepKeys: readonly string[]): Record<string, unknown> {
  const keys = Object.keys(v).filter((k) => !keepKeys.includes(k));
  const pick = (n: number) => keys[n % Math.max(1, keys.length)];
  switch (m.op) {
    case 'keep':
      return v;
    case 'delete': {
      const k = pick(m.key);
      if (k !== undefined) delete v[k];
      return v;
    }
    case 'replace': {
      const k = pick(m.key);
      if (k !== undefined) v[k] = m.value;
      return v;
    }
    case 'nested': {
      const k = pick(m.key);
      const inner = k !== undefined ? v[k] : undefined;
      if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
        const ik = Object.keys(inner);
        if (ik.length) (inner as Record<string, unknown>)[ik[m.key % ik.length]!] = m.value;
      } else if (Array.isArray(inner) && inner.length) inner[m.key % inner.length] = m.value;
      else if (k !== undefined) v[k] = m.value;
      return v;
    }
    case 'extra':
      // defineProperty: an own key even when it is "__proto__", as JSON over IPC would deliver it.
      Object.defineProperty(v, m.name, { value: m.value, enumerable: true, configurable: true, writable: true });
      return v;
  }
}

/** A channel's inputs: mostly valid-shaped mutations, then whole junk and polluting objects. */
export function channelInput(bases: readonly Record<string, unknown>[], trapUrl: string, keepKeys: readonly string[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedValid(bases, trapUrl, keepKeys) },
    { weight: 2, arbitrary: junk(trapUrl) },
    { weight: 1, arbitrary: pollutingObject(trapUrl) },
  );
}
