// The heuristic engine: ffmpeg's own measures and thumbnail differences, no model.
import type { DetectAnalysis, DetectEngine, DetectRequest, DetectSource, DetectSpan } from '../types';
import { FrameDifferences } from './frame-differences';
import { findHighlights } from './highlights';
import { LoudnessLog } from './loudness';
import { planHeuristicRun } from './plan';
import { findCuts } from './scenes';
import { silenceSettings } from './settings';
import { SilenceLog } from './silence';

export const heuristicEngine: DetectEngine = {
  id: 'heuristic',
  description: 'frame differences, silencedetect and EBU R128 loudness from one ffmpeg decode',
  profiles: ['scenes', 'silence', 'highlights'],
  plan: planHeuristicRun,
  analyse(request: DetectRequest, source: DetectSource): DetectAnalysis {
    const differences = new FrameDifferences();
    const silence = new SilenceLog();
    const loudness = new LoudnessLog();
    return {
      pushFrame: (frame) => differences.push(frame),
      pushLogLine(line) {
        silence.push(line);
        loudness.push(line);
      },
      finish(): DetectSpan[] {
        const spans: DetectSpan[] = [];
        if (request.profiles.includes('scenes')) spans.push(...findCuts(differences, source, request.options?.scenes));
        if (request.profiles.includes('silence')) spans.push(...silence.finish(source, silenceSettings(request.options?.silence).levelDb));
        if (request.profiles.includes('highlights')) spans.push(...findHighlights(loudness.points, differences.d1, source, request.options?.highlights));
        return spans;
      },
    };
  },
};
