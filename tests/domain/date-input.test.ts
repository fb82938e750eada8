import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateHint, dateOrderOf, parseDateText, type DateOrder } from '../../src/domain/date-input';
import { parseField, TABLE_FIELDS } from '../../src/domain/table-fields';

const ok = (iso: string) => ({ ok: true, iso });

describe('dates as people type them', () => {
  it("reads the locale's order, as Intl.DateTimeFormat#formatToParts gives it", () => {
    const order = (locale: string) =>
      dateOrderOf(
        new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
          .formatToParts(new Date(Date.UTC(2010, 10, 24, 12)))
          .map((part) => part.type),
      );
    expect(order('en-GB')).toBe('dmy');
    expect(order('en-AU')).toBe('dmy');
    expect(order('de-DE')).toBe('dmy');
    expect(order('en-US')).toBe('mdy');
    expect(order('sv-SE')).toBe('ymd');
    expect(order('ja-JP')).toBe('ymd');
    expect(dateHint('dmy')).toBe('day/month/year, e.g. 24/11/2010');
  });

  it('takes day/month/year in a day-first locale and stores ISO', () => {
    expect(parseDateText('24/11/2010', 'dmy')).toEqual(ok('2010-11-24'));
    expect(parseDateText('5.6.2011', 'dmy')).toEqual(ok('2011-06-05'));
    expect(parseDateText('05-06-2011', 'dmy')).toEqual(ok('2011-06-05'));
    expect(parseDateText('29/02/2012', 'dmy')).toEqual(ok('2012-02-29'));
  });

  it('takes month/day/year in a month-first locale', () => {
    expect(parseDateText('11/24/2010', 'mdy')).toEqual(ok('2010-11-24'));
    expect(parseDateText('5/6/2011', 'mdy')).toEqual(ok('2011-05-06'));
  });

  it('always takes a year-first date and a month written as a word', () => {
    for (const order of [undefined, 'dmy', 'mdy', 'ymd'] as const) {
      expect(parseDateText('2010-11-24', order)).toEqual(ok('2010-11-24'));
      expect(parseDateText('2010/11/24', order)).toEqual(ok('2010-11-24'));
      expect(parseDateText('24 Nov 2010', order)).toEqual(ok('2010-11-24'));
      expect(parseDateText('24-NOV-2010', order)).toEqual(ok('2010-11-24'));
      expect(parseDateText('November 24, 2010', order)).toEqual(ok('2010-11-24'));
      expect(parseDateText('Sept 3 2011', order)).toEqual(ok('2011-09-03'));
    }
  });

  it('refuses a date in the other order, saying how dates are read here', () => {
    const refused = parseDateText('11/24/2010', 'dmy');
    expect(refused).toEqual({
      ok: false,
      message:
        '"11/24/2010" is not a date: 24 is not a month (dates are read as day/month/year here). Type day/month/year, e.g. 24/11/2010, or YYYY-MM-DD.',
    });
  });

  it('refuses dates that do not exist and names the month', () => {
    expect(parseDateText('31/06/2011', 'dmy')).toMatchObject({
      ok: false,
      message: expect.stringContaining('June 2011 has 30 days'),
    });
    expect(parseDateText('2011-02-29', undefined)).toMatchObject({
      ok: false,
      message: '"2011-02-29" is not a date: February 2011 has 28 days. Use YYYY-MM-DD, e.g. 2011-06-30.',
    });
    expect(parseDateText('0/5/2011', 'dmy').ok).toBe(false);
  });

  it('refuses two-digit years instead of guessing the century', () => {
    for (const text of ['24/11/10', '24 Nov 10', '10/11/24']) {
      expect(parseDateText(text, 'dmy')).toMatchObject({
        ok: false,
        message: expect.stringContaining('type the year in full'),
      });
    }
  });

  it('reads only ISO numeric dates when no locale order came with the text', () => {
    expect(parseDateText('24/11/2010', undefined)).toEqual({
      ok: false,
      message: '"24/11/2010" is not a date. Use YYYY-MM-DD, e.g. 2011-06-30.',
    });
    expect(parseDateText('24/11/2010', 'ymd').ok).toBe(false);
    expect(parseDateText('yesterday', 'dmy').ok).toBe(false);
    expect(parseDateText('24/11/2010/1', 'dmy').ok).toBe(false);
  });

  it('reads every real date back from the way each locale order writes it', () => {
    const orders: DateOrder[] = ['dmy', 'mdy', 'ymd'];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...orders),
        fc.constantFrom('/', '.', '-'),
        (date, order, separator) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split('-');
          const parts = order === 'dmy' ? [d, m, y] : order === 'mdy' ? [m, d, y] : [y, m, d];
          expect(parseDateText(parts.join(separator), order)).toEqual(ok(iso));
        },
      ),
    );
  });

  it('a date field stores ISO from the locale form and refuses with its label', () => {
    const started = TABLE_FIELDS.holes.find((field) => field.key === 'started_on')!;
    expect(parseField(started, ' 24/11/2010 ', { dateOrder: 'dmy' })).toEqual({
      ok: true,
      value: '2010-11-24',
    });
    expect(parseField(started, '24/11/2010', {})).toMatchObject({
      ok: false,
      message: 'Started: "24/11/2010" is not a date. Use YYYY-MM-DD, e.g. 2011-06-30.',
    });
  });
});
