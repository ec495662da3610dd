// The IPC router's guarantees, which electronegativity cannot see: sender check before any
// handler, input and output parsing, and typed results for every failure.
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../src-main/ipc/router';
import type { IpcSenderInfo } from '../../src-main/ipc/trusted-sender';
import { AppError } from '../../src-main/net/errors';

const ORIGIN = 'app://trunkdesk';
const policy = { origins: [ORIGIN], isOurWebContents: (id: number) => id === 7 };
const ours: IpcSenderInfo = { sender: { id: 7 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: null } };

const profileList = { profiles: [], activeId: null };
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const reject = () => Promise.reject(new Error('not in this test'));
  return {
    listProfiles: vi.fn(async () => profileList),
    addProfile: reject,
    switchProfile: reject,
    renameProfile: reject,
    rotateProfileToken: reject,
    removeProfile: reject,
    getPartner: reject,
    ...overrides,
  } as Handlers;
}

describe('IPC sender check', () => {
  it('answers our window main frame', async () => {
    const h = handlers();
    const r = await createDispatcher(h, policy)('trunkdesk:listProfiles', ours, {});
    expect(r).toEqual({ ok: true, value: profileList });
  });

  it.each([
    ['a foreign origin', { sender: { id: 7 }, senderFrame: { url: 'https://evil.example/x', parent: null } }],
    ['a subframe', { sender: { id: 7 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: {} } }],
    ['another webContents', { sender: { id: 8 }, senderFrame: { url: `${ORIGIN}/index.html`, parent: null } }],
    ['no frame', { sender: { id: 7 }, senderFrame: null }],
    ['a file:// page', { sender: { id: 7 }, senderFrame: { url: 'file:///etc/passwd', parent: null } }],
  ])('drops %s before any handler runs', async (_name, event) => {
    const h = handlers();
    const r = await createDispatcher(h, policy)('trunkdesk:listProfiles', event as IpcSenderInfo, {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
    expect(h.listProfiles).not.toHaveBeenCalled();
  });
});

describe('IPC parsing', () => {
  it('an unknown channel is a typed error', async () => {
    const r = await createDispatcher(handlers(), policy)('trunkdesk:readFile', ours, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Unknown request.' } });
  });

  it('malformed input never reaches the handler and names the field', async () => {
    const add = vi.fn();
    const r = await createDispatcher(handlers({ addProfile: add }), policy)('trunkdesk:addProfile', ours, {
      displayName: 'x',
      authId: 'MA_NOTPARTNER',
      token: 'abcdefghij',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'authId' } });
    expect(add).not.toHaveBeenCalled();
  });

  it('an input zod throws on (a `length` that will not convert) is a VALIDATION answer, not a rejected call', async () => {
    const r = await createDispatcher(handlers(), policy)('trunkdesk:renameProfile', ours, { id: 'p_0123456789ab', displayName: { length: Object.create(null) } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('unknown input keys are rejected (strict schemas)', async () => {
    const r = await createDispatcher(handlers(), policy)('trunkdesk:listProfiles', ours, { sneaky: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('an output that is not a valid DTO (e.g. carrying a token) is never sent', async () => {
    const leaky = handlers({
      listProfiles: async () =>
        ({
          profiles: [
            { id: 'p_0123456789ab', displayName: 'A', provider: 'vobiz', authId: 'PA_X1', baseUrl: 'u', createdAt: 'c', tokenState: 'stored', token: 'SECRET-CANARY' },
          ],
          activeId: null,
        }) as never,
    });
    const r = await createDispatcher(leaky, policy)('trunkdesk:listProfiles', ours, {});
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('SECRET-CANARY');
    if (!r.ok) expect(r.error.code).toBe('INTERNAL');
  });

  it('an AppError keeps its words; any other error is not echoed', async () => {
    const d1 = createDispatcher(handlers({ listProfiles: async () => Promise.reject(new AppError('OFFLINE', 'Could not reach x.', { hint: 'Check.' })) }), policy);
    expect(await d1('trunkdesk:listProfiles', ours, {})).toEqual({
      ok: false,
      error: { code: 'OFFLINE', message: 'Could not reach x.', hint: 'Check.', retryable: true },
    });
    const d2 = createDispatcher(handlers({ listProfiles: async () => Promise.reject(new Error('token=abc123 at /home/u')) }), policy);
    const r2 = await d2('trunkdesk:listProfiles', ours, {});
    expect(JSON.stringify(r2)).not.toContain('abc123');
    expect(r2).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
