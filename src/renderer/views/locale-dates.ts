// The order this user's locale writes numeric dates in (24/11/2010 in en-GB, 11/24/2010 in en-US), read
// from the browser's Intl so typed and pasted dates are taken the way the user means them.
import { dateHint, dateOrderOf, type DateOrder } from '../../domain/date-input';

let cached: DateOrder | undefined;

export function userDateOrder(): DateOrder {
  cached ??= dateOrderOf(
    new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(Date.UTC(2010, 10, 24, 12)))
      .map((part) => part.type),
  );
  return cached;
}

/** The hint a date cell, column header and form field show. */
export function dateEntryHint(order: DateOrder): string {
  return `Type the date as ${dateHint(order)}, or 2010-11-24; it is kept as 2010-11-24.`;
}
