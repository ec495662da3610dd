// A provider that answers with only a code ("20050") must not have that code shown as the
// message: the admin reads one of our sentences, and the code after it as a labelled reference.
import { describe, expect, it } from 'vitest';
import { isBareCode, serverSaid, serverSentence } from '../../src-main/net/server-text';
import { vobizError } from '../../src-main/providers/vobiz/errors';
import { vocobaseError } from '../../src-main/providers/vocobase/errors';
import { voipbinError } from '../../src-main/providers/voipbin/errors';

const res = (status: number, body: unknown) => ({ status, headers: {}, text: typeof body === 'string' ? body : JSON.stringify(body) });
const vobizPartner = { scope: 'partner' as const, baseUrl: 'https://api.vobiz.ai/api/v1/partner' };

/** The message reads as words (not a code alone) and carries the code only as "Error code …". */
function expectLabelled(message: string, code: string) {
  expect(message.trim()).not.toBe(code);
  expect(message).toMatch(/^[A-Z][A-Za-z]+:? .*[a-z].*\./); // a sentence of ours comes first
  expect(message).toContain(`Error code ${code}.`);
  expect(message.replace(`Error code ${code}`, '')).not.toContain(code); // and nowhere bare
}

describe('isBareCode tells codes from words', () => {
  it.each(['20050', '"20050"', 'E1042', 'ERR-42', 'QUOTA_EXCEEDED', 'limit.reached.7'])('%s is a code', (s) => expect(isBareCode(s)).toBe(true));
  it.each(['Forbidden', 'Username already exists', 'Invalid phone number 123', 'HTTPError', ''])('%s is words', (s) => expect(isBareCode(s)).toBe(false));
  it('quotes words and labels codes', () => {
    expect(serverSaid('Vobiz', 'No such account')).toBe(' Vobiz said: “No such account”');
    expect(serverSaid('Vobiz', '20050')).toBe(' Error code 20050.');
    expect(serverSaid('Vobiz', undefined)).toBe('');
    expect(serverSentence('20050', 'Vobiz rejected the values sent.')).toBe('Vobiz rejected the values sent. Error code 20050.');
    expect(serverSentence('Email already used', 'Vobiz rejected the values sent.')).toBe('Email already used');
  });
});

describe('every provider’s error mapper', () => {
  it('Vobiz: a 400 whose body is only {"error":"20050"}', () => {
    const e = vobizError(res(400, { error: '20050' }), vobizPartner);
    expectLabelled(e.message, '20050');
    expect(e.message).toBe('Vobiz rejected the values sent. Error code 20050.');
  });
  it('Vobiz: a field error whose message is a code, a 409 and a 403 that say only a code', () => {
    const field = vobizError(res(422, { error: { code: 'VALIDATION_ERROR', message: 'x', details: { errors: [{ field: 'phone', message: '20050' }] } } }), vobizPartner);
    expect(field.message).toBe('phone: Vobiz did not accept this value. Error code 20050.');
    expectLabelled(vobizError(res(409, { message: '20050' }), vobizPartner).message, '20050');
    expectLabelled(vobizError(res(403, { error: { code: 'X', message: '20050' } }), vobizPartner).message, '20050');
  });
  it('VoIPBIN: validation, conflict and permission answers that carry only a code', () => {
    const body = (reason: string) => ({ error: { status: 'x', reason, message: '20050' } });
    expectLabelled(voipbinError(res(400, body('INVALID_ARGUMENT')), { auth: 'jwt' }).message, '20050');
    expectLabelled(voipbinError(res(409, body('ALREADY_EXISTS')), { auth: 'jwt' }).message, '20050');
    expectLabelled(voipbinError(res(403, body('SOMETHING_NEW')), { auth: 'jwt' }).message, '20050');
  });
  it('Vocobase: a validation error and an unnamed one that carry only a code', () => {
    expectLabelled(vocobaseError(res(400, { success: false, error: { code: 'VALIDATION_ERROR', message: '20050' } })).message, '20050');
    expectLabelled(vocobaseError(res(409, { success: false, error: { code: 'CONFLICT', message: '20050' } })).message, '20050');
  });
  it('words from the server are still quoted as they were', () => {
    expect(vobizError(res(403, { error: { code: 'X', message: 'Not allowed here' } }), vobizPartner).message).toContain('Vobiz said: “Not allowed here”');
    expect(vobizError(res(400, { error: 'bad', message: 'Phone must be E.164' }), vobizPartner).message).toBe('Phone must be E.164');
  });
});
