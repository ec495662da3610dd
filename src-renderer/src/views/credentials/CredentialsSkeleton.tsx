import { Skeleton } from '../../components/Skeleton';

/** Placeholder rows where the credential table will be while its first page loads. */
export function CredentialsSkeleton({ rows = 8 }: { rows?: number }) {
  return <Skeleton label="Loading credentials…" testId="credentials-skeleton" shape="table" rows={rows} className="table-wrap" />;
}
