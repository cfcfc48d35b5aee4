// The server's view of the user's `atropos.*` settings, pulled with workspace/configuration
// (when the client supports it) and refreshed on didChangeConfiguration.

import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type AtroposSettings } from '../../protocol/settings';

export class SettingsStore {
  private current: AtroposSettings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  get(): AtroposSettings {
    return this.current;
  }

  /** Pulls the section from the client; keeps the defaults for anything missing or malformed. */
  async refresh(): Promise<AtroposSettings> {
    if (!this.canPull()) return this.current;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ section: SETTINGS_SECTION });
      this.current = mergeSettings(raw);
    } catch {
      // A client that fails the request keeps the previous settings; diagnostics must still flow.
    }
    return this.current;
  }
}

/** Defaults overlaid with whatever well-typed values the client sent. */
export function mergeSettings(raw: unknown): AtroposSettings {
  const d = DEFAULT_SETTINGS;
  const r = isRecord(raw) ? raw : {};
  const diagnostics = isRecord(r.diagnostics) ? r.diagnostics : {};
  const severity: AtroposSettings['diagnostics']['severity'] = {};
  if (isRecord(diagnostics.severity)) {
    for (const [code, value] of Object.entries(diagnostics.severity)) {
      if (value === 'error' || value === 'warning' || value === 'information' || value === 'hint' || value === 'off') {
        severity[code] = value;
      }
    }
  }
  const debounce = diagnostics.debounceMs;
  return {
    ...d,
    ffmpegPath: typeof r.ffmpegPath === 'string' ? r.ffmpegPath : d.ffmpegPath,
    ffprobePath: typeof r.ffprobePath === 'string' ? r.ffprobePath : d.ffprobePath,
    diagnostics: {
      severity,
      debounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 ? debounce : d.diagnostics.debounceMs,
    },
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
