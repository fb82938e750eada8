// What people read above a run's result columns (the app's results grids): "Hole", "From (m)", "True
// thickness (m)", "Zn+Pb (%)", "Zn length (m)", "Easting (m)". The results files keep their
// machine-readable column names (hole_id, from, true_thickness, ...; docs/compositing.md); this is the one
// place that turns those into words, taking the table fields' labels where the quantity is the same.
import type { LengthUnit } from '../model';
import { fieldHeader, fieldSpec, quantityUnit, type FieldSpec, type Quantity } from '../table-fields';
import { analyteOfColumn, type OutputColumn } from './run-results';

export interface RunLabelContext {
  lengthUnit: LengthUnit;
  /** Units of the run's analytes, by code. */
  analytes: readonly { code: string; unit: string }[];
  /** Intercept runs: the grade expression's short label ("Zn+Pb") and its unit. */
  grade?: { label: string; unit: string } | null;
}

const field = (table: 'holes' | 'surveys' | 'samples', key: string): FieldSpec => fieldSpec(table, key)!;

/** Number columns of the results that are also fields of the tables: the same words there and here. */
const TABLE_FIELD_OF: Readonly<Record<string, FieldSpec>> = {
  from: field('samples', 'depth_from'),
  to: field('samples', 'depth_to'),
  depth: field('surveys', 'depth'),
  x: field('holes', 'easting'),
  y: field('holes', 'northing'),
  z: field('holes', 'elevation'),
};

/** The other number columns of the results, by stored name. */
const OWN_LABELS: Readonly<Record<string, { label: string; quantity?: Quantity }>> = {
  length: { label: 'Length', quantity: 'depth' },
  true_thickness: { label: 'True thickness', quantity: 'depth' },
  sampled_length: { label: 'Sampled length', quantity: 'depth' },
  angle_to_plane: { label: 'Angle to plane', quantity: 'dip' },
};

const TEXT_LABELS: Readonly<Record<string, string>> = { kind: 'Kind', domain: 'Domain' };

/** A name never listed above, made readable rather than shown raw: "waste_length" -> "Waste length". */
function readable(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function withUnit(label: string, unit: string | null | undefined): string {
  return unit ? `${label} (${unit})` : label;
}

export function runColumnLabel(column: OutputColumn, context: RunLabelContext): string {
  const source = column.source;
  if (source === 'hole') return 'Hole';
  if ('text' in source) return TEXT_LABELS[source.text] ?? readable(source.text);
  const name = source.number;
  const analyte = analyteOfColumn(name);
  if (analyte) {
    const unit = context.analytes.find((a) => a.code === analyte.code)?.unit;
    return analyte.part === 'grade'
      ? withUnit(analyte.code, unit)
      : withUnit(`${analyte.code} length`, context.lengthUnit);
  }
  if (name === 'grade') {
    const grade = context.grade;
    if (!grade) return 'Grade';
    // A one-analyte expression would repeat that analyte's own column title.
    const clash = context.analytes.some((a) => a.code === grade.label);
    return withUnit(clash ? `Grade ${grade.label}` : grade.label, grade.unit);
  }
  const tableField = TABLE_FIELD_OF[name];
  if (tableField) return fieldHeader(tableField, context.lengthUnit);
  const own = OWN_LABELS[name];
  if (own) return withUnit(own.label, quantityUnit(own.quantity, context.lengthUnit));
  return readable(name);
}

export function runColumnLabels(columns: readonly OutputColumn[], context: RunLabelContext): string[] {
  return columns.map((column) => runColumnLabel(column, context));
}
