// The project's named settings a user may change (drillbench settings, the API's settings.list and
// settings.set): what each means, its default, how a typed value is checked, and what a change does to
// the data already stored (results read again, holes re-validated), audited as one change set.
import { parseSentinelList } from '../../domain/assay-values';
import { DEFAULT_VALIDATION } from '../../domain/validation/rules';
import type { ProjectSettingInfo } from '../../api/settings-types';
import { beginChangeSet, createAuditWriter, type ChangeSource } from '../../storage/audit';
import type { Project } from '../../storage/project-db';
import { getSetting, setSetting } from '../../storage/settings-store';
import { StorageError } from '../../storage/storage-error';
import { rereadMissingCodes } from '../assays/missing-codes';
import { validateProject } from '../validation/validate-project';

interface SettingSpec {
  description: string;
  default: string;
  /** The stored form of a typed value; throws RangeError with what to type. */
  parse(text: string): string;
}

function positiveNumber(what: string, allowZero: boolean) {
  return (text: string): string => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new RangeError(
        `${what} must be a number ${allowZero ? 'of 0 or more' : 'above 0'} (got "${text}").`,
      );
    }
    return String(value);
  };
}

export const PROJECT_SETTINGS: Record<string, SettingSpec> = {
  'assays.missing_sentinels': {
    description:
      'Negative numbers that mean "no result" in this project, beside -99, -999 and -9999 (comma separated, e.g. -1, -99.9). Stored results with these texts are read again when the list changes.',
    default: '',
    parse: (text) => parseSentinelList(text).join(','),
  },
  'assays.negative_is_below_detection': {
    description:
      'A negative result typed in a grid is a below-detection code (-0.01 means <0.01): true or false. Imports choose per file.',
    default: 'true',
    parse: (text) => {
      const value = text.trim().toLowerCase();
      if (value !== 'true' && value !== 'false') throw new RangeError(`Give true or false (got "${text}").`);
      return value;
    },
  },
  'validation.dogleg_limit': {
    description:
      'Dogleg severity (deg per 30 m, or per 100 ft in a feet project) above which a bend is warned.',
    default: String(DEFAULT_VALIDATION.doglegLimit),
    parse: positiveNumber('The dogleg limit', false),
  },
  'validation.dogleg_min_angle': {
    description:
      'Bends smaller than this many degrees between two stations are reading noise and not warned, whatever their severity.',
    default: String(DEFAULT_VALIDATION.doglegMinAngle),
    parse: positiveNumber('The minimum dogleg angle', true),
  },
  'validation.depth_tolerance': {
    description: 'Gaps and overlaps smaller than this (project length unit) are rounding, not problems.',
    default: String(DEFAULT_VALIDATION.depthTolerance),
    parse: positiveNumber('The depth tolerance', true),
  },
};

/** The project's own missing-value codes (besides the built-in ones). */
export function projectMissingSentinels(db: Project['db']): number[] {
  const text = getSetting(db, 'assays.missing_sentinels');
  return text ? parseSentinelList(text) : [];
}

export function listProjectSettings(project: Project): ProjectSettingInfo[] {
  return Object.entries(PROJECT_SETTINGS).map(([key, spec]) => {
    const stored = getSetting(project.db, key);
    return {
      key,
      value: stored ?? spec.default,
      isDefault: stored === null,
      default: spec.default,
      description: spec.description,
    };
  });
}

export interface SettingChange {
  key: string;
  value: string;
  /** What the change did to stored data, in words. */
  effect: string;
}

/** Sets one setting, audited, and brings stored results and validation in line with it. */
export function setProjectSetting(
  project: Project,
  key: string,
  text: string,
  who: { osUser: string; source: ChangeSource },
): SettingChange {
  const spec = PROJECT_SETTINGS[key];
  if (!spec) {
    throw new StorageError(
      'refused',
      `There is no project setting "${key}"; the settings are ${Object.keys(PROJECT_SETTINGS).join(', ')}.`,
    );
  }
  let value: string;
  try {
    value = spec.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new StorageError('refused', `${key}: ${error.message}`);
    throw error;
  }
  const { db } = project;
  const before = getSetting(db, key);
  if ((before ?? spec.default) === value) return { key, value, effect: 'Unchanged.' };
  let effect = '';
  db.transaction(() => {
    const changeSet = beginChangeSet(db, { ...who, description: `Project setting ${key} = ${value}` });
    const audit = createAuditWriter(db, changeSet);
    audit({
      action: 'update',
      table: 'project_settings',
      rowId: null,
      column: key,
      oldValue: before,
      newValue: value,
    });
    setSetting(db, key, value);
    if (key === 'assays.missing_sentinels') {
      const reread = rereadMissingCodes(db, project.settings.length_unit, {
        before: before ? parseSentinelList(before) : [],
        after: parseSentinelList(value),
        audit,
      });
      effect =
        reread.changed === 0
          ? 'No stored result has these texts.'
          : `${reread.changed} stored result${reread.changed === 1 ? '' : 's'} re-read: ${reread.nowMissing} now missing-value codes (no result)${reread.changed > reread.nowMissing ? `, ${reread.changed - reread.nowMissing} read as results again` : ''}; ${reread.holes} hole${reread.holes === 1 ? '' : 's'} re-validated.`;
    }
  })();
  if (key.startsWith('validation.')) {
    validateProject(db, project.settings.length_unit);
    effect = 'The project was re-validated with the new value.';
  }
  return { key, value, effect: effect || 'Saved; it applies to what is typed or imported from now on.' };
}
