// Each profile's options with their defaults, read in one place (the plan, the analysis and the CLI's help agree).
import type { DetectOptions } from '../types';

export const DEFAULTS = {
  scenes: { threshold: 0.12, minLength: 0.5 },
  silence: { threshold: -50, minLength: 0.5 },
  highlights: { threshold: 0, minLength: 5, top: 5 },
} as const;

export function sceneSettings(options: DetectOptions = {}): { threshold: number; minSeconds: number } {
  return { threshold: options.threshold ?? DEFAULTS.scenes.threshold, minSeconds: options.minLength ?? DEFAULTS.scenes.minLength };
}

export function silenceSettings(options: DetectOptions = {}): { levelDb: number; minSeconds: number } {
  return { levelDb: options.threshold ?? DEFAULTS.silence.threshold, minSeconds: options.minLength ?? DEFAULTS.silence.minLength };
}

export function highlightSettings(options: DetectOptions = {}): { threshold: number; windowSeconds: number; top: number } {
  return {
    threshold: options.threshold ?? DEFAULTS.highlights.threshold,
    windowSeconds: options.minLength ?? DEFAULTS.highlights.minLength,
    top: options.top ?? DEFAULTS.highlights.top,
  };
}
