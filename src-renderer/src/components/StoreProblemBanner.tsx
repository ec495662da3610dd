import { useProfiles } from '../store/profiles';

/** Main could not read the profile file or the vault; what it found was kept aside. */
export function StoreProblemBanner() {
  const problem = useProfiles((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="notice notice-warning banner" role="alert" data-testid="store-problem">
      <p className="notice-title">{problem.message}</p>
      {problem.hint && <p className="notice-hint">{problem.hint}</p>}
    </div>
  );
}
