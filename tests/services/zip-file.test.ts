// The ZIP writer (yazl underneath) read back by an independent reader (fflate): names (UTF-8 and
// folders) and bytes exactly as written, entries streamed with backpressure past the high-water mark, a
// CSV set packed by writeZip, and a failure that says so instead of leaving the caller waiting.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip, ZipWriter } from '../../src/services/export/zip-file';
import { tempDirectory } from '../helpers/project-fixtures';

describe('the ZIP writer', () => {
  const directory = tempDirectory();
  afterAll(() => directory.remove());

  it('streams entries that an independent reader gets back byte for byte', async () => {
    const path = join(directory.path, 'streamed.zip');
    const zip = new ZipWriter(path);
    zip.beginEntry('xl/worksheets/sheet1.xml');
    const lines: string[] = [];
    let waited = 0;
    for (let i = 0; i < 60_000; i++) {
      const line = `<row r="${i}"><c><v>${i / 7}</v></c></row>\n`;
      lines.push(line);
      if (!zip.write(line)) {
        waited++;
        await zip.drained();
      }
    }
    await zip.endEntry();
    await zip.addText('Forage à Lac-Mégantic.txt', 'Zn ≥ 5 %\r\n');
    await zip.finish();

    const entries = unzipSync(readFileSync(path));
    expect(Object.keys(entries)).toEqual(['xl/worksheets/sheet1.xml', 'Forage à Lac-Mégantic.txt']);
    expect(strFromU8(entries['xl/worksheets/sheet1.xml']!)).toBe(lines.join(''));
    expect(strFromU8(entries['Forage à Lac-Mégantic.txt']!)).toBe('Zn ≥ 5 %\r\n');
    // 2.6 MB went through a 1 MB window: the writer asked the caller to wait.
    expect(waited).toBeGreaterThan(0);
  });

  it('packs a folder of CSV files under their own names', async () => {
    const files = ['collar.csv', 'assay.csv'].map((name, index) => {
      const file = join(directory.path, name);
      writeFileSync(file, `HOLEID,VALUE\r\nDH-${index},${index}\r\n`);
      return file;
    });
    const path = join(directory.path, 'set.zip');
    await writeZip(path, files);
    const entries = unzipSync(readFileSync(path));
    expect(Object.keys(entries)).toEqual(['collar.csv', 'assay.csv']);
    expect(strFromU8(entries['assay.csv']!)).toBe('HOLEID,VALUE\r\nDH-1,1\r\n');
  });

  it('fails, naming the problem, when the file cannot be written', async () => {
    const zip = new ZipWriter(join(directory.path, 'no-such-folder', 'out.zip'));
    zip.beginEntry('a.txt');
    zip.write('text');
    await expect(zip.finish()).rejects.toThrow(/ENOENT/);
    await zip.abort();
    await expect(
      writeZip(join(directory.path, 'x.zip'), [join(directory.path, 'missing.csv')]),
    ).rejects.toThrow(/ENOENT/);
  });
});
