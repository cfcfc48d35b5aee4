// EDL timecodes → frames at the EDL's rate. `;` (or `.`) before the frames means drop-frame.
import { dropFramesPerMinute, formatTimecode, parseTimeValue, type Rational } from '../../time';

export type TimecodeResult = { ok: true; frames: number; dropFrame: boolean } | { ok: false; reason: string };

export function isDropFrameTimecode(timecode: string): boolean {
  return /[;.]\d{2}$/.test(timecode);
}

export function timecodeToFrames(timecode: string, rate: Rational): TimecodeResult {
  const dropFrame = isDropFrameTimecode(timecode) && dropFramesPerMinute(rate) !== undefined;
  // Normalise separators: a `;` at a rate without drop-frame is read as non-drop (the importer warns once).
  const normalised = timecode.replace(/[;.:](\d{2})$/, dropFrame ? ';$1' : ':$1').replace(/[.;](?=\d{2}[:;])/g, ':');
  const parsed = parseTimeValue(normalised, rate);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.value.kind !== 'frames') return { ok: false, reason: `"${timecode}" is not a timecode` };
  return { ok: true, frames: parsed.value.frames, dropFrame };
}

export function framesToTimecode(frames: number, rate: Rational, dropFrame: boolean): string {
  return formatTimecode(Math.max(0, frames), rate, dropFrame && dropFramesPerMinute(rate) !== undefined);
}
