// Imported laboratory certificates: one row per certificate number with its header block and columns.
import type { Database } from 'better-sqlite3';
import type { LabCertificateRow } from '../domain/model';

export type CertificateRecord = LabCertificateRow;

export function findCertificate(db: Database, certificate: string): CertificateRecord | null {
  return (
    (db
      .prepare(
        'SELECT id, certificate, lab, client, project, reported_on, file_name, samples, results, imported_at, change_set FROM lab_certificates WHERE certificate = ?',
      )
      .get(certificate) as CertificateRecord | undefined) ?? null
  );
}

export function listCertificates(db: Database): CertificateRecord[] {
  return db
    .prepare(
      'SELECT id, certificate, lab, client, project, reported_on, file_name, samples, results, imported_at, change_set FROM lab_certificates ORDER BY imported_at DESC, id DESC',
    )
    .all() as CertificateRecord[];
}

export function insertCertificate(
  db: Database,
  record: Omit<CertificateRecord, 'id'> & { header: unknown; columns: unknown; unknown_samples: unknown },
): number {
  const result = db
    .prepare(
      `INSERT INTO lab_certificates (certificate, lab, client, project, reported_on, file_name, header, columns, samples, results, unknown_samples, change_set, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.certificate,
      record.lab,
      record.client,
      record.project,
      record.reported_on,
      record.file_name,
      JSON.stringify(record.header),
      JSON.stringify(record.columns),
      record.samples,
      record.results,
      JSON.stringify(record.unknown_samples),
      record.change_set,
      record.imported_at,
    );
  return Number(result.lastInsertRowid);
}
