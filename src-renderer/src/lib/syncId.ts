// The renderer names each sync and each bulk action it starts, so it can follow that run's
// progress events and cancel it before main has answered. Main's rules: y_ (sync) or b_ (bulk)
// and 6–32 lowercase letters or digits.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

const runId = (prefix: 'y' | 'b'): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
};

export const newSyncId = (): string => runId('y');
export const newBulkId = (): string => runId('b');
