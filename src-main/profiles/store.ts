// Profile metadata (never tokens): a zod-validated JSON file written atomically. A file that
// does not parse is kept aside and reported, never silently replaced.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AuthMode, isSafeBaseUrl, ProfileId, Provider } from '../../src-preload/contract';
import { keepAside, writeFileAtomically } from '../fs/atomic';
import { AppError } from '../net/errors';
import type { StoreProblem } from '../secrets/vault';

// Deliberately its own schema, not derived from the contract's ProfileDTO: the file format on
// disk must not change because a DTO did.
const ProfileRecord = z.strictObject({
  id: ProfileId,
  displayName: z.string(),
  provider: Provider,
  authId: z.string(),
  baseUrl: z.string(),
  createdAt: z.string(),
  /** Fields added after the first release default, so older files still read. */
  authMode: AuthMode.default('token'),
  /** Session profiles: the sign-in email (the password is never stored). */
  email: z.string().optional(),
  lastCustomerAuthId: z.string().nullable().default(null),
  /** The `/Account/` path casing that worked for this profile's customers (api/vobiz.md §7.1). */
  accountPathCasing: z.enum(['Account', 'account']).default('Account'),
  /** VoIPBIN login profiles: the username (the password is sealed in the vault). */
  username: z.string().optional(),
  /** VoIPBIN: the registrar base realms are built on, when not the default. */
  realmBase: z.string().optional(),
});
export type ProfileRecord = z.infer<typeof ProfileRecord>;
export type NewProfileRecord = z.input<typeof ProfileRecord>;

const ProfilesFile = z.strictObject({
  version: z.literal(1),
  activeId: ProfileId.nullable(),
  profiles: z.array(ProfileRecord),
});
type ProfilesFile = z.infer<typeof ProfilesFile>;

/**
 * What is wrong with a stored profile that must stop Trunkdesk from calling out for it. Loading
 * applies the rules adding does: a file edited by hand (or by something else) to point a profile
 * at plain http is shown as needing attention, kept as it is, and sent nothing.
 */
export function profileAttention(p: ProfileRecord): StoreProblem | undefined {
  if (!isSafeBaseUrl(p.baseUrl)) {
    return {
      message: `This profile's base URL (${p.baseUrl}) is not https, so Trunkdesk sends nothing for it.`,
      hint: 'Tokens travel in request headers and must not cross the network unencrypted. Remove this profile and add it again with an https:// base URL.',
    };
  }
  return undefined;
}

export const newProfileId = (): string => `p_${randomBytes(8).toString('hex')}`;

export class ProfileStore {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private data: ProfilesFile,
    readonly problem: StoreProblem | undefined,
  ) {}

  static async open(file: string): Promise<ProfileStore> {
    const empty: ProfilesFile = { version: 1, activeId: null, profiles: [] };
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new ProfileStore(file, empty, undefined);
      throw new AppError('INTERNAL', 'The profile list could not be read.', { hint: `Check the permissions of ${file}.`, cause: e });
    }
    try {
      const parsed = ProfilesFile.safeParse(JSON.parse(text));
      if (parsed.success) return new ProfileStore(file, normalise(parsed.data), undefined);
    } catch {
      /* not JSON: handled below */
    }
    const aside = await keepAside(file, 'corrupt');
    return new ProfileStore(file, empty, {
      message: 'Your profile list was damaged and could not be read.',
      hint: `It was kept unchanged at ${aside}; add your profiles again (their tokens are still in the vault until you do).`,
    });
  }

  get activeId(): string | null {
    return this.data.activeId;
  }

  all(): readonly ProfileRecord[] {
    return this.data.profiles;
  }

  find(id: string): ProfileRecord | undefined {
    return this.data.profiles.find((p) => p.id === id);
  }

  require(id: string): ProfileRecord {
    const p = this.find(id);
    if (!p) throw new AppError('NOT_FOUND', 'That profile no longer exists.', { hint: 'Pick another profile from the list.' });
    return p;
  }

  add(input: NewProfileRecord, makeActive: boolean): Promise<void> {
    const p = ProfileRecord.parse(input);
    return this.write((d) => ({ ...d, profiles: [...d.profiles, p], activeId: makeActive ? p.id : d.activeId }));
  }

  update(id: string, patch: Partial<Omit<ProfileRecord, 'id'>>): Promise<void> {
    this.require(id);
    return this.write((d) => ({ ...d, profiles: d.profiles.map((p) => (p.id === id ? { ...p, ...patch } : p)) }));
  }

  setActive(id: string | null): Promise<void> {
    if (id !== null) this.require(id);
    return this.write((d) => ({ ...d, activeId: id }));
  }

  remove(id: string): Promise<void> {
    this.require(id);
    return this.write((d) => {
      const profiles = d.profiles.filter((p) => p.id !== id);
      const activeId = d.activeId === id ? (profiles[0]?.id ?? null) : d.activeId;
      return { ...d, profiles, activeId };
    });
  }

  private write(change: (d: ProfilesFile) => ProfilesFile): Promise<void> {
    const run = this.chain.then(async () => {
      const next = change(this.data);
      await writeFileAtomically(this.file, JSON.stringify(next, null, 2));
      this.data = next;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }
}

function normalise(d: ProfilesFile): ProfilesFile {
  const activeOk = d.activeId !== null && d.profiles.some((p) => p.id === d.activeId);
  return activeOk ? d : { ...d, activeId: d.profiles[0]?.id ?? null };
}
