// Channel -> service call. Thin on purpose: validation is the router's, logic the services'.
import type { Handlers } from './ipc/router';
import type { ProfileService } from './services/profiles';

export function createHandlers(s: { profiles: ProfileService }): Handlers {
  return {
    listProfiles: () => s.profiles.list(),
    addProfile: (i) => s.profiles.add(i),
    switchProfile: (i) => s.profiles.switchTo(i.id),
    renameProfile: (i) => s.profiles.rename(i.id, i.displayName),
    rotateProfileToken: (i) => s.profiles.rotateToken(i.id, i.token),
    removeProfile: (i) => s.profiles.remove(i.id),
    getPartner: (i) => s.profiles.partner(i.profileId),
  };
}
