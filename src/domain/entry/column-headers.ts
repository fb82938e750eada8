// Column headers of the grids and their tooltips: the short header a column can be sized to ("Zn (%)",
// "Easting (m)") and the full name with its unit and method on hover ("Zn — zinc, % (aqua regia, ICP-ES)").
import type { AnalyteUnit, LengthUnit } from '../model';
import { quantityUnit, type FieldSpec } from '../table-fields';

// Symbol and English name, for the elements a geochemical suite reports.
const ELEMENTS =
  'H hydrogen,He helium,Li lithium,Be beryllium,B boron,C carbon,N nitrogen,O oxygen,F fluorine,Na sodium,' +
  'Mg magnesium,Al aluminium,Si silicon,P phosphorus,S sulphur,Cl chlorine,K potassium,Ca calcium,' +
  'Sc scandium,Ti titanium,V vanadium,Cr chromium,Mn manganese,Fe iron,Co cobalt,Ni nickel,Cu copper,' +
  'Zn zinc,Ga gallium,Ge germanium,As arsenic,Se selenium,Br bromine,Rb rubidium,Sr strontium,Y yttrium,' +
  'Zr zirconium,Nb niobium,Mo molybdenum,Ru ruthenium,Rh rhodium,Pd palladium,Ag silver,Cd cadmium,' +
  'In indium,Sn tin,Sb antimony,Te tellurium,I iodine,Cs caesium,Ba barium,La lanthanum,Ce cerium,' +
  'Pr praseodymium,Nd neodymium,Sm samarium,Eu europium,Gd gadolinium,Tb terbium,Dy dysprosium,' +
  'Ho holmium,Er erbium,Tm thulium,Yb ytterbium,Lu lutetium,Hf hafnium,Ta tantalum,W tungsten,Re rhenium,' +
  'Os osmium,Ir iridium,Pt platinum,Au gold,Hg mercury,Tl thallium,Pb lead,Bi bismuth,Th thorium,U uranium';

const ELEMENT_NAMES = new Map(
  ELEMENTS.split(',').map((entry) => {
    const [symbol = '', name = ''] = entry.split(' ');
    return [symbol, name];
  }),
);

/** The element an analyte code names: `Zn`, `Au_FA`, `Cu1` and `Fe2O3` each name one. */
export function elementName(code: string): string | null {
  const exact = ELEMENT_NAMES.get(code);
  if (exact) return exact;
  const symbol = /^([A-Z][a-z]?)(?![a-z])/.exec(code)?.[1];
  return symbol ? (ELEMENT_NAMES.get(symbol) ?? null) : null;
}

export interface AnalyteHeader {
  code: string;
  unit: AnalyteUnit;
  description: string | null;
}

export function analyteHeader(analyte: AnalyteHeader): string {
  return `${analyte.code} (${analyte.unit})`;
}

/**
 * "Zn — zinc, % (aqua regia, ICP-ES)": code, element, unit and what the project says of the analyte (its
 * method), without repeating the element when the description starts with it.
 */
export function analyteTooltip(analyte: AnalyteHeader): string {
  const name = elementName(analyte.code);
  let detail = analyte.description?.trim() ?? '';
  if (name && detail.toLowerCase().startsWith(name.toLowerCase())) {
    detail = detail.slice(name.length).replace(/^[\s,;:–—-]+/, '');
  }
  const head = name ? `${analyte.code} — ${name}, ${analyte.unit}` : `${analyte.code}, ${analyte.unit}`;
  return detail ? `${head} (${detail})` : head;
}

// What a header alone does not say, for the fields whose name is short or local.
const FIELD_NOTES: Record<string, string> = {
  eoh: 'end of hole: the hole’s total depth',
  azimuth: 'degrees clockwise from north',
  station: 'drill station or pad',
  parent_sample_id: 'the sample ID a field duplicate repeats',
  standard_code: 'the certified reference material of a standard',
  sample_type: 'regular, duplicate, blank or standard',
};

/** "Dip, deg (negative down)": the full name, its unit and a note where the header is terse. */
export function fieldTooltip(field: FieldSpec, lengthUnit: LengthUnit, dipNote?: string): string {
  const unit = quantityUnit(field.quantity, lengthUnit);
  const note = field.quantity === 'dip' ? dipNote : FIELD_NOTES[field.key];
  const head = unit ? `${field.label}, ${unit}` : field.label;
  return note ? `${head} (${note})` : head;
}
