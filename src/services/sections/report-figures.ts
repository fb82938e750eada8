// The plan and a section of a saved run drawn for a report, with no browser: the same option builders as
// the views, drawn as SVG by ECharts without a DOM and rasterised to PNG by resvg (a workbook takes PNG).
import { Resvg } from '@resvg/resvg-js';
import type { Database } from '../../storage/project-db';
import type { SectionLine } from '../../domain/sections/section-geometry';
import { sectionFrame } from '../../domain/sections/section-geometry';
import { tracesOnSection } from '../../domain/sections/section-clipping';
import { crossSectionOption, sectionCaption, sectionFigureInput } from '../../figures/cross-section';
import { svgOfOption } from '../../figures/figure-svg';
import { planMapInput, planMapOption } from '../../figures/plan-map';
import { readSettings } from '../../storage/project-db';
import { listSectionLines } from '../../storage/section-lines-store';
import { StorageError } from '../../storage/storage-error';
import { runIntervals } from './run-intervals';
import { traceSet } from './trace-set';

export interface FigureRequest {
  plan: boolean;
  /** A section along this line, or along the saved line named `sectionName`. */
  section: SectionLine | null;
  sectionName?: string;
}

export interface ReportFigure {
  /** File name stem: `plan`, `section`. */
  name: 'plan' | 'section';
  title: string;
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

/** Report figures are drawn at this size; the PNG at twice it, sharp enough to print. */
export const REPORT_FIGURE_SIZE = { width: 1200, height: 800 } as const;

export function pngOfSvg(svg: string, scale = 2): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return image.render().asPng();
}

function resolveSection(db: Database, request: FigureRequest): { line: SectionLine; name?: string } | null {
  if (request.section) return { line: request.section, name: request.sectionName };
  if (!request.sectionName) return null;
  const saved = listSectionLines(db).find((l) => l.name === request.sectionName);
  if (!saved) {
    throw new StorageError(
      'not-found',
      `There is no saved section line named "${request.sectionName}"; save one on the Plan, or leave the section out.`,
    );
  }
  return { line: saved, name: saved.name };
}

/** Draws the figures asked for; an empty list when the project has no hole to draw. */
export function reportFigures(db: Database, runId: number, request: FigureRequest): ReportFigure[] {
  const settings = readSettings(db);
  const set = traceSet(db, settings, 0.25);
  const section = resolveSection(db, request);
  if (set.traces.holeIds.length === 0) return [];
  const intervals = runIntervals(db, runId);
  const size = REPORT_FIGURE_SIZE;
  const figures: ReportFigure[] = [];
  const add = (name: ReportFigure['name'], title: string, svg: string) =>
    figures.push({ name, title, svg, png: pngOfSvg(svg), ...size });
  if (request.plan) {
    const title = `Plan: ${set.traces.holeIds.length} holes, intercepts of run ${runId} by ${intervals.gradeLabel} x length`;
    const option = planMapOption({ ...planMapInput(set, intervals, section?.line ?? null, size), title });
    add('plan', title, svgOfOption(option, size));
  }
  if (section) {
    const frame = sectionFrame(section.line);
    const holes = new Set(tracesOnSection(frame, set.traces).map((p) => set.traces.holeIds[p.hole]!));
    const onSection = runIntervals(db, runId, { holes: [...holes] });
    const title = sectionCaption(frame, set.lengthUnit, section.name);
    add(
      'section',
      title,
      svgOfOption(
        crossSectionOption(sectionFigureInput(set, onSection, section.line, { size, title })),
        size,
      ),
    );
  }
  return figures;
}
