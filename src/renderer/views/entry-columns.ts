// Column definitions of the editable grids: one column per field (unit in the header), one per analyte
// for samples, dropdown editors for coded fields, and each cell marked with its stored problems (colour,
// and the messages as its tooltip). Numbers show to the decimals they were written with or the column's
// setting (column-state.ts); editors start from the full stored value.
import type {
  CellClassParams,
  ColDef,
  ITooltipParams,
  SuppressKeyboardEventParams,
  ValueFormatterParams,
} from 'ag-grid-community';
import type { AnalyteRow, PageRow, RowProblem } from '../../api/types';
import { analyteTooltip, fieldTooltip } from '../../domain/entry/column-headers';
import { displayLabText, displayNumber } from '../../domain/entry/display-precision';
import { analyteColumnId, fieldColumnId } from '../../domain/entry/grid-cells';
import type { DataTable, LengthUnit } from '../../domain/model';
import { TABLE_FIELDS, type FieldSpec } from '../../domain/table-fields';
import { CodeCellEditor, TextCellEditor } from './entry-cell-editors';
import { refusal, type GridController } from './entry-grid-context';
import { columnPrecision, type ColumnDisplay } from './column-state';
import { dateEntryHint } from './locale-dates';

export function unitSuffix(field: FieldSpec, lengthUnit: LengthUnit): string {
  switch (field.quantity) {
    case 'depth':
    case 'coordinate':
      return ` (${lengthUnit})`;
    case 'azimuth':
    case 'dip':
      return ' (deg)';
    case 'density':
      return ' (g/cm3)';
    default:
      return '';
  }
}

/** Problems a cell shows: those of its column, and the row's own ones on the hole ID. */
function cellProblems(row: PageRow | undefined, column: string): RowProblem[] {
  if (!row?.problems) return [];
  return row.problems.filter((p) => p.column === column || (p.column === null && column === 'hole_id'));
}

function problemClass(params: CellClassParams<PageRow>): string | undefined {
  const found = cellProblems(params.data, params.colDef.colId ?? '');
  if (found.length === 0) return undefined;
  return found.some((p) => p.severity === 'error') ? 'cell-error' : 'cell-warning';
}

function problemTooltip(params: ITooltipParams<PageRow>): string | undefined {
  const column = params.colDef && 'colId' in params.colDef ? (params.colDef.colId ?? '') : '';
  const found = cellProblems(params.data, column);
  if (found.length === 0) return undefined;
  return found.map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`).join('\n');
}

/**
 * Enter and Tab leave the cell only with a value the server will take: a refused one keeps the editor
 * open with its reason. Escape cancels and clears the reason.
 */
function holdRefusedValue(params: SuppressKeyboardEventParams<PageRow, unknown, GridController>): boolean {
  if (!params.editing) return false;
  const controller = params.context;
  const { key } = params.event;
  if (key === 'Escape') {
    controller.report(null);
    return false;
  }
  if (key !== 'Enter' && key !== 'Tab') return false;
  const editor = controller.editor;
  if (!editor) return false;
  const problem = refusal(controller, editor.column, editor.text());
  controller.report(problem);
  if (!problem) return false;
  params.event.preventDefault();
  return true;
}

// A cellClass of our own replaces the one AG Grid's 'rightAligned' type brings, so numbers keep it here.
function numberCellClass(params: CellClassParams<PageRow>): string[] {
  const problem = problemClass(params);
  return problem ? ['ag-right-aligned-cell', problem] : ['ag-right-aligned-cell'];
}

const shared: ColDef<PageRow> = {
  sortable: true,
  // Hole ID is pinned at the left; the saved layout keeps order and widths, not pinning.
  lockPinned: true,
  editable: true,
  cellClass: problemClass,
  tooltipValueGetter: problemTooltip,
  suppressKeyboardEvent: holdRefusedValue as ColDef<PageRow>['suppressKeyboardEvent'],
};

// Only the filters the server runs in SQL are offered (see storage/table-pages.ts).
const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: {
    buttons: ['apply', 'reset'],
    maxNumConditions: 1,
    filterOptions: ['contains', 'startsWith', 'equals', 'blank', 'notBlank'],
  },
};
const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    buttons: ['apply', 'reset'],
    maxNumConditions: 1,
    filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'],
  },
};

function numberText(display: ColumnDisplay, colId: string) {
  return (params: ValueFormatterParams<PageRow>): string => {
    const value: unknown = params.value;
    if (value === null || value === undefined) return '';
    return typeof value === 'number' ? displayNumber(value, columnPrecision(display, colId)) : String(value);
  };
}

function fieldColumn(
  table: DataTable,
  field: FieldSpec,
  lengthUnit: LengthUnit,
  controller: GridController,
  display: ColumnDisplay,
): ColDef<PageRow> {
  const colId = fieldColumnId(field);
  const choices = field.choices ?? (field.lookup ? controller.codes.get(field.lookup) : undefined);
  const coded = field.kind === 'code' && choices !== undefined && choices.length > 0;
  return {
    ...shared,
    colId,
    field: colId as never,
    headerName: field.label + unitSuffix(field, lengthUnit),
    headerTooltip:
      field.kind === 'date'
        ? dateColumnTooltip(field, lengthUnit, controller)
        : fieldTooltip(field, lengthUnit),
    ...(field.kind === 'number' ? NUMBER_FILTER : TEXT_FILTER),
    valueFormatter: field.kind === 'number' ? numberText(display, colId) : undefined,
    type: field.kind === 'number' ? 'rightAligned' : undefined,
    cellClass: field.kind === 'number' ? numberCellClass : problemClass,
    cellEditor: coded ? CodeCellEditor : TextCellEditor,
    cellEditorParams: coded ? { choices, optional: !field.required } : undefined,
    pinned:
      (table === 'holes' && colId === 'hole_id') || (table !== 'holes' && colId === 'hole_id')
        ? 'left'
        : undefined,
  };
}

/** The column's name and how to type a date in it ("Started: Type the date as day/month/year, ..."). */
function dateColumnTooltip(field: FieldSpec, lengthUnit: LengthUnit, controller: GridController): string {
  const order = controller.cells.dateOrder;
  const name = fieldTooltip(field, lengthUnit);
  return order ? `${name}: ${dateEntryHint(order)}` : `${name}: YYYY-MM-DD`;
}

/** Samples are shown wide: one column per analyte, the lab's text as reported, unit in the header. */
function analyteColumn(analyte: AnalyteRow, display: ColumnDisplay): ColDef<PageRow> {
  const colId = analyteColumnId(analyte.code);
  return {
    ...shared,
    colId,
    headerName: `${analyte.code} (${analyte.unit})`,
    headerTooltip: analyteTooltip(analyte),
    type: 'rightAligned',
    cellClass: numberCellClass,
    ...NUMBER_FILTER,
    cellEditor: TextCellEditor,
    valueGetter: (params) =>
      params.data && 'results' in params.data ? (params.data.results[analyte.code]?.lab_text ?? '') : '',
    valueFormatter: (params) => {
      const result = params.data && 'results' in params.data ? params.data.results[analyte.code] : undefined;
      if (!result) return '';
      const decimals = display.decimals.get(colId) ?? null;
      return displayLabText(result.lab_text, result.value, result.flag === 'value', decimals);
    },
  };
}

export function gridColumns(
  table: DataTable,
  lengthUnit: LengthUnit,
  analytes: readonly AnalyteRow[],
  controller: GridController,
  display: ColumnDisplay,
): ColDef<PageRow>[] {
  const fields = TABLE_FIELDS[table].map((field) =>
    fieldColumn(table, field, lengthUnit, controller, display),
  );
  return table === 'samples'
    ? [...fields, ...analytes.map((analyte) => analyteColumn(analyte, display))]
    : fields;
}
