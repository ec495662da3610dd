// Edits made outside Trunkdesk (in the Vobiz Console), for change-report tests: one credential
// added, one removed, one enabled, one disabled, one given a new password (updated_at moves).
// Returns the usernames of each, for the test to expect in the next sync's report.
import { invalidateCredentialIndex } from './credential-index';
import type { Simulator } from './server';

export function editInConsole(sim: Simulator, accountId: string, addUsername: string): { added: string; removed: string; enabled: string; disabled: string; passwordChanged: string } {
  const creds = sim.state.credentials.filter((c) => c.accountId === accountId);
  const on = creds.filter((c) => c.enabled);
  const [toDisable, toRotate, toRemove] = [on[0]!, on[1]!, on[2]!];
  const toEnable = creds.find((c) => !c.enabled)!;
  const now = new Date();
  toDisable.enabled = false;
  toDisable.updatedAt = now.toISOString();
  toEnable.enabled = true;
  toEnable.updatedAt = now.toISOString();
  toRotate.updatedAt = new Date(now.getTime() + 1000).toISOString();
  sim.state.credentials.splice(sim.state.credentials.indexOf(toRemove), 1);
  invalidateCredentialIndex(sim.state.credentials);
  sim.addCredential(accountId, { username: addUsername });
  return { added: addUsername, removed: toRemove.username, enabled: toEnable.username, disabled: toDisable.username, passwordChanged: toRotate.username };
}
