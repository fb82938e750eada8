// Reads a date as a person types or pastes it and gives the ISO date stored (2010-11-24). YYYY-MM-DD is
// always accepted; day/month/year or month/day/year only in the order the user's locale writes dates
// (which travels with the edit, so the server reads it the same way), and a month written as a word
// ("24 Nov 2010") in any order. Two-digit years and dates that do not exist are refused with the reason.
// A small parser rather than a date library: the grammar is three numbers, every refusal must say which
// part is wrong, and nothing may depend on the machine's time zone.

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
/** The order of day, month and year in numeric dates of a locale. */
export type DateOrder = (typeof DATE_ORDERS)[number];

export type DateParse = { ok: true; iso: string } | { ok: false; message: string };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The order of the 'day', 'month' and 'year' parts `Intl.DateTimeFormat#formatToParts` gives. */
export function dateOrderOf(partTypes: readonly string[]): DateOrder {
  const day = partTypes.indexOf('day');
  const month = partTypes.indexOf('month');
  const year = partTypes.indexOf('year');
  if (year >= 0 && year < month && year < day) return 'ymd';
  if (month >= 0 && day >= 0 && month < day) return 'mdy';
  return 'dmy';
}

const EXAMPLES: Record<DateOrder, { words: string; example: string; placeholder: string }> = {
  dmy: { words: 'day/month/year', example: '24/11/2010', placeholder: 'dd/mm/yyyy' },
  mdy: { words: 'month/day/year', example: '11/24/2010', placeholder: 'mm/dd/yyyy' },
  ymd: { words: 'year/month/day', example: '2010/11/24', placeholder: 'yyyy/mm/dd' },
};

/** "day/month/year, e.g. 24/11/2010" */
export function dateHint(order: DateOrder): string {
  return `${EXAMPLES[order].words}, e.g. ${EXAMPLES[order].example}`;
}

export function datePlaceholder(order: DateOrder): string {
  return EXAMPLES[order].placeholder;
}

/** What to type instead, ending every refusal. */
function whatToType(order: DateOrder | undefined): string {
  return order === undefined ? 'Use YYYY-MM-DD, e.g. 2011-06-30.' : `Type ${dateHint(order)}, or YYYY-MM-DD.`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A checked calendar date from its parts, or the reason it does not exist. */
function calendarDate(
  text: string,
  year: number,
  month: number,
  day: number,
  order: DateOrder | undefined,
): DateParse {
  const refuse = (why: string): DateParse => ({
    ok: false,
    message: `"${text}" is not a date: ${why}. ${whatToType(order)}`,
  });
  if (month < 1 || month > 12) {
    const read =
      order === undefined || order === 'ymd' ? '' : ` (dates are read as ${EXAMPLES[order].words} here)`;
    return refuse(`${month} is not a month${read}`);
  }
  const name = MONTHS[month - 1]!;
  const days = daysIn(year, month);
  if (day < 1 || day > days) return refuse(`${name} ${year} has ${days} days`);
  return { ok: true, iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

const NUMERIC = /^(\d{1,4})([/.\-\s])(\d{1,2})\2(\d{1,4})$/;
const WORDS = /^(\d{1,4}|[a-z]+)[\s\-/.,]+(\d{1,4}|[a-z]+)\.?[\s\-/.,]+(\d{1,4}|[a-z]+)$/i;

function monthOfWord(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(lower));
  return index < 0 ? null : index + 1;
}

/** Parses typed or pasted date text (already trimmed, not empty) into an ISO date. */
export function parseDateText(text: string, order?: DateOrder): DateParse {
  const shortYear = (): DateParse => ({
    ok: false,
    message: `"${text}" is not a date: type the year in full (e.g. 2010, not 10), so the century is not guessed. ${whatToType(order)}`,
  });
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[3]!, numeric[4]!];
    // A four-digit first part is a year whatever the locale: 2010-11-24, 2010/11/24, 2010.11.24.
    if (a.length === 4) {
      return c.length <= 2
        ? calendarDate(text, Number(a), Number(b), Number(c), order)
        : unknownDate(text, order);
    }
    // Without the locale's order (or in a year-first locale) only a year-first date is readable.
    if (order === undefined || order === 'ymd') {
      return a.length <= 2 && c.length <= 2 ? shortYear() : unknownDate(text, order);
    }
    if (a.length > 2) return unknownDate(text, order);
    if (c.length <= 2) return shortYear();
    if (c.length !== 4) return unknownDate(text, order);
    const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
    return calendarDate(text, Number(c), month, day, order);
  }
  const words = WORDS.exec(text);
  if (words) {
    const parts = [words[1]!, words[2]!, words[3]!];
    const monthIndex = parts.findIndex((part) => /^[a-z]+$/i.test(part));
    const month = monthIndex < 0 ? null : monthOfWord(parts[monthIndex]!);
    const numbers = parts.filter((_, index) => index !== monthIndex);
    if (month === null || numbers.some((part) => !/^\d+$/.test(part))) return unknownDate(text, order);
    const year = numbers.find((part) => part.length === 4);
    const day = numbers.find((part) => part !== year);
    if (year === undefined)
      return numbers.every((part) => part.length <= 2) ? shortYear() : unknownDate(text, order);
    if (day === undefined || day.length > 2) return unknownDate(text, order);
    return calendarDate(text, Number(year), month, Number(day), order);
  }
  return unknownDate(text, order);
}

function unknownDate(text: string, order: DateOrder | undefined): DateParse {
  return { ok: false, message: `"${text}" is not a date. ${whatToType(order)}` };
}
