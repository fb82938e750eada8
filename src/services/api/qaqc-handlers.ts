// Handlers of the QA/QC view and `drillbench qaqc`: the standards table, settings, reports and the
// upkeep of the QA/QC warnings.
import { saveQaqcSettings } from '../qaqc/qaqc-data';
import { qaqcAnalyteReport, qaqcOverview } from '../qaqc/qaqc-report';
import { importStandards, removeStandard, saveDetectionLimit, saveStandard } from '../qaqc/qaqc-standards';
import { refreshQaqcWarnings } from '../qaqc/qaqc-upkeep';
import type { HandlerGroup } from './handlers';

export const qaqcHandlers: HandlerGroup<
  | 'qaqc.overview'
  | 'qaqc.report'
  | 'qaqc.saveStandard'
  | 'qaqc.deleteStandard'
  | 'qaqc.importStandards'
  | 'qaqc.setSettings'
  | 'qaqc.setDetectionLimit'
  | 'qaqc.refreshWarnings'
> = {
  'qaqc.overview': (_input, context) => qaqcOverview(context.project.db),
  'qaqc.report': (input, context) => qaqcAnalyteReport(context.project.db, input),
  'qaqc.saveStandard': (input, context) => saveStandard(context.project.db, input, context),
  'qaqc.deleteStandard': (input, context) => removeStandard(context.project.db, input.id, context),
  'qaqc.importStandards': (input, context) => importStandards(context.project.db, input, context),
  'qaqc.setSettings': (input, context) => {
    const { db } = context.project;
    db.transaction(() => saveQaqcSettings(db, input))();
    return refreshQaqcWarnings(db);
  },
  'qaqc.setDetectionLimit': (input, context) =>
    saveDetectionLimit(context.project.db, input.analyte, input.limit, context),
  'qaqc.refreshWarnings': (_input, context) => refreshQaqcWarnings(context.project.db),
};
