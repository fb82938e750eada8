// The drill-hole CSV set Leapfrog Geo and Datamine Studio users load: collar (with maximum depth),
// survey, assay (wide, one column per analyte) and lithology tables keyed by HOLEID, plus the QA/QC
// samples that are not intervals of a hole, and a README stating units, dip sign and assay handling.
import type { AnalyteUnit, DipConvention, LengthUnit } from '../model';
import { ASSAY_VALUE_RULES, dipWords, type AssayValueMode } from './export-tables';

export const LEAPFROG_FILES = {
  collar: ['HOLEID', 'EAST', 'NORTH', 'RL', 'MAXDEPTH', 'AZIMUTH', 'DIP', 'HOLETYPE', 'STATION', 'PROGRAM'],
  survey: ['HOLEID', 'DEPTH', 'AZIMUTH', 'DIP'],
  assayFixed: ['HOLEID', 'FROM', 'TO', 'SAMPLEID', 'DENSITY'],
  lithology: ['HOLEID', 'FROM', 'TO', 'LITH', 'DESCRIPTION'],
  qaqcFixed: ['SAMPLEID', 'HOLEID', 'TYPE', 'PARENT', 'STANDARD', 'FROM', 'TO'],
} as const;

const UNIT_SUFFIX: Record<AnalyteUnit, string> = {
  '%': 'pct',
  ppm: 'ppm',
  ppb: 'ppb',
  'g/t': 'gpt',
  'oz/t': 'opt',
};

/** An analyte's column name: code and unit suffix (Zn_pct, Au_gpt), which drillbench reads back too. */
export function analyteColumnName(code: string, unit: AnalyteUnit): string {
  return `${code}_${UNIT_SUFFIX[unit]}`;
}

export interface LeapfrogNotes {
  project: string;
  exportedAt: string;
  lengthUnit: LengthUnit;
  coordinateSystem: string | null;
  dipConvention: DipConvention;
  /** The project's own convention, when the export flipped the sign. */
  projectDipConvention: DipConvention;
  assayValues: AssayValueMode;
  analytes: { column: string; code: string; unit: AnalyteUnit; detectionLimit: number | null }[];
  counts: { collar: number; survey: number; assay: number; lithology: number; qaqc: number };
  /** Holes whose MAXDEPTH is their deepest interval or survey because no end of hole is recorded. */
  depthFromData: string[];
  /** Holes given a survey at 0 from the collar's azimuth and dip (they had none). */
  surveyFromCollar: string[];
  /** Holes with neither a survey nor a collar orientation. */
  noOrientation: string[];
  /** Holes without collar coordinates. */
  noCoordinates: string[];
}

const list = (holes: readonly string[]) =>
  holes.length === 0 ? 'none' : `${holes.slice(0, 40).join(', ')}${holes.length > 40 ? ', ...' : ''}`;

export function leapfrogReadme(notes: LeapfrogNotes): string {
  const u = notes.lengthUnit;
  const dips = dipWords(notes.dipConvention);
  const flipped = notes.dipConvention !== notes.projectDipConvention;
  const analyteLines = notes.analytes.map(
    (a) =>
      `  ${a.column.padEnd(14)} ${a.code} in ${a.unit}${a.detectionLimit !== null ? `, detection limit ${a.detectionLimit}` : ''}`,
  );
  return [
    `Drill-hole data exported by drillbench from "${notes.project}" on ${notes.exportedAt}.`,
    '',
    `Units: depths and coordinates in ${u === 'm' ? 'metres' : 'feet'}${notes.coordinateSystem ? `; coordinates in ${notes.coordinateSystem}` : ''}.`,
    `Dips: ${dips} (-90 straight ${notes.dipConvention === 'negative-down' ? 'down' : 'up'})${flipped ? `; the project stores them ${dipWords(notes.projectDipConvention)}, so signs were flipped for this export` : ''}.`,
    `Assays: preferred result per sample and analyte; ${ASSAY_VALUE_RULES[notes.assayValues]}.`,
    '',
    `collar.csv (${notes.counts.collar} holes)`,
    '  HOLEID         hole identifier, as typed (text; keep leading zeros when loading)',
    `  EAST NORTH RL  collar coordinates (${u})`,
    `  MAXDEPTH       end of hole (${u}); where none is recorded, the deepest sample, log or survey depth`,
    '  AZIMUTH DIP    collar orientation (deg)',
    '  HOLETYPE STATION PROGRAM  descriptive',
    `survey.csv (${notes.counts.survey} stations)`,
    `  HOLEID DEPTH AZIMUTH DIP   downhole surveys (${u}, deg)`,
    `assay.csv (${notes.counts.assay} regular sample intervals)`,
    `  HOLEID FROM TO (${u}), SAMPLEID, DENSITY (g/cm3), then one column per analyte:`,
    ...analyteLines,
    `lithology.csv (${notes.counts.lithology} intervals)`,
    `  HOLEID FROM TO (${u}), LITH (code), DESCRIPTION`,
    `qaqc.csv (${notes.counts.qaqc} blanks, standards and duplicates; not intervals, so kept out of assay.csv)`,
    '  SAMPLEID HOLEID TYPE PARENT STANDARD FROM TO, then the analyte columns',
    '',
    'Notes',
    `- MAXDEPTH taken from the data (no end of hole recorded): ${list(notes.depthFromData)}.`,
    `- Survey at depth 0 from the collar azimuth and dip (no survey recorded): ${list(notes.surveyFromCollar)}.`,
    `- No survey and no collar orientation (Leapfrog will need one): ${list(notes.noOrientation)}.`,
    `- No collar coordinates: ${list(notes.noCoordinates)}.`,
    '',
    'Loading',
    '- Leapfrog Geo: Drillhole Data > Import Drillholes; pick collar.csv, survey.csv, then assay.csv and',
    '  lithology.csv as interval tables. The columns map by name. Leapfrog reads the dip sign from the data',
    '  (Negative survey dip points down is set when most dips are negative).',
    '- Datamine Studio: load the four files and desurvey with HOLES3D (BHID = HOLEID, XCOLLAR/YCOLLAR/ZCOLLAR',
    '  = EAST/NORTH/RL, AT = DEPTH, BRG = AZIMUTH). Datamine expects dips positive down: export with',
    '  --dip-convention positive-down, or tell HOLES3D the sign.',
    '',
  ].join('\r\n');
}
