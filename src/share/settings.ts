/**
 * Engine settings as they travel in links and workspace files: only the known keys whose value differs from
 * `DEFAULT_SETTINGS`, merged back with the defaults when read, so old links keep working when settings are added.
 * A whitelist, never a copy of whatever object the caller passes: an API key or any other stray field in a
 * settings object must not reach a link. Pure data in, data out; no storage, no DOM.
 */
import { DEFAULT_SETTINGS, FUZZY_SCORERS, type EngineSettings } from '../engine/types.ts';

/** The allowed values of the settings that are enums; other settings only need the default's JS type. */
const ENUMS: Partial<Record<keyof EngineSettings, readonly string[]>> = { fuzzyScorer: FUZZY_SCORERS };

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof EngineSettings)[];

function isKnownKey(key: string): key is keyof EngineSettings {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/** Why `value` cannot be the value of setting `key`, or null when it can. */
function problemWith(key: keyof EngineSettings, value: unknown): string | null {
  const def = DEFAULT_SETTINGS[key];
  if (typeof value !== typeof def) return `must be a ${typeof def}, but it is ${value === null ? 'null' : typeof value}`;
  const allowed = ENUMS[key];
  if (allowed && !allowed.includes(value as string)) return `has the unknown value ${JSON.stringify(value)}`;
  return null;
}

/** The known settings whose valid value differs from the default (what a link or file carries). */
export function settingsDiff(settings: unknown): Partial<EngineSettings> {
  const out: Record<string, unknown> = {};
  if (typeof settings !== 'object' || settings === null) return {};
  for (const key of SETTING_KEYS) {
    const value = (settings as Record<string, unknown>)[key];
    if (value === undefined || problemWith(key, value) !== null) continue;
    if (value !== DEFAULT_SETTINGS[key]) out[key] = value;
  }
  return out as Partial<EngineSettings>;
}

/**
 * Full settings from what a link or file carried: defaults for what is missing, unknown keys and invalid
 * values ignored with a warning (a newer version may know them; the user should know they were dropped).
 */
export function mergeSettings(raw: Record<string, unknown> | undefined): { settings: EngineSettings; warnings: string[] } {
  const settings: EngineSettings = { ...DEFAULT_SETTINGS };
  const warnings: string[] = [];
  if (!raw) return { settings, warnings };
  for (const [key, value] of Object.entries(raw)) {
    if (!isKnownKey(key)) {
      warnings.push(`The setting "${key}" is not known to this version and was ignored.`);
      continue;
    }
    const problem = problemWith(key, value);
    if (problem) {
      warnings.push(`The setting "${key}" ${problem}; the default ${JSON.stringify(DEFAULT_SETTINGS[key])} is used.`);
      continue;
    }
    (settings as unknown as Record<string, unknown>)[key] = value;
  }
  return { settings, warnings };
}
