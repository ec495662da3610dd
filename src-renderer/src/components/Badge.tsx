type Props = { tone: 'good' | 'bad' | 'neutral'; children: string };

export function Badge({ tone, children }: Props) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
