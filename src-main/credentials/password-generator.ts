// SIP passwords that satisfy every rule at once (contract.ts SipPassword: 8–20 characters from
// letters, digits and ~!@#$%^&*()_+, at least one special, one letter, one digit), from the OS CSPRNG.
import { randomInt } from 'node:crypto';
import { SIP_PASSWORD_SPECIALS, SipPassword } from '../../src-preload/contract';

const LOWER = 'abcdefghijkmnpqrstuvwxyz'; // no l: easier to read aloud and retype
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O
const DIGITS = '23456789'; // no 0 or 1
const ALL = LOWER + UPPER + DIGITS + SIP_PASSWORD_SPECIALS;

export function generateSipPassword(length = 16): string {
  const n = Math.min(20, Math.max(12, length));
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SIP_PASSWORD_SPECIALS)];
  while (chars.length < n) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  // The rules are the contract's; a generator that broke them would be a bug worth failing on.
  return SipPassword.parse(chars.join(''));
}
