// The shape of a CLI command and the argument parsing every command shares: strict options, --help,
// and usage errors that say what to type instead.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A progress line redrawn in place (terminals only); '' clears it. */
  progress?: (text: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Usage line and option descriptions, printed by --help. */
  help: string;
  options: OptionSpec;
  /** Returns the process exit code. */
  run(positionals: string[], values: Record<string, unknown>, io: CliIo): Promise<number> | number;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT = { ok: 0, problems: 1, usage: 2, failed: 3 } as const;

export function parseCommandArgs(
  command: CliCommand,
  args: string[],
): { positionals: string[]; values: Record<string, unknown> } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { positionals: parsed.positionals, values: parsed.values as Record<string, unknown> };
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}. Run \`drillbench ${command.name} --help\` for the options.`,
    );
  }
}

export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOption(values: Record<string, unknown>, name: string): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || text.trim() === '')
    throw new UsageError(`--${name} needs a number, not "${text}".`);
  return value;
}

export function choiceOption<T extends string>(
  values: Record<string, unknown>,
  name: string,
  choices: readonly T[],
): T | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not "${text}".`);
  }
  return text as T;
}

export function requirePositional(
  positionals: string[],
  index: number,
  what: string,
  command: string,
): string {
  const value = positionals[index];
  if (value === undefined)
    throw new UsageError(`Give the ${what}: drillbench ${command} <${what.replace(/ /g, '-')}>. See --help.`);
  return value;
}

const NUMERIC_CELL = /^-?\d[\d,]*(\.\d+)?$|^-$/;

/** Renders rows as an aligned plain-text table; columns of numbers are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = header.map(
    (_title, column) =>
      rows.some((row) => (row[column] ?? '') !== '') &&
      rows.every((row) => (row[column] ?? '') === '' || NUMERIC_CELL.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
