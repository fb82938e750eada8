// Writes the Leapfrog/Datamine drill-hole set: collar.csv (with MAXDEPTH), survey.csv, assay.csv (regular
// samples, one column per analyte), lithology.csv, qaqc.csv and a README stating units, dip sign and how
// assays were written. Nothing is dropped silently: what had to be derived is listed in the README.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertDip } from '../../domain/dip';
import { assayCell } from '../../domain/export/export-tables';
import { analyteColumnName, LEAPFROG_FILES, leapfrogReadme } from '../../domain/export/leapfrog-layout';
import type { ProjectSettings } from '../../domain/model';
import { exportAnalytes, exportRowCount, gridRows, leapfrogCollarRows } from '../../storage/export-queries';
import type { Database } from '../../storage/project-db';
import { openCsvSink, type CsvSink } from './csv-file';
import { ExportTally, type ExportControl, type ExportOutcome, type ExportRequest } from './export-run';

export async function writeLeapfrogSet(
  db: Database,
  settings: ProjectSettings,
  request: ExportRequest,
  control: ExportControl,
): Promise<ExportOutcome> {
  const folder = request.path;
  mkdirSync(folder, { recursive: true });
  const mode = request.assayValues ?? 'half';
  const dips = request.dipConvention ?? 'negative-down';
  const dip = (value: number | null) =>
    value === null ? null : convertDip(value, settings.dip_convention, dips);
  const analytes = exportAnalytes(db);
  const collars = leapfrogCollarRows(db);
  const count = (table: string) => exportRowCount(db, table);
  const tally = new ExportTally(
    collars.length + count('surveys') + count('samples') + count('lithology'),
    control,
  );
  const written: string[] = [];
  const open = (name: string): CsvSink => {
    const path = join(folder, name);
    written.push(path);
    // No byte-order mark: some mining packages read it as part of the first column's name.
    return openCsvSink(path, { bom: false });
  };
  const notes = {
    depthFromData: [] as string[],
    surveyFromCollar: [] as string[],
    noOrientation: [] as string[],
    noCoordinates: [] as string[],
  };
  const counts = { collar: 0, survey: 0, assay: 0, lithology: 0, qaqc: 0 };
  const sinks: CsvSink[] = [];
  try {
    const collar = open('collar.csv');
    sinks.push(collar);
    collar.row(LEAPFROG_FILES.collar);
    const fromCollar = new Map<string, { azimuth: number; dip: number }>();
    for (const row of collars) {
      const maxDepth = row.eoh ?? (row.data_depth && row.data_depth > 0 ? row.data_depth : null);
      if (row.eoh === null && maxDepth !== null) notes.depthFromData.push(row.hole_id);
      if (row.easting === null || row.northing === null) notes.noCoordinates.push(row.hole_id);
      if (row.surveys === 0) {
        if (row.azimuth !== null && row.dip !== null) {
          fromCollar.set(row.hole_id, { azimuth: row.azimuth, dip: row.dip });
          notes.surveyFromCollar.push(row.hole_id);
        } else notes.noOrientation.push(row.hole_id);
      }
      collar.row([
        row.hole_id,
        row.easting,
        row.northing,
        row.elevation,
        maxDepth,
        row.azimuth,
        dip(row.dip),
        row.hole_type,
        row.station,
        row.program,
      ]);
      counts.collar++;
      tally.step('Writing collars');
    }
    collar.close();

    const survey = open('survey.csv');
    sinks.push(survey);
    survey.row(LEAPFROG_FILES.survey);
    for (const [holeId, orientation] of fromCollar) {
      survey.row([holeId, 0, orientation.azimuth, dip(orientation.dip)]);
      counts.survey++;
    }
    for (const row of gridRows(db, 'surveys')) {
      survey.row([row.hole_id as string, row.depth as number, row.azimuth as number, dip(row.dip as number)]);
      counts.survey++;
      tally.step('Writing surveys');
    }
    survey.close();

    const assay = open('assay.csv');
    const qaqc = open('qaqc.csv');
    sinks.push(assay, qaqc);
    const analyteHeaders = analytes.map((analyte) => analyteColumnName(analyte.code, analyte.unit));
    assay.row([...LEAPFROG_FILES.assayFixed, ...analyteHeaders]);
    qaqc.row([...LEAPFROG_FILES.qaqcFixed, ...analyteHeaders]);
    for (const row of gridRows(db, 'samples')) {
      const results = analytes.map((analyte) => assayCell(row.results?.get(analyte.code), mode));
      const regular = row.sample_type === 'regular' && row.depth_from !== null && row.depth_to !== null;
      if (regular) {
        assay.row([
          row.hole_id as string,
          row.depth_from as number,
          row.depth_to as number,
          row.sample_id as string | null,
          row.density as number | null,
          ...results,
        ]);
        counts.assay++;
      } else {
        qaqc.row([
          row.sample_id as string | null,
          row.hole_id as string,
          row.sample_type as string,
          row.parent_sample_id as string | null,
          row.standard_code as string | null,
          row.depth_from as number | null,
          row.depth_to as number | null,
          ...results,
        ]);
        counts.qaqc++;
      }
      tally.step('Writing assays');
    }
    assay.close();
    qaqc.close();

    const lithology = open('lithology.csv');
    sinks.push(lithology);
    lithology.row(LEAPFROG_FILES.lithology);
    for (const row of gridRows(db, 'lithology')) {
      lithology.row([
        row.hole_id as string,
        row.depth_from as number,
        row.depth_to as number,
        row.code as string,
        row.description as string | null,
      ]);
      counts.lithology++;
      tally.step('Writing lithology');
    }
    lithology.close();

    tally.checkpoint();
    const readme = join(folder, 'README.txt');
    writeFileSync(
      readme,
      leapfrogReadme({
        project: settings.name,
        exportedAt: new Date().toISOString().slice(0, 10),
        lengthUnit: settings.length_unit,
        coordinateSystem: settings.coordinate_system,
        dipConvention: dips,
        projectDipConvention: settings.dip_convention,
        assayValues: mode,
        analytes: analytes.map((analyte, index) => ({
          column: analyteHeaders[index]!,
          code: analyte.code,
          unit: analyte.unit,
          detectionLimit: analyte.detection_limit,
        })),
        counts,
        ...notes,
      }),
    );
    written.push(readme);
  } catch (error) {
    for (const sink of sinks) {
      try {
        sink.abort();
      } catch {
        // Already closed: its finished file is removed below.
      }
    }
    for (const file of written) rmSync(file, { force: true });
    throw error;
  }
  const bytes = readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
  return {
    path: folder,
    format: 'csv',
    files: written,
    rows: counts,
    bytes,
    notes: [
      ...(notes.noOrientation.length > 0
        ? [`${notes.noOrientation.length} holes have no survey and no collar orientation.`]
        : []),
      ...(notes.noCoordinates.length > 0
        ? [`${notes.noCoordinates.length} holes have no collar coordinates.`]
        : []),
    ],
  };
}
