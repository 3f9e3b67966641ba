import { formatQuantity } from '../../format';

interface InboxPagerProps {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  locale: string;
  /** Which way the list runs, so the buttons say where they lead. */
  newestFirst: boolean;
  onPage(offset: number): void;
}

/** Where this page sits in the whole list, and the way to the lines before and after it. */
export function InboxPager({ offset, shown, total, pageSize, locale, newestFirst, onPage }: InboxPagerProps) {
  if (total <= pageSize && offset === 0) return null;
  const first = shown === 0 ? offset : offset + 1;
  const range = `${formatQuantity(first, locale)}–${formatQuantity(offset + shown, locale)}`;
  return (
    <div className="inbox-pager" role="navigation" aria-label="Pages of lines">
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))} data-testid="inbox-previous-page">
        {newestFirst ? 'Newer' : 'Earlier'}
      </button>
      <span data-testid="inbox-page">
        Lines {range} of {formatQuantity(total, locale)}
      </span>
      <button type="button" disabled={offset + shown >= total} onClick={() => onPage(offset + pageSize)} data-testid="inbox-next-page">
        {newestFirst ? 'Older' : 'Later'}
      </button>
    </div>
  );
}
