// Column definitions of the editable grids: one column per field (unit in the header), one per analyte
// for samples, dropdown editors for coded fields, and each cell marked with its stored problems (colour,
// and the messages as its tooltip).
import type { CellClassParams, ColDef, ITooltipParams, SuppressKeyboardEventParams } from 'ag-grid-community';
import type { AnalyteRow, PageRow, RowProblem } from '../../api/types';
import { analyteColumnId, fieldColumnId } from '../../domain/entry/grid-cells';
import type { DataTable, LengthUnit } from '../../domain/model';
import { TABLE_FIELDS, type FieldSpec } from '../../domain/table-fields';
import { CodeCellEditor, TextCellEditor } from './entry-cell-editors';
import { refusal, type GridController } from './entry-grid-context';
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

const shared: ColDef<PageRow> = {
  sortable: true,
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

function fieldColumn(
  table: DataTable,
  field: FieldSpec,
  lengthUnit: LengthUnit,
  controller: GridController,
): ColDef<PageRow> {
  const colId = fieldColumnId(field);
  const choices = field.choices ?? (field.lookup ? controller.codes.get(field.lookup) : undefined);
  const coded = field.kind === 'code' && choices !== undefined && choices.length > 0;
  return {
    ...shared,
    colId,
    field: colId as never,
    headerName: field.label + unitSuffix(field, lengthUnit),
    headerTooltip: field.kind === 'date' ? dateColumnTooltip(field, controller) : undefined,
    ...(field.kind === 'number' ? NUMBER_FILTER : TEXT_FILTER),
    type: field.kind === 'number' ? 'rightAligned' : undefined,
    cellEditor: coded ? CodeCellEditor : TextCellEditor,
    cellEditorParams: coded ? { choices, optional: !field.required } : undefined,
    pinned:
      (table === 'holes' && colId === 'hole_id') || (table !== 'holes' && colId === 'hole_id')
        ? 'left'
        : undefined,
  };
}

function dateColumnTooltip(field: FieldSpec, controller: GridController): string {
  const order = controller.cells.dateOrder;
  return order ? `${field.label}: ${dateEntryHint(order)}` : `${field.label}: YYYY-MM-DD`;
}

/** Samples are shown wide: one column per analyte, the lab's text as reported, unit in the header. */
function analyteColumn(analyte: AnalyteRow): ColDef<PageRow> {
  const colId = analyteColumnId(analyte.code);
  return {
    ...shared,
    colId,
    headerName: `${analyte.code} (${analyte.unit})`,
    type: 'rightAligned',
    ...NUMBER_FILTER,
    cellEditor: TextCellEditor,
    valueGetter: (params) =>
      params.data && 'results' in params.data ? (params.data.results[analyte.code]?.lab_text ?? '') : '',
  };
}

export function gridColumns(
  table: DataTable,
  lengthUnit: LengthUnit,
  analytes: readonly AnalyteRow[],
  controller: GridController,
): ColDef<PageRow>[] {
  const fields = TABLE_FIELDS[table].map((field) => fieldColumn(table, field, lengthUnit, controller));
  return table === 'samples' ? [...fields, ...analytes.map(analyteColumn)] : fields;
}
