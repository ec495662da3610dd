// A VoIPBIN profile is one customer: GET /v1.0/customer says which (admin and manager logins,
// and access keys, which act as admin). An agent login gets 403 PERMISSION_DENIED there; GET /me
// then tells who signed in, so the admin learns why extensions are out of reach.
import { AppError } from '../../net/errors';
import { rememberSecret } from '../../net/scrub';
import { NO_PARTNER_FIELDS, type Account, type PartnerProfile } from '../provider';
import { reasonOf } from './errors';
import { AgentBody, CustomerBody } from './schemas';
import type { Connection } from './session';
import { parseVoipbinTime } from './time';
import { voipbinCall } from './transport';

export async function fetchCustomer(conn: Connection, signal?: AbortSignal): Promise<CustomerBody> {
  let c: CustomerBody;
  try {
    c = await voipbinCall(conn, { method: 'GET', path: '/customer', signal, what: 'the customer profile', schema: CustomerBody });
  } catch (e) {
    if (conn.creds.kind === 'login' && e instanceof AppError && reasonOf(e) === 'PERMISSION_DENIED') throw await asAgent(conn, e, signal);
    throw e;
  }
  rememberSecret(c.webhook_secret);
  return c;
}

/** The login could not read /customer: if it is an agent's, say so; otherwise the first error stands. */
async function asAgent(conn: Connection, denied: AppError, signal?: AbortSignal): Promise<AppError> {
  let agent: AgentBody;
  try {
    agent = await voipbinCall(conn, { method: 'GET', path: '/me', signal, what: 'the agent profile', schema: AgentBody });
  } catch {
    return denied;
  }
  const who = agent.username || agent.name || 'this user';
  return new AppError('FORBIDDEN', `“${who.slice(0, 120)}” is a VoIPBIN agent login: it can sign in, but extensions and trunks need admin or manager permission.`, {
    hint: 'Ask the VoIPBIN account owner for an admin or manager login (or an access key, which acts as admin), and use that for this profile.',
    status: 403,
  });
}

export function customerToProfile(c: CustomerBody): PartnerProfile {
  return {
    ...NO_PARTNER_FIELDS,
    id: c.id,
    name: c.name || c.email || c.id,
    authId: c.id,
    email: c.email,
    phone: c.phone_number,
    isActive: c.status === 'active',
    isVerified: c.identity_verification_status === 'verified',
    createdAt: parseVoipbinTime(c.tm_create),
    updatedAt: parseVoipbinTime(c.tm_update),
  };
}

export function customerToAccount(c: CustomerBody): Account {
  return {
    id: c.id,
    name: c.name || c.email || c.id,
    email: c.email,
    phone: c.phone_number,
    company: null,
    country: null,
    isActive: c.status === 'active',
    balance: null,
    createdAt: parseVoipbinTime(c.tm_create),
    token: null,
  };
}
