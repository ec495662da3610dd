// The renderer names each sync it starts, so it can follow that sync's progress events and cancel
// it before main has answered. Main's rule: y_ and 6–32 lowercase letters or digits.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newSyncId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `y_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}
