// The strip log of one hole as an ECharts option: tracks side by side over one downhole depth axis
// (increasing downwards, zoomed and scrolled together) - lithology coloured by code, sample intervals
// with QA/QC inserts, one track of grade bars per chosen analyte (linear or log), and the intercepts or
// composites of a saved run - with a summary in words and what a click on each item opens.
import type { EChartsOption, SeriesOption } from 'echarts';
import type { HoleRunResults, HoleViewData } from '../api/hole-types';
import type { AnalyteRow, LengthUnit } from '../domain/model';
import {
  analyteValues,
  depthRange,
  logRange,
  niceCeiling,
  placeInserts,
  sampleIntervals,
  type AnalyteValues,
} from './strip-log-data';
import { depthAxes, depthZoom, nameOnlyAxis, trackGrids, trackXAxes, type Track } from './strip-log-layout';
import {
  analyteSummary,
  analyteTooltip,
  depthText,
  escapeHtml,
  interceptLabels,
  interceptText,
  interceptTooltip,
  plural,
  runDescription,
  runMessage,
} from './strip-log-text';
import {
  analyteSeries,
  compositeSeries,
  INSERT_NAMES,
  insertSeries,
  interceptBandSeries,
  lithologySeries,
  messageSeries,
  runSeries,
  sampleSeries,
  type AnalyteScale,
  type TrackAxes,
} from './strip-log-tracks';

export interface StripLogChoices {
  /** Analyte codes drawn as tracks, in order. */
  analytes: readonly string[];
  logScale: boolean;
  run: HoleRunResults | null;
  /** Shown in the run track when no run is drawn (none saved, none chosen). */
  noRunMessage?: string;
  /** The depths to show at first (see paddedWindow), or null for the whole hole. */
  window?: { from: number; to: number } | null;
}

/** What a click on an item opens: a row in its grid, or the samples over a depth interval. */
export type StripLogTarget =
  | { kind: 'row'; table: 'samples' | 'lithology'; rowId: number }
  | { kind: 'interval'; from: number; to: number };

export interface StripLogFigure {
  option: EChartsOption;
  /** The figure in words and numbers, one line per track. */
  summary: string[];
  /** Why nothing is drawn, or null. */
  emptyMessage: string | null;
  pick(seriesId: string, dataIndex: number): StripLogTarget | null;
}

const ANALYTE_COLOURS = ['#4e79a7', '#59a14f', '#9c755f', '#b07aa1', '#76b7b2', '#e15759', '#edc948'];

/** What the tracks add up: their series, the tooltip and click target of each item, the summary. */
class Drawing {
  readonly series: SeriesOption[] = [];
  readonly tooltips = new Map<string, (index: number) => string>();
  readonly picks = new Map<string, (index: number) => StripLogTarget | null>();
  readonly summary: string[] = [];

  constructor(
    readonly hole: HoleViewData,
    readonly unit: LengthUnit,
    private readonly tracks: readonly Track[],
  ) {}

  axes(trackId: string): TrackAxes {
    const index = this.tracks.findIndex((track) => track.id === trackId);
    return { xAxisIndex: index, yAxisIndex: index };
  }

  /** A series with the tooltip and click target of each of its items. */
  add(
    series: SeriesOption,
    tooltip?: (index: number) => string,
    pick?: (index: number) => StripLogTarget,
  ): void {
    this.series.push(series);
    const id = String(series.id);
    if (tooltip) this.tooltips.set(id, tooltip);
    if (pick) this.picks.set(id, pick);
  }

  /** The results of a sample, as the lab reported them, for its tooltip. */
  resultsText(rowId: number): string {
    const row = this.hole.samples.find((sample) => sample.id === rowId);
    return this.hole.analytes
      .map((analyte) => {
        const cell = row?.results[analyte.code];
        return cell ? `${analyte.code} ${escapeHtml(cell.lab_text)} ${analyte.unit}` : null;
      })
      .filter((text) => text !== null)
      .join(', ');
  }
}

function analyteScale(values: AnalyteValues, log: boolean): AnalyteScale {
  const numbers = values.values.map((value) => value.value);
  if (log) return { log, ...logRange(numbers) };
  return { log, min: 0, max: niceCeiling(Math.max(0, ...numbers)) };
}

function analyteTrack(values: AnalyteValues, scale: AnalyteScale): Track {
  const { code, unit } = values.analyte;
  return {
    id: `analyte:${code}`,
    weight: 1.6,
    xAxis: {
      type: scale.log ? 'log' : 'value',
      min: scale.min,
      max: scale.max,
      ...(scale.log ? { logBase: 10 } : {}),
      position: 'top',
      name: `${code} (${unit})${scale.log ? ' log' : ''}`,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { fontWeight: 'bold' },
      // The end labels lean inwards so they do not run into the next track's.
      axisLabel: { fontSize: 10, hideOverlap: true, alignMinLabel: 'left', alignMaxLabel: 'right' },
      splitLine: { show: true, lineStyle: { color: '#e5e9ef' } },
    },
  };
}

function drawLithology(drawing: Drawing): void {
  const { hole, unit } = drawing;
  const axes = drawing.axes('lithology');
  const units = hole.lithology.map((row) => ({
    rowId: row.id,
    from: row.depth_from,
    to: row.depth_to,
    code: row.code,
    colour: hole.lithologyCodes[row.code]?.colour ?? '#cccccc',
  }));
  if (units.length === 0) {
    drawing.add(messageSeries(axes, 'lithology', 'No lithology logged'));
    drawing.summary.push('Lithology: none logged.');
    return;
  }
  drawing.add(
    lithologySeries(axes, units),
    (index) => {
      const u = units[index]!;
      const description = hole.lithologyCodes[u.code]?.description;
      return `<b>${escapeHtml(u.code)}</b>${description ? ` ${escapeHtml(description)}` : ''}<br/>${depthText(u.from)}-${depthText(u.to)} ${unit}`;
    },
    (index) => ({ kind: 'row', table: 'lithology', rowId: units[index]!.rowId }),
  );
  const codes = [...new Set(units.map((u) => u.code))];
  drawing.summary.push(
    `Lithology: ${plural(units.length, 'interval')}, ${plural(codes.length, 'code')} (${codes.join(', ')}).`,
  );
}

function drawSamples(drawing: Drawing): void {
  const { hole, unit } = drawing;
  const axes = drawing.axes('samples');
  const samples = sampleIntervals(hole);
  if (samples.length === 0) drawing.add(messageSeries(axes, 'samples', 'No samples with depths'));
  else {
    drawing.add(
      sampleSeries(axes, samples),
      (index) => {
        const s = samples[index]!;
        return `<b>Sample ${escapeHtml(s.sampleId ?? '(no ID)')}</b><br/>${depthText(s.from)}-${depthText(s.to)} ${unit}<br/>${drawing.resultsText(s.rowId)}`;
      },
      (index) => ({ kind: 'row', table: 'samples', rowId: samples[index]!.rowId }),
    );
  }
  const inserts = placeInserts(hole);
  const counts: string[] = [];
  for (const kind of ['blank', 'standard', 'duplicate'] as const) {
    const ofKind = inserts.filter((insert) => insert.kind === kind);
    if (ofKind.length === 0) continue;
    counts.push(plural(ofKind.length, INSERT_NAMES[kind].toLowerCase()));
    drawing.add(
      insertSeries(axes, kind, ofKind),
      (index) => {
        const insert = ofKind[index]!;
        const row = hole.samples.find((sample) => sample.id === insert.rowId);
        const extra =
          kind === 'standard' && row?.standard_code
            ? ` (${escapeHtml(row.standard_code)})`
            : kind === 'duplicate' && row?.parent_sample_id
              ? ` of ${escapeHtml(row.parent_sample_id)}`
              : '';
        return `<b>${INSERT_NAMES[kind]} ${escapeHtml(insert.sampleId ?? '')}</b>${extra}<br/>drawn ${escapeHtml(insert.placement)}<br/>${drawing.resultsText(insert.rowId)}`;
      },
      (index) => ({ kind: 'row', table: 'samples', rowId: ofKind[index]!.rowId }),
    );
  }
  const unplaced = hole.samples.filter((row) => row.sample_type !== 'regular').length - inserts.length;
  drawing.summary.push(
    `Samples: ${plural(samples.length, 'interval')} drawn; QA/QC: ${
      counts.length > 0 ? counts.join(', ') : 'no inserts'
    }${unplaced > 0 ? `; ${plural(unplaced, 'insert')} not placed (no sample with depths near them)` : ''}.`,
  );
}

function drawAnalyte(
  drawing: Drawing,
  values: AnalyteValues,
  scale: AnalyteScale,
  colour: string,
  run: HoleRunResults | null,
): void {
  const { analyte } = values;
  const axes = drawing.axes(`analyte:${analyte.code}`);
  const composites = run?.run.kind === 'composites';
  if (run && !composites && run.intervals.length > 0) {
    drawing.add(interceptBandSeries(axes, analyte.code, run.intervals));
  }
  if (values.values.length === 0) {
    drawing.add(messageSeries(axes, analyte.code, `No ${analyte.code} results in this hole`));
  } else {
    drawing.add(
      analyteSeries(axes, analyte.code, colour, values.values, scale),
      (index) => analyteTooltip(analyte, values.values[index]!, drawing.unit),
      (index) => ({ kind: 'row', table: 'samples', rowId: values.values[index]!.rowId }),
    );
  }
  drawing.summary.push(analyteSummary(values, scale.log, drawing.unit));
  const column = composites ? run.analytes.findIndex((a) => a.code === analyte.code) : -1;
  if (run && column >= 0) {
    const steps = run.intervals.map((c) => ({ from: c.from, to: c.to, value: c.values[column] ?? null }));
    drawing.add(compositeSeries(axes, analyte.code, steps, scale));
  }
}

function drawRun(
  drawing: Drawing,
  run: HoleRunResults | null,
  analytes: readonly AnalyteRow[],
  noRunMessage: string,
): void {
  const { hole, unit } = drawing;
  if (run?.run.kind === 'composites') {
    const shown = analytes.filter((a) => run.analytes.some((r) => r.code === a.code)).map((a) => a.code);
    drawing.summary.push(
      `Run ${run.run.id} (composites): ${plural(run.intervals.length, 'composite')} in ${hole.holeId}, drawn as a black step line in ${
        shown.length > 0 ? shown.join(', ') : 'no shown analyte track (choose one the run composited)'
      }.`,
    );
    return;
  }
  const axes = drawing.axes('run');
  const message = run ? runMessage(run, hole.holeId) : noRunMessage;
  if (!run || message) {
    drawing.add(messageSeries(axes, 'run', message ?? noRunMessage));
    drawing.summary.push(run ? `Run ${run.run.id}: ${message}.` : `Intercepts: ${noRunMessage}.`);
    return;
  }
  const intervals = run.intervals;
  drawing.add(
    runSeries(axes, intervals, interceptLabels(run, unit)),
    (index) => interceptTooltip(run, intervals[index]!, unit),
    (index) => ({ kind: 'interval', from: intervals[index]!.from, to: intervals[index]!.to }),
  );
  drawing.summary.push(
    `Run ${run.run.id} (${run.grade?.expression ?? 'intercepts'}): ${intervals
      .map((interval) => `${hole.holeId} ${interceptText(run, interval, unit)}`)
      .join('; ')}.`,
  );
}

export function stripLogFigure(hole: HoleViewData, choices: StripLogChoices): StripLogFigure {
  const unit = hole.lengthUnit;
  const range = depthRange(hole);
  if (!range || (sampleIntervals(hole).length === 0 && hole.lithology.length === 0)) {
    return {
      option: {},
      summary: [],
      emptyMessage: `${hole.holeId} has no samples or lithology with depths to draw. Add them in the Samples and assays or Lithology grid, or import them, and the strip log appears here.`,
      pick: () => null,
    };
  }
  const analytes = choices.analytes
    .map((code) => hole.analytes.find((analyte) => analyte.code === code))
    .filter((analyte): analyte is AnalyteRow => analyte !== undefined);
  const { run } = choices;
  const values = analytes.map((analyte) => analyteValues(hole, analyte));
  const scales = values.map((drawn) => analyteScale(drawn, choices.logScale));
  const tracks: Track[] = [
    { id: 'lithology', weight: 1, xAxis: nameOnlyAxis('Lithology') },
    { id: 'samples', weight: 0.9, xAxis: nameOnlyAxis('Samples') },
    ...values.map((drawn, index) => analyteTrack(drawn, scales[index]!)),
  ];
  // A composites run is drawn over the grades; intercepts get a track of their own.
  if (run?.run.kind !== 'composites') {
    const name = run?.grade ? `${run.grade.label} intercepts` : 'Intercepts';
    tracks.push({ id: 'run', weight: 1.7, xAxis: nameOnlyAxis(name) });
  }

  const drawing = new Drawing(hole, unit, tracks);
  const eoh = hole.collar.eoh;
  drawing.summary.push(
    `${hole.holeId}: ${depthText(range.top)}-${depthText(range.bottom)} ${unit} downhole (${
      eoh === null ? 'end of hole not recorded' : `end of hole ${depthText(eoh)} ${unit}`
    }).`,
  );
  drawLithology(drawing);
  drawSamples(drawing);
  values.forEach((drawn, index) =>
    drawAnalyte(drawing, drawn, scales[index]!, ANALYTE_COLOURS[index % ANALYTE_COLOURS.length]!, run),
  );
  if (analytes.length === 0) drawing.summary.push('No analyte chosen: choose one to draw its grades.');
  drawRun(drawing, run, analytes, choices.noRunMessage ?? 'No run chosen');

  const option: EChartsOption = {
    animation: false,
    title: {
      text: hole.holeId,
      subtext: `Strip log, downhole depth in ${unit === 'm' ? 'metres' : 'feet'}${run ? `; ${runDescription(run)}` : ''}`,
      left: 8,
      top: 4,
      textStyle: { fontSize: 15 },
      subtextStyle: { fontSize: 11, color: '#4a5568' },
    },
    grid: trackGrids(tracks),
    xAxis: trackXAxes(tracks),
    yAxis: depthAxes(tracks.length, range, unit),
    series: drawing.series,
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: ((params: { seriesId?: string; dataIndex?: number }) => {
        const text = drawing.tooltips.get(params.seriesId ?? '');
        return text && params.dataIndex !== undefined ? text(params.dataIndex) : '';
      }) as never,
    },
    dataZoom: depthZoom(tracks.length, range, choices.window ?? null),
  };
  return {
    option,
    summary: drawing.summary,
    emptyMessage: null,
    pick: (seriesId, dataIndex) => drawing.picks.get(seriesId)?.(dataIndex) ?? null,
  };
}

/** An interval with a quarter of its length (at least one depth unit) above and below, to see it in context. */
export function paddedWindow(interval: { from: number; to: number }): { from: number; to: number } {
  const margin = Math.max(1, (interval.to - interval.from) * 0.25);
  return { from: Math.max(0, interval.from - margin), to: interval.to + margin };
}
