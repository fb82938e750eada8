// What the QA/QC view and `drillbench qaqc report` show: the project's inserts and standards table at a
// glance, and one analyte's control chart, blanks, duplicates and failures.
import type { Database } from '../../storage/project-db';
import type { QaqcAnalyteReport, QaqcOverview } from '../../api/qaqc-types';
import { inBatchOrder } from '../../domain/qaqc/batch-order';
import { standardKey } from '../../domain/qaqc/qaqc-model';
import {
  allCharts,
  blanksOf,
  chartOf,
  duplicatesOf,
  standardsWithoutCode,
  standardUses,
} from '../../domain/qaqc/qaqc-report';
import { blankFailures, standardFailures } from '../../domain/qaqc/qaqc-warnings';
import { insertCounts, listStandards, qcAnalytes } from '../../storage/qaqc-store';
import { analyteByCode, loadQcData, qaqcSettings } from './qaqc-data';
import { qaqcWarningsState } from './qaqc-upkeep';

export function qaqcOverview(db: Database): QaqcOverview {
  const data = loadQcData(db);
  return {
    standardsTable: listStandards(db),
    uses: standardUses(data),
    withoutCode: standardsWithoutCode(data),
    analytes: qcAnalytes(db).map(({ code, unit, detectionLimit }) => ({ code, unit, detectionLimit })),
    inserts: insertCounts(db),
    settings: qaqcSettings(db),
    warnings: qaqcWarningsState(db),
  };
}

/** Why a standard has no chart for the analyte, in words a user can act on. */
function missingChartReason(db: Database, code: string | undefined, analyte: string): string {
  if (code === undefined) return 'Choose a standard to draw its control chart.';
  const inTable = listStandards(db).some(
    (row) =>
      standardKey(row.code) === standardKey(code) && row.analyte.toLowerCase() === analyte.toLowerCase(),
  );
  return inTable
    ? `No ${code} insert has a ${analyte} result yet.`
    : `The standards table has no certified ${analyte} value for ${code}; add its value and SD (QA/QC setup, or drillbench qaqc standards import).`;
}

export function qaqcAnalyteReport(
  db: Database,
  request: { analyte: string; standard?: string },
): QaqcAnalyteReport {
  const analyte = analyteByCode(db, request.analyte);
  const data = loadQcData(db, analyte);
  const settings = qaqcSettings(db);
  const charts = allCharts(data);
  const chart = request.standard === undefined ? null : chartOf(data, request.standard, analyte.code);
  let chartMessage: string | null = null;
  if (!chart || chart.points.length === 0) {
    chartMessage = missingChartReason(db, request.standard, analyte.code);
  } else if (chart.points.length < settings.minChartPoints) {
    chartMessage = `${chart.code} has only ${chart.points.length} ${analyte.code} result${chart.points.length === 1 ? '' : 's'}; a control chart needs at least ${settings.minChartPoints}. Its failures are still listed.`;
  }
  const blanks = blanksOf(data, analyte.code, settings)!;
  const duplicates = duplicatesOf(data, analyte.code, settings)!;
  const failures = inBatchOrder([...charts.flatMap(standardFailures), ...blankFailures(blanks)]);
  return {
    analyte: analyte.code,
    unit: analyte.unit,
    chart: chart && chart.points.length > 0 ? chart : null,
    chartMessage,
    blanks,
    duplicates,
    failures,
    standards: charts.map((c) => ({
      code: c.code,
      results: c.points.length,
      failures: c.counts.failure,
      warnings: c.counts.warning,
      biasPercent: c.biasPercent,
    })),
  };
}
