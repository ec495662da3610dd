// Vobiz has two credential scopes (seed 001): partner credentials work only on /api/v1/partner/*,
// a customer's own credentials only on /api/v1/Account/{auth_id}/*. The types make the wrong
// pairing impossible: a partner client accepts only PartnerAuth, a customer client only CustomerAuth.

export type PartnerAuth =
  | { readonly scope: 'partner'; readonly kind: 'token'; readonly authId: string; readonly token: string }
  | { readonly scope: 'partner'; readonly kind: 'jwt'; readonly accessToken: string };

export type CustomerAuth = { readonly scope: 'customer'; readonly authId: string; readonly token: string };

export const partnerTokenAuth = (authId: string, token: string): PartnerAuth => ({ scope: 'partner', kind: 'token', authId, token });

export function authHeaders(auth: PartnerAuth | CustomerAuth): Record<string, string> {
  if (auth.scope === 'partner' && auth.kind === 'jwt') return { authorization: `Bearer ${auth.accessToken}` };
  return { 'x-auth-id': auth.authId, 'x-auth-token': auth.token };
}
