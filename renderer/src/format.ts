/** Number and date formats in the region's locale, made once per locale. */
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

export function formatQuantity(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatMoney(value: number, locale: string, currency: string): string {
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** What the screens show where the services withheld a cost figure from a user whose role does not see costs. */
export const HIDDEN_COST = 'Hidden';

export function formatCost(value: number | null, locale: string, currency: string): string {
  return value === null ? HIDDEN_COST : formatMoney(value, locale, currency);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(isoDate: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatAge(minutes: number | null): string {
  if (minutes === null) return 'never';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 60 * 48) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}
