// Grade classes for colouring pierce points and section bars: class limits at rounded quantiles of the
// values drawn, so each colour holds a share of them, and a legend label per class. Classes rather than a
// continuous scale because each class becomes one series that ECharts draws in its fast "large" mode.

/** Cool to hot, readable on white and in grey print. */
export const CLASS_COLOURS = ['#4575b4', '#74add1', '#fdae61', '#f46d43', '#d73027', '#a50026'] as const;
export const MISSING_COLOUR = '#9e9e9e';

export interface GradeClasses {
  /** Lower limit of each class after the first (ascending). Class k holds limits[k-1] <= v < limits[k]. */
  limits: number[];
  colours: string[];
  labels: string[];
}

/** A limit rounded to two significant figures, so the legend reads 12 or 0.85, not 11.9372. */
function round2(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  return Math.round(value / magnitude) * magnitude;
}

function text(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Up to `count` classes from quantiles of the finite values; fewer when the values repeat. */
export function gradeClasses(values: readonly (number | null)[], count = 5): GradeClasses {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const limits: number[] = [];
  if (sorted.length > 1) {
    for (let k = 1; k < count; k++) {
      const limit = round2(sorted[Math.floor((k * sorted.length) / count)]!);
      const last = limits[limits.length - 1];
      if (limit > sorted[0]! && (last === undefined || limit > last)) limits.push(limit);
    }
  }
  const classes = limits.length + 1;
  const colours = Array.from({ length: classes }, (_, k) =>
    classes === 1
      ? CLASS_COLOURS[4]
      : CLASS_COLOURS[Math.round((k * (CLASS_COLOURS.length - 1)) / (classes - 1))]!,
  );
  const labels = Array.from({ length: classes }, (_, k) => {
    if (classes === 1) return sorted.length === 0 ? 'no values' : 'all';
    if (k === 0) return `< ${text(limits[0]!)}`;
    if (k === classes - 1) return `>= ${text(limits[k - 1]!)}`;
    return `${text(limits[k - 1]!)} - ${text(limits[k]!)}`;
  });
  return { limits, colours, labels };
}

/** The class of a value, or -1 when it has none (missing). */
export function classOf(classes: GradeClasses, value: number | null): number {
  if (value === null || !Number.isFinite(value)) return -1;
  let k = 0;
  while (k < classes.limits.length && value >= classes.limits[k]!) k++;
  return k;
}
