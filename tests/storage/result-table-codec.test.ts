// The stored form of run results: a table survives encode and decode bit for bit (NaN, -0, text levels,
// empty cells), including from an unaligned buffer, and a damaged blob is refused with a message.
import { describe, expect, it } from 'vitest';
import { ResultTableBuilder } from '../../src/domain/compositing/result-table';
import { decodeResultTable, encodeResultTable } from '../../src/storage/result-table-codec';

function sample() {
  const builder = new ResultTableBuilder(['from', 'grade'], ['kind'], 16);
  builder.startHole('DH-1');
  for (let i = 0; i < 40; i++) {
    const row = builder.addRow();
    builder.setNumber(0, row, i * 0.1);
    builder.setNumber(1, row, i % 3 === 0 ? null : 1 / (i + 1));
    builder.setText(0, row, i % 2 === 0 ? 'intercept' : i % 5 === 0 ? null : 'including');
  }
  builder.startHole('Ünïcode "hole"');
  const row = builder.addRow();
  builder.setNumber(0, row, -0);
  builder.setNumber(1, row, 1e-300);
  return builder.finish();
}

describe('result table codec', () => {
  it('round-trips every value', () => {
    const table = sample();
    const decoded = decodeResultTable(encodeResultTable(table));
    expect(decoded.rowCount).toBe(41);
    expect(decoded.holes).toEqual(['DH-1', 'Ünïcode "hole"']);
    expect([...decoded.hole]).toEqual([...table.hole]);
    expect(decoded.numbers.map((c) => c.name)).toEqual(['from', 'grade']);
    const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (let c = 0; c < 2; c++)
      expect(bytes(decoded.numbers[c]!.values)).toEqual(bytes(table.numbers[c]!.values));
    expect(Object.is(decoded.numbers[0]!.values[40], -0)).toBe(true);
    expect(decoded.texts[0]!.levels).toEqual(['intercept', 'including']);
    expect([...decoded.texts[0]!.codes]).toEqual([...table.texts[0]!.codes]);
    expect(decoded.texts[0]!.codes[5]).toBe(-1);
  });

  it('reads from a buffer that does not start on an 8-byte boundary', () => {
    const encoded = encodeResultTable(sample());
    const shifted = Buffer.alloc(encoded.length + 3);
    encoded.copy(shifted, 3);
    const decoded = decodeResultTable(shifted.subarray(3));
    expect(decoded.numbers[1]!.values[1]).toBe(1 / 2);
  });

  it('round-trips an empty table', () => {
    const empty = new ResultTableBuilder(['depth'], []).finish();
    const decoded = decodeResultTable(encodeResultTable(empty));
    expect(decoded.rowCount).toBe(0);
    expect(decoded.holes).toEqual([]);
    expect(decoded.numbers[0]!.values.length).toBe(0);
  });

  it('refuses a blob that is not a result table, or is cut short', () => {
    expect(() => decodeResultTable(Buffer.from('hello world, not a table'))).toThrow(/unreadable results/);
    const encoded = encodeResultTable(sample());
    expect(() => decodeResultTable(encoded.subarray(0, encoded.length - 8))).toThrow(/truncated/);
  });
});
