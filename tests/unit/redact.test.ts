import { describe, expect, it } from 'vitest';
import { redact, rememberSecret } from '../../src-main/net/redact';

describe('redact', () => {
  it('scrubs auth headers, query tokens, JSON token fields and JWTs', () => {
    const line = redact(
      'X-Auth-Token: s3cr3t-value Authorization: Bearer abc.def.ghi url=/x?token=tok123&accesskey=ak456 plain token=tok789 {"auth_token":"MA_tok","password":"pw"} eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz',
    );
    for (const secret of ['s3cr3t-value', 'abc.def.ghi', 'tok123', 'ak456', 'tok789', 'MA_tok', '"pw"', 'eyJhbGciOiJIUzI1NiJ9']) {
      expect(line).not.toContain(secret);
    }
  });
  it('scrubs a remembered secret wherever it appears', () => {
    rememberSecret('canary-9f8e7d6c');
    expect(redact('failed: canary-9f8e7d6c in path /x/canary-9f8e7d6c')).toBe('failed: [redacted] in path /x/[redacted]');
  });
});
