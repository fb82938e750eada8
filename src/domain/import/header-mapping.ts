// Maps the column headers of a field or lab file to drillbench fields, from the names people actually
// use (hole_ID, BHID, XCOLLAR, RL, depth_from, AT, ...). A mapping the user gives always wins.
import { analyteFromHeader } from '../assay-values';
import type { AnalyteUnit } from '../model';

export const FILE_KINDS = ['collars', 'surveys', 'assays', 'lithology'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_FIELDS = {
  collars: [
    'hole_id',
    'easting',
    'northing',
    'elevation',
    'azimuth',
    'dip',
    'eoh',
    'hole_type',
    'station',
    'program',
    'started_on',
    'completed_on',
    'comments',
  ],
  surveys: ['hole_id', 'depth', 'azimuth', 'dip', 'method', 'comments'],
  assays: [
    'hole_id',
    'depth_from',
    'depth_to',
    'sample_id',
    'sample_type',
    'parent_sample_id',
    'standard_code',
    'density',
    'comments',
  ],
  lithology: ['hole_id', 'depth_from', 'depth_to', 'code', 'description', 'comments'],
} as const satisfies Record<FileKind, readonly string[]>;

export type FieldOf<K extends FileKind> = (typeof FILE_FIELDS)[K][number];

export const REQUIRED_FIELDS: Record<FileKind, readonly string[]> = {
  collars: ['hole_id'],
  surveys: ['hole_id', 'depth', 'azimuth', 'dip'],
  assays: ['hole_id', 'depth_from', 'depth_to'],
  lithology: ['hole_id', 'depth_from', 'depth_to', 'code'],
};

/** Header names per field, compared lower-case with everything but letters and digits removed. */
const COMMON: Record<string, readonly string[]> = {
  hole_id: [
    'holeid',
    'hole',
    'bhid',
    'dhid',
    'holename',
    'holeno',
    'holenumber',
    'drillhole',
    'drillholeid',
    'borehole',
    'boreholeid',
    'companyholeid',
  ],
  comments: ['comments', 'comment', 'notes', 'remarks'],
};

const SYNONYMS: { [K in FileKind]: Partial<Record<FieldOf<K>, readonly string[]>> } = {
  collars: {
    hole_id: COMMON.hole_id,
    easting: [
      'x',
      'xcollar',
      'easting',
      'east',
      'e',
      'xcoord',
      'utmeast',
      'utme',
      'mgaeast',
      'localeast',
      'collarx',
    ],
    northing: [
      'y',
      'ycollar',
      'northing',
      'north',
      'n',
      'ycoord',
      'utmnorth',
      'utmn',
      'mganorth',
      'localnorth',
      'collary',
    ],
    elevation: [
      'z',
      'zcollar',
      'rl',
      'elevation',
      'elev',
      'collarrl',
      'rlcollar',
      'zcoord',
      'collarz',
      'altitude',
    ],
    azimuth: ['azimuth', 'az', 'azi', 'azim', 'bearing', 'collarazimuth', 'collaraz'],
    dip: ['dip', 'inclination', 'incl', 'inc', 'collardip'],
    eoh: [
      'eoh',
      'depth',
      'maxdepth',
      'totaldepth',
      'td',
      'holelength',
      'length',
      'finaldepth',
      'enddepth',
      'eohdepth',
      // drillbench's own export header, "End of hole (m)".
      'endofhole',
    ],
    hole_type: ['holetype', 'type', 'drilltype', 'drillingtype'],
    station: ['station', 'pad', 'drillstation', 'drillpad', 'setup', 'stationpad'],
    program: ['program', 'programme', 'campaign'],
    // startedon, completedon: drillbench's own field names (started_on), as a database copy shows them.
    started_on: ['startdate', 'started', 'datestarted', 'datestart', 'start', 'startedon'],
    completed_on: [
      'enddate',
      'completed',
      'datecompleted',
      'dateend',
      'finishdate',
      'completiondate',
      'completedon',
    ],
    comments: COMMON.comments,
  },
  surveys: {
    hole_id: COMMON.hole_id,
    depth: ['depth', 'at', 'surveydepth', 'md', 'distance', 'surveyat'],
    azimuth: ['azimuth', 'az', 'azi', 'azim', 'bearing'],
    dip: ['dip', 'inclination', 'incl', 'inc'],
    method: ['method', 'surveymethod', 'instrument', 'tool', 'surveytype'],
    comments: COMMON.comments,
  },
  assays: {
    hole_id: COMMON.hole_id,
    depth_from: ['from', 'depthfrom', 'fromdepth', 'mfrom', 'fromm', 'samplefrom', 'start', 'fromft'],
    depth_to: ['to', 'depthto', 'todepth', 'mto', 'tom', 'sampleto', 'end', 'toft'],
    sample_id: ['sampleid', 'sample', 'sampleno', 'samplenumber', 'sampnum', 'sampno', 'sampid'],
    sample_type: ['sampletype', 'type', 'qctype', 'qaqctype'],
    parent_sample_id: ['parentsampleid', 'parent', 'originalsample', 'duplicateof', 'parentsample'],
    standard_code: ['standardcode', 'standard', 'standardid', 'crm'],
    density: ['density', 'sg', 'bulkdensity', 'dbd', 'specificgravity'],
    comments: COMMON.comments,
  },
  lithology: {
    hole_id: COMMON.hole_id,
    depth_from: ['from', 'depthfrom', 'fromdepth', 'mfrom', 'fromm', 'start'],
    depth_to: ['to', 'depthto', 'todepth', 'mto', 'tom', 'end'],
    code: [
      'code',
      'lithcode',
      'lith',
      'lithology',
      'rockcode',
      'litho',
      'rocktype',
      'geolcode',
      'lithocode',
      'unitcode',
    ],
    description: [
      'description',
      'desc',
      'rockunit',
      'codelong',
      'lithdescription',
      'lithologydescription',
      'rockname',
    ],
    comments: COMMON.comments,
  },
};

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface AnalyteMapping {
  column: number;
  header: string;
  code: string;
  unit: AnalyteUnit | null;
}

export interface ColumnMapping {
  kind: FileKind;
  /** Field -> column index. */
  fields: Record<string, number>;
  analytes: AnalyteMapping[];
  /** Columns neither mapped nor analytes, reported so nothing is dropped without notice. */
  ignored: { column: number; header: string }[];
}

export interface MappingOverrides {
  /** Field -> header name, taking precedence over the guesses. */
  columns?: Record<string, string>;
  /** Header -> analyte code and unit, for assay columns. */
  analytes?: Record<string, { code?: string; unit?: AnalyteUnit }>;
  /** Headers to leave out on purpose. */
  ignore?: string[];
}

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * Guesses which column holds which field. For assay files every remaining column becomes an analyte
 * unless `isNumericColumn` says it holds text (the caller judges that from the first rows).
 */
export function mapHeaders(
  kind: FileKind,
  headers: readonly string[],
  overrides: MappingOverrides = {},
  isNumericColumn: (column: number) => boolean = () => true,
  /** False lets a preview map what it can when required columns are missing (see missingFields). */
  requireAll = true,
): ColumnMapping {
  const fields: Record<string, number> = {};
  const taken = new Set<number>();
  const duplicates = headers.filter(
    (header, index) => header.trim() !== '' && headers.indexOf(header) !== index,
  );
  if (duplicates.length > 0) {
    throw new MappingError(
      `The header row names ${[...new Set(duplicates)].map((d) => `"${d}"`).join(', ')} more than once; rename the duplicate columns so each name is unique.`,
    );
  }
  const ignoredByUser = new Set((overrides.ignore ?? []).map((header) => header.trim()));
  for (const [field, header] of Object.entries(overrides.columns ?? {})) {
    if (!(FILE_FIELDS[kind] as readonly string[]).includes(field)) {
      throw new MappingError(
        `The mapping names a field "${field}" that ${kind} files do not have. Known fields: ${FILE_FIELDS[kind].join(', ')}.`,
      );
    }
    const column = headers.findIndex((h) => h.trim() === header.trim());
    if (column < 0)
      throw new MappingError(
        `The mapping points ${field} at a column "${header}" that the file does not have. Its columns are: ${headers.join(', ')}.`,
      );
    fields[field] = column;
    taken.add(column);
  }
  const normalised = headers.map(normaliseHeader);
  const synonyms = SYNONYMS[kind] as Record<string, readonly string[] | undefined>;
  for (const field of FILE_FIELDS[kind]) {
    if (fields[field] !== undefined) continue;
    const names = synonyms[field] ?? [];
    // Earlier synonyms are better matches: 'hole_ID' beats 'hole' for the same field.
    for (const name of names) {
      const column = normalised.findIndex(
        (header, index) => header === name && !taken.has(index) && !ignoredByUser.has(headers[index]!.trim()),
      );
      if (column >= 0) {
        fields[field] = column;
        taken.add(column);
        break;
      }
    }
  }
  const missing = REQUIRED_FIELDS[kind].filter((field) => fields[field] === undefined);
  if (missing.length > 0 && requireAll) {
    throw new MappingError(
      `The ${kind} file has no column for ${missing.join(', ')}. Its columns are: ${headers.map((h) => `"${h}"`).join(', ')}. Rename the column or give a mapping (e.g. --mapping map.json with {"${kind}": {"columns": {"${missing[0]}": "<your header>"}}}).`,
    );
  }
  const analytes: AnalyteMapping[] = [];
  const ignored: { column: number; header: string }[] = [];
  headers.forEach((header, column) => {
    if (taken.has(column)) return;
    const name = header.trim();
    const override = overrides.analytes?.[name];
    if (
      kind === 'assays' &&
      name !== '' &&
      !ignoredByUser.has(name) &&
      (override !== undefined || isNumericColumn(column))
    ) {
      const guessed = analyteFromHeader(name);
      analytes.push({
        column,
        header: name,
        code: override?.code ?? guessed.code,
        unit: override?.unit ?? guessed.unit,
      });
    } else {
      ignored.push({ column, header });
    }
  });
  const codes = new Map<string, string>();
  for (const analyte of analytes) {
    const previous = codes.get(analyte.code);
    if (previous !== undefined) {
      throw new MappingError(
        `Columns "${previous}" and "${analyte.header}" both map to analyte ${analyte.code}; map one of them to another code or ignore it.`,
      );
    }
    codes.set(analyte.code, analyte.header);
  }
  return { kind, fields, analytes, ignored };
}

/** Required fields a mapping leaves without a column. */
export function missingFields(mapping: ColumnMapping): string[] {
  return REQUIRED_FIELDS[mapping.kind].filter((field) => mapping.fields[field] === undefined);
}
