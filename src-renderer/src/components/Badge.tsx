type Props = { tone: 'good' | 'bad' | 'warn' | 'neutral'; children: string };

export function Badge({ tone, children }: Props) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
