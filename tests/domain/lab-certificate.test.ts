import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv/csv-tokenizer';
import { CertificateFormatError, parseLabCertificate } from '../../src/domain/certificates/lab-certificate';
import { preferredSeq } from '../../src/domain/certificates/preferred-result';

const fixture = join(import.meta.dirname, '../fixtures/lab-certificates/VAN11002817.csv');
const rowsOf = (text: string) => parseCsv(text, ',');

describe('reading a laboratory certificate', () => {
  const certificate = parseLabCertificate(rowsOf(readFileSync(fixture, 'utf8')));

  it('reads the header block: lab, client, project, certificate number and date', () => {
    expect(certificate.lab).toBe('Acme Analytical Laboratories (Vancouver) Ltd.');
    expect(certificate.client).toBe('Hudson Minerals Inc.');
    expect(certificate.project).toBe('Ruddock Creek');
    expect(certificate.certificate).toBe('VAN11002817');
    expect(certificate.reportedOn).toBe('2011-08-19');
    expect(certificate.header.find((h) => h.key === 'Shipment ID')?.value).toBe('RC11-07');
  });

  it('reads each column: analyte, unit, method, detection and upper limits; skips non-assay columns', () => {
    expect(certificate.columns.map((c) => `${c.method} ${c.analyte} ${c.unit}`)).toEqual([
      '1DX Zn ppm',
      '1DX Pb ppm',
      '1DX Ag ppm',
      '7TD Zn %',
      '7TD Pb %',
    ]);
    expect(certificate.columns[0]).toMatchObject({ detectionLimit: 1, upperLimit: 10000 });
    expect(certificate.columns[3]).toMatchObject({ detectionLimit: 0.01, upperLimit: null });
    expect(certificate.skippedColumns).toEqual([
      { column: 2, label: 'WGHT Wgt kg', reason: '"kg" is not an assay unit (%, ppm, ppb, g/t, oz/t)' },
    ]);
  });

  it('keeps sample IDs as text with their leading zeros, tells lab QC rows apart, skips the footnote', () => {
    expect(certificate.samples).toHaveLength(32);
    expect(certificate.samples[0]).toMatchObject({ sampleId: '0713131', type: 'Drill Core', line: 22 });
    expect(certificate.samples.map((s) => s.sampleId)).toContain('713150');
    expect(certificate.labQc.map((s) => s.sampleId)).toEqual([
      'REP 0713137',
      'STD DS11',
      'STD OREAS 131b',
      'BLK',
    ]);
    expect(certificate.emptyLines).toHaveLength(1);
    const special = certificate.samples.find((s) => s.sampleId === '0713140');
    expect(special?.results.slice(0, 3)).toEqual(['IS', 'IS', 'IS']);
  });

  it('reads the ALS layout: labels in the first column, no type column', () => {
    const als = parseLabCertificate(
      rowsOf(
        [
          'ALS Canada Ltd.',
          'CERTIFICATE VA11123456',
          'Work Order,VA11123456',
          'Client,Hudson Minerals',
          'Date,2011-09-01',
          'Method,ME-ICP41,ME-ICP41,Au-AA23',
          'Analyte,Cu,Zn,Au',
          'Units,ppm,ppm,ppm',
          'LOR,1,2,0.005',
          'SAMPLE DESCRIPTION,,,',
          '0712001,45,1200,<0.005',
          '0712002,61,880,0.012',
        ].join('\n'),
      ),
    );
    expect(als.certificate).toBe('VA11123456');
    expect(als.lab).toBe('ALS Canada Ltd.');
    expect(als.columns.map((c) => [c.method, c.analyte, c.unit])).toEqual([
      ['ME-ICP41', 'Cu', 'ppm'],
      ['ME-ICP41', 'Zn', 'ppm'],
      ['Au-AA23', 'Au', 'ppm'],
    ]);
    expect(als.samples.map((s) => [s.sampleId, s.results])).toEqual([
      ['0712001', ['45', '1200', '<0.005']],
      ['0712002', ['61', '880', '0.012']],
    ]);
  });

  it('refuses a file without an analyte row, saying what a certificate needs', () => {
    expect(() => parseLabCertificate(rowsOf('hole_id,from,to\nDH1,0,1\n'))).toThrow(CertificateFormatError);
    expect(() => parseLabCertificate(rowsOf('hole_id,from,to\nDH1,0,1\n'))).toThrow(/Analyte/);
  });
});

describe('the preferred result among re-assays', () => {
  const r = (seq: number, method: string | null, flag: 'value' | 'bdl' | 'odl' | 'ns' = 'value') => ({
    seq,
    method,
    flag,
  });

  it('keeps the original when no priority is set and both are numbers', () => {
    expect(preferredSeq([r(0, 'G7AR'), r(1, '1DX')], [])).toBe(0);
  });

  it('follows the method priority, whatever the order of arrival', () => {
    expect(preferredSeq([r(0, 'G7AR'), r(1, '7TD')], ['7TD', 'G7AR'])).toBe(1);
    expect(preferredSeq([r(0, '7TD'), r(1, 'G7AR')], ['7TD', 'G7AR'])).toBe(0);
    expect(preferredSeq([r(0, 'g7ar '), r(1, '7td')], ['7TD', 'G7AR'])).toBe(1);
  });

  it('replaces an over-limit result with a measured one, and never prefers NS', () => {
    expect(preferredSeq([r(0, '1DX', 'odl'), r(1, '7TD')], ['1DX'])).toBe(1);
    expect(preferredSeq([r(0, 'G7AR'), r(1, '7TD', 'ns')], ['7TD'])).toBe(0);
    expect(preferredSeq([r(0, 'G7AR', 'bdl'), r(1, '1DX')], ['G7AR'])).toBe(0);
  });

  it('ranks unlisted methods after listed ones', () => {
    expect(preferredSeq([r(0, 'ICP'), r(1, null), r(2, 'GRAV')], ['GRAV'])).toBe(2);
    expect(preferredSeq([r(0, null), r(1, 'ICP')], ['X'])).toBe(0);
  });
});
