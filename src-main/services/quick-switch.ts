// The quick switcher's search (Ctrl/Cmd+K): any profile by its name or partner auth id, and any
// customer of any profile by its name or auth ID, from the account lists in the local store. It
// runs in main over what is stored, so it is instant and works offline; a customer never listed
// on this computer (not paged to, not synced) is not found, as in Find SIP user.
import type { ProfileListDTO, QuickSwitchDTO } from '../../src-preload/contract';
import type { StoredAccount } from '../store/local-store';

type Match = QuickSwitchDTO['items'][number];

export class QuickSwitch {
  constructor(
    private readonly profiles: { list(): Promise<ProfileListDTO> },
    private readonly accounts: { storedAccounts(profileId: string): Promise<StoredAccount[]> },
  ) {}

  async search(query: string, limit: number): Promise<QuickSwitchDTO> {
    const q = query.trim().toLowerCase();
    const { profiles } = await this.profiles.list();
    // A match at the start of a word ranks above one inside it; then the list order.
    const rank = (...fields: string[]): number => {
      let best = Infinity;
      for (const f of fields) {
        const at = f.toLowerCase().indexOf(q);
        if (at === 0) return 0;
        if (at > 0) best = Math.min(best, /[\s_-]/.test(f[at - 1]!) ? 1 : 2);
      }
      return best;
    };
    const found: Array<{ rank: number; match: Match }> = [];
    for (const p of profiles) {
      const r = rank(p.displayName, p.authId);
      if (r < Infinity) found.push({ rank: r, match: { kind: 'profile', profileId: p.id, profileName: p.displayName, name: p.displayName } });
    }
    let total = found.length;
    for (const p of profiles) {
      // A one-account profile's account is the profile itself: the profile's own match stands for it.
      if (p.caps.accounts !== 'many') continue;
      for (const a of await this.accounts.storedAccounts(p.id)) {
        const r = rank(a.name, a.authId);
        if (r === Infinity) continue;
        total++;
        // Customers rank after every profile; within them by how well they match.
        found.push({ rank: 10 + r, match: { kind: 'customer', profileId: p.id, profileName: p.displayName, customerAuthId: a.authId, name: a.name } });
      }
    }
    // Stable: equal ranks keep the profiles' order and each stored list's order.
    found.sort((x, y) => x.rank - y.rank);
    return { query, total, items: found.slice(0, limit).map((f) => f.match) };
  }
}
