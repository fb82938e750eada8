// Writes the generated Ruddock Creek demo project (domain/demo) into a new project file, through the
// same writer and validation the importers use.
import { parseLabValue } from '../../domain/assay-values';
import { buildDemoProject, DEMO_SEED } from '../../domain/demo/demo-project';
import { DEMO_SECTION_LINES } from '../../domain/demo/demo-sections';
import { beginChangeSet, createAuditWriter } from '../../storage/audit';
import { ImportWriter } from '../../storage/import-writer';
import { savePreset } from '../../storage/presets-store';
import { saveSectionLine } from '../../storage/section-lines-store';
import { insertStandard } from '../../storage/qaqc-store';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createProject, openProject, type Project } from '../../storage/project-db';
import { defaultDemoPath, osUserName } from '../system/app-paths';
import { validateProject } from '../validation/validate-project';

/** Creates `path` holding the demo project. Refuses to overwrite an existing file. */
export function writeDemoProject(path: string, osUser: string, seed = DEMO_SEED): Project {
  const demo = buildDemoProject(seed);
  const project = createProject(path, demo.settings, osUser);
  const { db } = project;
  db.transaction(() => {
    const writer = new ImportWriter(db);
    for (const lookup of demo.lookups) writer.ensureLookup(lookup.list, lookup.code, lookup.description);
    const analyteIds = new Map<string, number>();
    for (const analyte of demo.analytes) analyteIds.set(analyte.code, writer.analyteId(analyte).id);
    const holeIds = new Map<string, number>();
    for (const hole of demo.holes) holeIds.set(hole.hole_id, writer.insertHole(hole));
    const holeOf = (holeId: string) => {
      const id = holeIds.get(holeId);
      if (id === undefined) throw new Error(`The demo generator refers to an unknown hole ${holeId}.`);
      return id;
    };
    for (const survey of demo.surveys)
      writer.insertSurvey(
        holeOf(survey.hole_id),
        survey.depth,
        survey.azimuth,
        survey.dip,
        survey.method,
        null,
      );
    for (const sample of demo.samples) {
      const id = writer.insertSample(
        holeOf(sample.hole_id),
        sample.depth_from,
        sample.depth_to,
        sample.sample_id,
        sample.sample_type,
        sample.parent_sample_id,
        sample.standard_code,
        sample.density,
        sample.comments,
      );
      for (const assay of sample.assays) {
        const parsed = parseLabValue(assay.lab_text, { negativeIsBelowDetection: true });
        const analyte = analyteIds.get(assay.analyte);
        if (analyte === undefined)
          throw new Error(`The demo generator refers to an unknown analyte ${assay.analyte}.`);
        writer.insertAssay(
          id,
          analyte,
          parsed.value,
          assay.lab_text,
          parsed.flag,
          assay.method,
          assay.lab,
          assay.certificate,
        );
      }
    }
    for (const row of demo.lithology)
      writer.insertLithology(
        holeOf(row.hole_id),
        row.depth_from,
        row.depth_to,
        row.code,
        row.description,
        null,
      );
    writer.flush();
    for (const preset of demo.presets)
      savePreset(db, 'intercepts', preset.name, preset.description, preset.params);
    for (const section of DEMO_SECTION_LINES) saveSectionLine(db, section.name, section.line);
    for (const standard of demo.standards) insertStandard(db, standard);
    const changeSet = beginChangeSet(db, {
      source: 'demo',
      osUser,
      description: `Demo project (seed ${seed})`,
    });
    const audit = createAuditWriter(db, changeSet);
    for (const [table, range] of Object.entries(writer.writtenRanges())) {
      if (range.count > 0)
        audit({
          action: 'import',
          table,
          rowId: null,
          column: null,
          oldValue: null,
          newValue: { ...range, source: 'demo generator', seed },
        });
    }
  })();
  validateProject(db, project.settings.length_unit);
  return project;
}

/** Opens the given project, or the demo (written on first use) when none is given. */
export function openOrCreateDemo(path: string | undefined, log: (text: string) => void): Project {
  if (path) return openProject(path);
  const demo = defaultDemoPath();
  if (existsSync(demo)) return openProject(demo);
  mkdirSync(dirname(demo), { recursive: true });
  log(`Writing the demo project to ${demo} ...`);
  return writeDemoProject(demo, osUserName());
}
