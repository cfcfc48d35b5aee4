import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { readSettings } from './read-settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readSettings', () => {
  it('gives the defaults when nothing is set', () => {
    const { settings, warnings } = readSettings(from({}));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(warnings, []);
  });

  it('maps every key to its place in AtroposSettings', () => {
    const { settings, warnings } = readSettings(from({
      ffmpegPath: ' /opt/ffmpeg/bin/ffmpeg ', ffprobePath: '/opt/ffmpeg/bin/ffprobe',
      'renderHost.port': 7777, 'renderHost.idleTimeoutMinutes': 5, 'renderHost.concurrency': 2, 'renderHost.allowedRoots': ['/srv/renders'],
      'render.defaultPreset': 'draft', 'preview.frameWidth': 320,
      'diagnostics.severity': { 'font-not-found': 'off', 'clip-past-media-end': 'error' }, 'diagnostics.debounceMs': 300,
      'licensing.apiBaseUrl': 'http://127.0.0.1:8787', 'licensing.subscriptionUrl': 'https://example.test/buy',
    }));
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings, {
      ffmpegPath: '/opt/ffmpeg/bin/ffmpeg', ffprobePath: '/opt/ffmpeg/bin/ffprobe',
      renderHost: { port: 7777, idleTimeoutMinutes: 5, concurrency: 2, allowedRoots: ['/srv/renders'] },
      render: { defaultPreset: 'draft' }, preview: { frameWidth: 320 },
      diagnostics: { severity: { 'font-not-found': 'off', 'clip-past-media-end': 'error' }, debounceMs: 300 },
      licensing: { apiBaseUrl: 'http://127.0.0.1:8787', subscriptionUrl: 'https://example.test/buy' },
    });
  });

  it('falls back to the default for a bad value and says which key and value', () => {
    const { settings, warnings } = readSettings(from({
      'renderHost.port': 70000, 'render.defaultPreset': 'best', 'licensing.apiBaseUrl': 'ftp://x', 'diagnostics.severity': { x: 'loud' },
    }));
    assert.equal(settings.renderHost.port, 0);
    assert.equal(settings.render.defaultPreset, 'final');
    assert.equal(settings.licensing.apiBaseUrl, DEFAULT_SETTINGS.licensing.apiBaseUrl);
    assert.deepEqual(settings.diagnostics.severity, {});
    assert.deepEqual(warnings, [
      'atropos.diagnostics.severity.x: expected one of error, warning, information, hint, off, got "loud"',
      'atropos.renderHost.port: expected a port number 0–65535, got 70000; using 0',
      'atropos.render.defaultPreset: expected one of final, draft, vertical, gif, audio, got "best"; using "final"',
      'atropos.licensing.apiBaseUrl: expected an http(s) URL, got "ftp://x"; using "https://api.atropos-video.com"',
    ]);
  });
});
