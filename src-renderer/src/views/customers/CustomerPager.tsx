import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { CustomerPageDTO } from '../../../../src-preload/contract';
import { SelectField } from '../../components/SelectField';
import { formatCount } from '../../lib/format';
import { CUSTOMER_PAGE_SIZES } from '../../store/customers';

type Props = {
  list: CustomerPageDTO;
  onPage(page: number): void;
  onPerPage(perPage: number): void;
};

const SIZES = CUSTOMER_PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }));

/**
 * Where the page sits ("41–60 of 300 customers"), First / Previous / a page number to type /
 * Next / Last, and the page size. The controls stay mounted while a page loads, and at the ends
 * they are aria-disabled rather than disabled, so the one just used keeps the focus.
 */
export function CustomerPager({ list, onPage, onPerPage }: Props) {
  const inputId = useId();
  const ofId = useId();
  const { page, perPage, total, items } = list;
  const pages = Math.max(1, Math.ceil(total / Math.max(1, perPage)));
  const from = items.length > 0 ? (page - 1) * perPage + 1 : 0;
  const to = items.length > 0 ? from + items.length - 1 : 0;
  const [draft, setDraft] = useState(String(page));
  useEffect(() => setDraft(String(page)), [page]);

  const go = (p: number) => {
    if (p >= 1 && p <= pages && p !== page) onPage(p);
  };
  const commit = () => {
    const n = Number(draft);
    if (Number.isInteger(n) && n >= 1 && n <= pages) go(n);
    else setDraft(String(page)); // not a page: put back the one shown
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  const step = (label: string, glyph: string, target: number, off: boolean) => (
    <button
      type="button"
      className="btn btn-small customer-pager-step"
      aria-label={label}
      title={label}
      aria-disabled={off || undefined}
      onClick={() => {
        if (!off) go(target);
      }}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );

  return (
    <div className="customer-pager">
      <p className="muted customer-range" data-testid="customer-range">
        {total === 0 ? 'No customers' : `${formatCount(from)}–${formatCount(to)} of ${formatCount(total)} ${total === 1 ? 'customer' : 'customers'}`}
      </p>
      <div className="customer-pager-row">
        {/* Three groups that each stay whole: a narrow column wraps between them, never inside one. */}
        <nav className="customer-pager-nav" aria-label="Customer pages">
          <span className="customer-pager-group">
            {step('First page', '«', 1, page <= 1)}
            {step('Previous page', '‹', page - 1, page <= 1)}
          </span>
          <span className="customer-pager-jump">
            <label htmlFor={inputId}>Page</label>
            <input
              id={inputId}
              type="number"
              inputMode="numeric"
              min={1}
              max={pages}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={commit}
              aria-describedby={ofId}
              data-testid="customer-page-input"
            />
            <span id={ofId} data-testid="customer-pages">
              of {formatCount(pages)}
            </span>
          </span>
          <span className="customer-pager-group">
            {step('Next page', '›', page + 1, page >= pages)}
            {step('Last page', '»', pages, page >= pages)}
          </span>
        </nav>
        <SelectField
          label="Per page"
          name="customersPerPage"
          className="field-inline customer-per-page"
          options={SIZES}
          value={String(perPage)}
          onChange={(e) => onPerPage(Number(e.target.value))}
        />
      </div>
    </div>
  );
}
