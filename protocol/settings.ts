// User settings under the `atropos.` prefix, typed once. package.json `contributes.configuration`
// declares the same keys for VS Code; the language server pulls its part with workspace/configuration.

import type { IssueSeverity } from './source-range';
import { DEFAULT_LICENSING_URL, DEFAULT_SUBSCRIPTION_URL } from './licensing';

export const SETTINGS_SECTION = 'atropos';

import type { RenderPresetName } from './render-presets';

export type { RenderPresetName } from './render-presets';

/** `off` hides the issue; otherwise the severity it is shown with. */
export type SeveritySetting = IssueSeverity | 'off';

export interface AtroposSettings {
  /** Path of the ffmpeg binary; empty = ffmpeg-static if installed, then `ffmpeg` on PATH. */
  ffmpegPath: string;
  /** Path of the ffprobe binary; empty = ffmpeg-static's sibling if installed, then `ffprobe` on PATH. */
  ffprobePath: string;
  renderHost: {
    /** 0 = any free port. */
    port: number;
    /** Minutes without requests before the host exits. */
    idleTimeoutMinutes: number;
    /** Renders that run at once. */
    concurrency: number;
    /** Extra folders renders may write into, besides the timeline's workspace folder. */
    allowedRoots: string[];
  };
  render: {
    defaultPreset: RenderPresetName;
  };
  preview: {
    /** Width in pixels of the frames the preview requests (height follows the output's aspect). */
    frameWidth: number;
  };
  diagnostics: {
    /** Per issue code, e.g. `{ "font-not-found": "off" }`. */
    severity: Record<string, SeveritySetting>;
    /** Milliseconds to wait after typing before validating. */
    debounceMs: number;
  };
  licensing: {
    apiBaseUrl: string;
    subscriptionUrl: string;
  };
  farm: {
    /** Redis of a render farm (`redis://HOST:PORT`); empty = final renders run on this machine. See docs/farm.md. */
    redisUrl: string;
  };
}

export const DEFAULT_SETTINGS: AtroposSettings = {
  ffmpegPath: '',
  ffprobePath: '',
  renderHost: { port: 0, idleTimeoutMinutes: 30, concurrency: 1, allowedRoots: [] },
  render: { defaultPreset: 'final' },
  preview: { frameWidth: 640 },
  diagnostics: { severity: {}, debounceMs: 150 },
  licensing: {
    apiBaseUrl: DEFAULT_LICENSING_URL,
    subscriptionUrl: DEFAULT_SUBSCRIPTION_URL,
  },
  farm: { redisUrl: '' },
};
