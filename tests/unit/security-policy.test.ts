import { describe, expect, it } from 'vitest';
import { isSafeBaseUrl } from '../../src-preload/contract';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl } from '../../src-main/security';

describe('external links', () => {
  it.each([
    ['https://vobiz.ai/docs/partner/api', true],
    ['https://docs.vobiz.ai/errors', true],
    ['https://vobiz.ai.evil.example/', false],
    ['http://vobiz.ai/docs', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
  ])('%s allowed: %s', (url, ok) => expect(isAllowedExternalUrl(url)).toBe(ok));
});

describe('base URLs (tokens travel in headers)', () => {
  it.each([
    ['https://api.vobiz.ai/api/v1/partner', true],
    ['http://127.0.0.1:8787/api/v1/partner', true],
    ['http://localhost:8787/api/v1/partner', true],
    ['http://api.vobiz.ai/api/v1/partner', false],
    ['http://10.0.0.5/api/v1/partner', false],
    ['ftp://api.vobiz.ai/', false],
    ['not a url', false],
  ])('%s safe: %s', (url, ok) => expect(isSafeBaseUrl(url)).toBe(ok));
});

describe('CSP', () => {
  it('gives the renderer no network and no inline or eval script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
  });
});
