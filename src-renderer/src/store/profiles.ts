// Profiles slice: the list, the active id and the store problem, exactly as main last reported
// them. Every answer carries a sequence number; an answer older than one already applied is
// dropped, so a slow listProfiles can never undo a newer switch, add, rename or removal.
import { create } from 'zustand';
import type {
  AddProfileInput,
  AddProviderProfileInput,
  AddSessionProfileInput,
  ErrorDTO,
  ProfileDTO,
  ProfileListDTO,
  Result,
} from '../../../src-preload/contract';
import { call } from '../bridge';

export type StoreProblem = NonNullable<ProfileListDTO['problem']>;

export type ProfilesState = {
  profiles: ProfileDTO[];
  activeId: string | null;
  problem: StoreProblem | null;
  /** True while the list is being (re)read. */
  loading: boolean;
  /** True once a list has been applied at least once. */
  loaded: boolean;
  /** The last failure of a list or switch, for the shell to show. Form errors stay in their forms. */
  error: ErrorDTO | null;

  load(): Promise<void>;
  add(input: AddProfileInput): Promise<Result<ProfileListDTO>>;
  /** Email + password sign-in: the password is sent once and not kept anywhere. */
  addSession(input: AddSessionProfileInput): Promise<Result<ProfileListDTO>>;
  /** A VoIPBIN or Vocobase profile (username + password, access key or API key), verified by main first. */
  addProvider(input: AddProviderProfileInput): Promise<Result<ProfileListDTO>>;
  signIn(id: string, password: string): Promise<Result<ProfileListDTO>>;
  signOut(id: string): Promise<Result<ProfileListDTO>>;
  switchTo(id: string): Promise<void>;
  rename(id: string, displayName: string): Promise<Result<ProfileListDTO>>;
  rotateToken(id: string, token: string): Promise<Result<ProfileListDTO>>;
  remove(id: string): Promise<Result<ProfileListDTO>>;
  clearError(): void;
};

let issued = 0;
let applied = 0;
/** The latest switch asked for and not yet answered. */
let pendingSwitch: { seq: number; id: string } | null = null;
const nextSeq = (): number => ++issued;

export const useProfiles = create<ProfilesState>()((set, get) => {
  /** Apply a list if nothing newer has been applied. Returns whether it was applied. */
  function apply(seq: number, list: ProfileListDTO): boolean {
    if (seq < applied) return false;
    applied = seq;
    // A list read while a switch is on its way may predate it: the profile being switched to stays
    // shown (and is what the next Ctrl+1…9 is judged against) until main answers the switch.
    const switching = pendingSwitch && list.profiles.some((p) => p.id === pendingSwitch!.id) ? pendingSwitch.id : null;
    set({
      profiles: list.profiles,
      activeId: switching ?? list.activeId,
      problem: list.problem ?? null,
      loaded: true,
      loading: false,
      error: null,
    });
    return true;
  }

  /** A write's answer is the freshest state main knows: apply it under a new sequence number. */
  function applyWrite(result: Result<ProfileListDTO>): Result<ProfileListDTO> {
    if (result.ok) apply(nextSeq(), result.value);
    return result;
  }

  /** The new profile should be the active one; if main left another active, switch to it. */
  async function activateAdded(before: Set<string>, result: Result<ProfileListDTO>): Promise<Result<ProfileListDTO>> {
    if (!result.ok) return result;
    const added = result.value.profiles.find((p) => !before.has(p.id));
    if (added && result.value.activeId !== added.id) await get().switchTo(added.id);
    return result;
  }

  return {
    profiles: [],
    activeId: null,
    problem: null,
    loading: false,
    loaded: false,
    error: null,

    async load() {
      const seq = nextSeq();
      set({ loading: true });
      const result = await call('listProfiles', {});
      if (result.ok) {
        apply(seq, result.value);
      } else if (seq >= applied) {
        set({ loading: false, error: result.error });
      }
    },

    async add(input) {
      const before = new Set(get().profiles.map((p) => p.id));
      return activateAdded(before, applyWrite(await call('addProfile', input)));
    },

    async addSession(input) {
      const before = new Set(get().profiles.map((p) => p.id));
      return activateAdded(before, applyWrite(await call('addSessionProfile', input)));
    },

    async addProvider(input) {
      const before = new Set(get().profiles.map((p) => p.id));
      return activateAdded(before, applyWrite(await call('addProviderProfile', input)));
    },

    async signIn(id, password) {
      return applyWrite(await call('signIn', { id, password }));
    },

    async signOut(id) {
      return applyWrite(await call('signOut', { id }));
    },

    async switchTo(id) {
      if (get().activeId === id) return;
      // Show the switch at once; the answer (or a re-list on failure) settles it.
      const seq = nextSeq();
      applied = seq;
      pendingSwitch = { seq, id };
      set({ activeId: id, error: null });
      const result = await call('switchProfile', { id });
      // A later switch was asked for meanwhile (quick Ctrl+1, Ctrl+2, Ctrl+1 on a busy main): it
      // owns the outcome. Main runs switches in order, so it ends on the last one asked for.
      if (pendingSwitch?.seq !== seq) return;
      pendingSwitch = null;
      if (result.ok) {
        apply(nextSeq(), result.value);
      } else {
        // Put the list back the way main has it, then say why the switch did not happen.
        await get().load();
        set({ error: result.error });
      }
    },

    async rename(id, displayName) {
      return applyWrite(await call('renameProfile', { id, displayName }));
    },

    async rotateToken(id, token) {
      return applyWrite(await call('rotateProfileToken', { id, token }));
    },

    async remove(id) {
      return applyWrite(await call('removeProfile', { id }));
    },

    clearError() {
      set({ error: null });
    },
  };
});

export function selectActiveProfile(state: ProfilesState): ProfileDTO | null {
  return state.profiles.find((p) => p.id === state.activeId) ?? null;
}
