import { describe, expect, it } from 'vitest';
import { parseErrorBody, vobizError } from '../../src-main/providers/vobiz/errors';

const res = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});
const partner = { scope: 'partner' as const, baseUrl: 'https://api.vobiz.ai/api/v1/partner' };

describe('parseErrorBody reads every documented Vobiz error shape', () => {
  it('the generic envelope, with field errors and retryAfter', () => {
    const b = parseErrorBody(
      JSON.stringify({
        status: 'error',
        error: { code: 'VALIDATION_ERROR', message: 'Invalid', details: { errors: [{ field: 'phone', message: 'must be E.164' }], retryAfter: 7 } },
        requestId: 'req_1',
      }),
    );
    expect(b).toEqual({ code: 'VALIDATION_ERROR', message: 'Invalid', requestId: 'req_1', fieldErrors: [{ field: 'phone', message: 'must be E.164' }], retryAfterSeconds: 7 });
  });
  it('the credential form {error: string, code: number}', () => {
    expect(parseErrorBody('{"error":"Username already exists","code":409}')).toMatchObject({ code: 'Username already exists', message: 'Username already exists' });
  });
  it('the partner form {error, message}', () => {
    expect(parseErrorBody('{"error":"invalid_credentials","message":"The email or password you provided is incorrect."}')).toMatchObject({
      code: 'invalid_credentials',
      message: 'The email or password you provided is incorrect.',
    });
  });
  it('the KYC form {error, message, status_code}', () => {
    expect(parseErrorBody('{"error":"HTTPError","message":"wait 1799 seconds","status_code":429}')).toMatchObject({ code: 'HTTPError', message: 'wait 1799 seconds' });
  });
  it('a non-JSON body yields nothing rather than throwing', () => {
    expect(parseErrorBody('<html><body>502 Bad Gateway</body></html>')).toEqual({ fieldErrors: [] });
    expect(parseErrorBody('{"status":"err')).toEqual({ fieldErrors: [] });
  });
});

describe('vobizError gives the seed docs guidance', () => {
  it('401 says to check the auth ID and token', () => {
    const e = vobizError(res(401, { status: 'error', error: { code: 'INVALID_CREDENTIALS', message: 'bad' } }), partner);
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.message).toMatch(/did not accept this partner auth ID and token/);
    expect(e.hint).toMatch(/PA_/);
    expect(e.retryable).toBe(false);
  });
  it('401 token_expired asks to sign in again', () => {
    const e = vobizError(res(401, { error: 'token_expired', message: 'expired' }), partner);
    expect(e.message).toMatch(/expired/);
    expect(e.hint).toMatch(/Sign in again/);
  });
  it('403 names the capability when one gates the operation', () => {
    const e = vobizError(res(403, { error: 'forbidden', message: 'no' }), { ...partner, capability: 'can_create_accounts' });
    expect(e.code).toBe('FORBIDDEN');
    expect(e.hint).toMatch(/can_create_accounts/);
  });
  it('403 ACCOUNT_INACTIVE says the account is inactive', () => {
    const e = vobizError(res(403, { status: 'error', error: { code: 'ACCOUNT_INACTIVE', message: 'inactive' } }), partner);
    expect(e.message).toMatch(/inactive/);
  });
  it('404 on the outdated /partner/v1 base says which path to use', () => {
    const e = vobizError(res(404, { error: 'not_found' }), { scope: 'partner', baseUrl: 'https://api.vobiz.ai/partner/v1' });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/outdated \/partner\/v1/);
    expect(e.hint).toContain('https://api.vobiz.ai/api/v1/partner');
  });
  it('422 points at the first invalid field', () => {
    const e = vobizError(
      res(422, { status: 'error', error: { code: 'VALIDATION_ERROR', message: 'x', details: { errors: [{ field: 'password', message: 'too weak' }] } } }),
      partner,
    );
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'password', message: 'password: too weak' });
  });
  it('429 honours Retry-After in its hint and is retryable', () => {
    const e = vobizError(res(429, { status: 'error', error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow' } }, { 'retry-after': '12' }), partner);
    expect(e).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterSeconds: 12 });
    expect(e.hint).toMatch(/12 s/);
  });
  it('5xx with an HTML body is UPSTREAM, retryable, and does not echo the page', () => {
    const e = vobizError(res(502, '<html>Bad Gateway from proxy</html>'), partner);
    expect(e).toMatchObject({ code: 'UPSTREAM', retryable: true, status: 502 });
    expect(e.message).not.toMatch(/html/i);
  });
});
