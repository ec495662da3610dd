import type { CustomerSort } from '../../../../src-preload/contract';
import { SelectField } from '../../components/SelectField';

/** Each order in both directions, named as the admin reads it. Main sorts the whole list. */
const ORDERS: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'name:asc', label: 'Name, A to Z' },
  { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'balance:desc', label: 'Balance, highest first' },
  { value: 'balance:asc', label: 'Balance, lowest first' },
  { value: 'status:asc', label: 'Active first' },
  { value: 'status:desc', label: 'Inactive first' },
];

const parse = (value: string): CustomerSort => {
  const [field, dir] = value.split(':') as [CustomerSort['field'], CustomerSort['dir']];
  return { field, dir };
};

/** The customer list's order: one select (a native control keeps its focus while the list reloads). */
export function CustomerSortField({ sort, onSort }: { sort: CustomerSort; onSort(sort: CustomerSort): void }) {
  return (
    <SelectField
      label="Sort customers"
      name="customerSort"
      className="customer-sort"
      options={ORDERS}
      value={`${sort.field}:${sort.dir}`}
      onChange={(e) => onSort(parse(e.target.value))}
    />
  );
}
