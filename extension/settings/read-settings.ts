// VS Code configuration → AtroposSettings (protocol/settings.ts). Pure: the caller passes a getter,
// so this maps and validates without `vscode`. A value of the wrong type falls back to the default
// and is reported, so a typo in settings.json never breaks rendering silently.

import { RENDER_PRESETS, isRenderPreset } from '../../protocol/render-presets';
import { DEFAULT_SETTINGS, type AtroposSettings, type SeveritySetting } from '../../protocol/settings';

/** Reads one key below `atropos.`, e.g. `renderHost.port`; undefined when unset. */
export type SettingGetter = (key: string) => unknown;

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface SettingsReadResult {
  settings: AtroposSettings;
  /** One line per ignored value, naming the key and what was received. */
  warnings: string[];
}

export function readSettings(get: SettingGetter): SettingsReadResult {
  const warnings: string[] = [];
  const d = DEFAULT_SETTINGS;

  const pick = <T>(key: string, fallback: T, valid: (v: unknown) => v is T, expected: string): T => {
    const value = get(key);
    if (value === undefined || value === null) return fallback;
    if (valid(value)) return value;
    warnings.push(`atropos.${key}: expected ${expected}, got ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}`);
    return fallback;
  };
  const isString = (v: unknown): v is string => typeof v === 'string';
  const intIn = (min: number, max: number) => (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
  const isUrl = (v: unknown): v is string => isString(v) && /^https?:\/\/\S+$/.test(v);

  const severityMap = get('diagnostics.severity');
  const severity: Record<string, SeveritySetting> = {};
  if (severityMap !== undefined && severityMap !== null) {
    if (typeof severityMap !== 'object' || Array.isArray(severityMap)) {
      warnings.push(`atropos.diagnostics.severity: expected an object of issue code → severity, got ${JSON.stringify(severityMap)}`);
    } else {
      for (const [code, value] of Object.entries(severityMap)) {
        if (SEVERITIES.includes(value as SeveritySetting)) severity[code] = value as SeveritySetting;
        else warnings.push(`atropos.diagnostics.severity.${code}: expected one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(value)}`);
      }
    }
  }

  return {
    warnings,
    settings: {
      ffmpegPath: pick('ffmpegPath', d.ffmpegPath, isString, 'a path').trim(),
      ffprobePath: pick('ffprobePath', d.ffprobePath, isString, 'a path').trim(),
      renderHost: {
        port: pick('renderHost.port', d.renderHost.port, intIn(0, 65535), 'a port number 0–65535'),
        idleTimeoutMinutes: pick('renderHost.idleTimeoutMinutes', d.renderHost.idleTimeoutMinutes, intIn(1, 24 * 60), 'minutes 1–1440'),
        concurrency: pick('renderHost.concurrency', d.renderHost.concurrency, intIn(1, 16), 'a whole number 1–16'),
        allowedRoots: pick('renderHost.allowedRoots', d.renderHost.allowedRoots, isStringList, 'a list of folders'),
      },
      render: { defaultPreset: pick('render.defaultPreset', d.render.defaultPreset, isRenderPreset, `one of ${RENDER_PRESETS.join(', ')}`) },
      preview: { frameWidth: pick('preview.frameWidth', d.preview.frameWidth, intIn(64, 3840), 'pixels 64–3840') },
      diagnostics: {
        severity,
        debounceMs: pick('diagnostics.debounceMs', d.diagnostics.debounceMs, intIn(0, 5000), 'milliseconds 0–5000'),
      },
      licensing: {
        apiBaseUrl: pick('licensing.apiBaseUrl', d.licensing.apiBaseUrl, isUrl, 'an http(s) URL'),
        subscriptionUrl: pick('licensing.subscriptionUrl', d.licensing.subscriptionUrl, isUrl, 'an http(s) URL'),
      },
    },
  };
}
