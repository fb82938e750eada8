// The project's named settings as the API lists them (settings.list) and the result of changing one.

export interface ProjectSettingInfo {
  key: string;
  /** The value in force: the stored one, or the default. */
  value: string;
  isDefault: boolean;
  default: string;
  description: string;
}

export interface SettingChangeResult {
  key: string;
  value: string;
  /** What the change did to stored data, in words ("3 stored results re-read: ..."). */
  effect: string;
}
