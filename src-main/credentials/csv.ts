// CSV as RFC 4180 (quoted where needed, CRLF), with spreadsheet formula injection neutralised: a
// cell starting with = + - @ (or tab/CR) is prefixed with ' so Excel or Sheets shows it as text.

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const line = (cells: ReadonlyArray<string | number | boolean | null>) => cells.map(cell).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

function cell(v: string | number | boolean | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
