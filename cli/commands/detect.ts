// `atropos detect scenes|silence|highlights <media>`: print the spans a detection engine finds,
// add them to a timeline as markers, or write a rough-cut timeline. Runs on the render host when
// one is up, else in this process (cli/host-detector.ts): the same node/detect either way.
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { DETECT_PROFILES, applyEdit, insertMarkers, keepBetweenSilences, keepHighlights, markersFromSpans, placementFor, roughCutYaml, type DetectOptions, type Placement, type DetectProfile, type DetectResult, type DetectSpan } from '../../core/detect';
import { formatClock, framesToSeconds, parseTimeValue, rational, secondsToFrames } from '../../core/time';
import { DetectionError } from '../../node/detect/detection-error';
import { probeMedia } from '../../node/media/probe';
import { parseArgs } from '../args';
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';
import { checkOutputFree, writeAtomically } from '../output-file';
import { EXIT } from './render-support';
import { loadTimeline } from '../load-timeline';
import { cliDetector } from '../host-detector';

export const detectCommand: CliCommand = {
  name: 'detect',
  summary: 'Find scene cuts, silences or highlights in a media file',
  usage: `Usage: atropos detect scenes|silence|highlights <media> [options]

  --threshold N        scenes: picture change a cut must reach, 0–1 (default 0.12)
                       silence: level in dB below which sound is silence (default -50)
                       highlights: score a highlight must reach, 0–1 (default 0)
  --min-length T       scenes: shortest shot (default 0.5s); silence: shortest silence (0.5s);
                       highlights: length of each highlight (5s). 2.5, 2.5s or 500ms
  --top N              highlights: how many (default 5)
  --json               print the result as JSON
  --markers FILE       add the spans to FILE's markers: (a *.timeline.yaml; comments are kept),
                       where its clips play the media (its own times if no clip uses it)
  --rough-cut          write a timeline that keeps the non-silent parts (silence) or the top
                       highlights in order (highlights); needs -o
  -o FILE              the rough-cut timeline to write (e.g. cut.timeline.yaml)
  --margin T           silence rough cut: sound kept on each side of a silence (default 0.2s)
  --overwrite          replace an existing rough-cut file

Exit codes: 0 done, 2 bad usage or unreadable media, 3 ffmpeg failed, 4 the output exists,
5 ffmpeg not found, 130 cancelled.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'threshold', type: 'string' },
      { name: 'min-length', type: 'string' },
      { name: 'top', type: 'string' },
      { name: 'json', type: 'boolean' },
      { name: 'markers', type: 'string' },
      { name: 'rough-cut', type: 'boolean' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'margin', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
    ], 'detect');
    const [profile, media] = positionals as [string | undefined, string | undefined];
    if (!profile || !(DETECT_PROFILES as readonly string[]).includes(profile) || !media || positionals.length !== 2) {
      throw new UsageError('atropos detect: give what to find and one media file (atropos detect scenes|silence|highlights <media>)');
    }
    const kind = profile as DetectProfile;
    const options: DetectOptions = {};
    if (typeof flags.threshold === 'string') options.threshold = number(flags.threshold, '--threshold');
    if (typeof flags['min-length'] === 'string') options.minLength = seconds(flags['min-length'], '--min-length');
    if (typeof flags.top === 'string') {
      const top = number(flags.top, '--top');
      if (!Number.isInteger(top) || top < 1) throw new UsageError(`atropos detect: --top must be a whole number from 1 (got "${flags.top}")`);
      options.top = top;
    }
    const roughCut = flags['rough-cut'] === true;
    if (roughCut && kind === 'scenes') throw new UsageError('atropos detect: --rough-cut keeps the non-silent parts (silence) or the top highlights (highlights), not scenes');
    if (roughCut && typeof flags.output !== 'string') throw new UsageError('atropos detect: --rough-cut needs -o <cut.timeline.yaml>');
    if (!roughCut && typeof flags.output === 'string') throw new UsageError('atropos detect: -o is the rough-cut file; add --rough-cut');
    const output = typeof flags.output === 'string' ? resolve(io.cwd, flags.output) : undefined;
    if (output) checkOutputFree(output, flags.overwrite === true, 'detect');
    const markersFile = typeof flags.markers === 'string' ? resolve(io.cwd, flags.markers) : undefined;
    const markersText = markersFile ? readTimeline(markersFile) : undefined;

    const path = resolve(io.cwd, media);
    const progress = io.stderr.isTTY && !flags.json ? (fraction: number) => io.stderr.write(`\ranalysing ${basename(path)}: ${Math.round(fraction * 100)} %`) : undefined;
    let result: DetectResult;
    try {
      const detect = await cliDetector(io);
      result = await detect({ media: path, profiles: [kind], options: { [kind]: options } }, {
        signal: io.signal,
        ...(io.env.ATROPOS_FFMPEG ? { ffmpegPath: io.env.ATROPOS_FFMPEG } : {}),
        ...(io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {}),
        ...(progress ? { onProgress: progress } : {}),
      });
    } catch (error) {
      if (!(error instanceof DetectionError)) throw error;
      if (progress) io.stderr.write('\n');
      if (error.code === 'media-missing' || error.code === 'media-unreadable' || error.code === 'no-stream' || error.code === 'no-engine') throw new UsageError(`atropos detect: ${error.message}`);
      const code = error.code === 'cancelled' ? EXIT.cancelled : error.code === 'ffmpeg-not-found' ? EXIT.ffmpegNotFound : EXIT.renderFailed;
      throw new CommandError(`atropos detect: ${error.message}${error.stderrTail ? `\n${error.stderrTail.trim().split('\n').slice(-3).join('\n')}` : ''}`, code);
    }
    if (progress) io.stderr.write('\n');

    if (flags.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else for (const span of result.spans) io.stdout.write(`${describe(span, result)}\n`);
    const shown = (file: string): string => relative(io.cwd, file) || file;
    if (markersFile && markersText !== undefined) {
      const markers = markersFromSpans(result.spans, result.fps, await placementIn(markersFile, path, io));
      writeAtomically(markersFile, applyEdit(markersText, insertMarkers(markersText, markers)));
      io.stderr.write(`Added ${markers.length} marker${markers.length === 1 ? '' : 's'} to ${shown(markersFile)}\n`);
    }
    if (output) {
      await writeRoughCut(output, path, kind, result, flags.margin, io);
      io.stderr.write(`Wrote ${shown(output)}\n`);
    }
    return EXIT.ok;
  },
};

/** Where the media plays in the timeline, when the timeline compiles and a clip uses it; else its own times. */
async function placementIn(timelineFile: string, media: string, io: CliIO): Promise<Placement | undefined> {
  const loaded = await loadTimeline(timelineFile, { cwd: io.cwd, command: 'detect', ...(io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {}) });
  const asset = loaded.compiled?.assets.find((a) => a.path === media);
  return loaded.compiled && asset ? placementFor(loaded.compiled, asset.id) : undefined;
}

async function writeRoughCut(output: string, media: string, kind: DetectProfile, result: DetectResult, marginFlag: unknown, io: CliIO): Promise<void> {
  const durationFrames = secondsToFrames(rationalSeconds(result.durationSeconds), result.fps);
  const margin = typeof marginFlag === 'string' ? seconds(marginFlag, '--margin') : 0.2;
  const keep = kind === 'silence'
    ? keepBetweenSilences(result.spans, durationFrames, secondsToFrames(rationalSeconds(margin), result.fps))
    : keepHighlights(result.spans);
  if (!keep.length) throw new CommandError('atropos detect: nothing to keep: the whole file is silent', EXIT.usage);
  const probed = await probeMedia(media, io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {});
  const video = probed.status === 'ok' ? probed.facts.video : undefined;
  const name = basename(output).replace(/\.timeline\.ya?ml$|\.ya?ml$/, '');
  writeAtomically(output, roughCutYaml({
    assetPath: relative(dirname(output), media).split('\\').join('/') || basename(media),
    outputPath: `out/${name}.mp4`,
    fps: result.fps,
    ...(video ? { size: { width: video.width, height: video.height } } : {}),
    keep,
    how: kind === 'silence' ? `silences removed, ${margin} s of margin` : `the top ${keep.length} highlights in order`,
  }));
}

function describe(span: DetectSpan, result: DetectResult): string {
  const at = (frame: number): string => formatClock(framesToSeconds(frame, result.fps));
  if (span.profile === 'scenes') return `cut        ${at(span.startFrame)}  frame ${span.startFrame}  score ${span.score}  ${span.reason}`;
  const label = span.profile === 'silence' ? 'silence  ' : 'highlight';
  return `${label}  ${at(span.startFrame)} – ${at(span.endFrame)}  frames ${span.startFrame}–${span.endFrame}  score ${span.score}  ${span.reason}`;
}

function readTimeline(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`atropos detect: --markers: cannot read ${file}`);
  }
}

function number(text: string, flag: string): number {
  const value = Number(text);
  if (!text.trim() || !Number.isFinite(value)) throw new UsageError(`atropos detect: ${flag} must be a number (got "${text}")`);
  return value;
}

/** 2.5, 2.5s, 500ms or a clock time; frames mean nothing before the file is probed. */
function seconds(text: string, flag: string): number {
  const parsed = parseTimeValue(text, rational(25));
  if (!parsed.ok || parsed.value.kind !== 'seconds') throw new UsageError(`atropos detect: ${flag} must be a time like 0.5, 0.5s or 500ms (got "${text}")`);
  return parsed.value.seconds.num / parsed.value.seconds.den;
}

function rationalSeconds(value: number) {
  return rational(Math.round(value * 1_000_000), 1_000_000);
}
