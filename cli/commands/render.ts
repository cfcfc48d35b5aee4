// `atropos render <file> [-o out] [--overwrite] [--preset …] [--json]`
import { relative, resolve } from 'node:path';
import { RENDER_PRESETS, outputPathForPreset, type RenderPresetName } from '../../protocol/render-presets';
import { RenderError, type RenderResult } from '../../node/ffmpeg';
import type { Rational } from '../../protocol/media-facts';
import type { RenderProgress } from '../../protocol/render-progress';
import { describeProgress } from '../../core/render-progress';
import { durationClock, frameStartSeconds } from '../../core/time';
import { parseArgs } from '../args';
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';
import { cliExecutor } from '../host-render-executor';
import { farmExecutor } from '../farm-render-executor';
import { runBatch } from '../batch-render';
import { EXIT, loadCompiled } from './render-support';


export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a timeline to a video file with FFmpeg',
  usage: `Usage: atropos render <file.timeline.yaml> [-o out.mp4] [--overwrite] [--preset ${RENDER_PRESETS.join('|')}] [--json] [--farm redis://HOST:PORT]

  -o, --output   where to write (default: the timeline's output path; draft and vertical add .draft/.vertical,
                 gif and audio take .gif/.m4a)
  --overwrite    replace an existing file (otherwise an existing output is an error)
  --preset       final (default), draft (small, quick), vertical (9:16), gif, audio
  --json         one JSON event per line on stdout: progress, then done or error
  --farm         render on the farm behind this Redis (atropos farm worker; see docs/farm.md);
                 the output must be on storage the workers share
  --chunk-seconds  the farm's chunk length (default 10)
  --data         a batch: rows.csv or rows.json, one output per row with the row's values as the
                 timeline's variables (texts and asset paths); bad rows are reported and skipped;
                 a manifest (<data>.manifest.json) lists every output with frames, duration and sha256
  --out          with --data: output path template, e.g. 'out/{id}.mp4' ({id}, {row}, {column})

Ctrl+C cancels: the output path is left exactly as it was.
Exit codes: 0 rendered, 1 the timeline has errors, 2 bad usage, 3 ffmpeg failed,
4 the output exists, 5 ffmpeg not found, 130 cancelled.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
      { name: 'preset', type: 'string', choices: RENDER_PRESETS },
      { name: 'json', type: 'boolean' },
      { name: 'farm', type: 'string' },
      { name: 'chunk-seconds', type: 'string' },
      { name: 'data', type: 'string' },
      { name: 'out', type: 'string' },
    ], 'render');
    if (positionals.length !== 1) throw new UsageError('atropos render: give one timeline file (atropos render <file.timeline.yaml>)');
    const preset = (flags.preset as RenderPresetName | undefined) ?? 'final';
    const json = flags.json === true;
    const farmUrl = flags.farm as string | undefined;
    if (flags.data) {
      if (flags.output) throw new UsageError('atropos render: with --data, name the outputs with --out \'out/{id}.mp4\' (not -o)');
      const executor = farmUrl ? farmExecutor(io, farmUrl, chunkSeconds(flags['chunk-seconds'] as string | undefined)) : cliExecutor(io, 'render');
      return runBatch(io, { file: positionals[0] as string, data: flags.data as string, ...(flags.out ? { out: flags.out as string } : {}), preset, overwrite: flags.overwrite === true, json, executor });
    }
    const timeline = await loadCompiled(positionals[0] as string, io, 'render');
    const outputPath = flags.output ? resolve(io.cwd, flags.output as string) : outputPathForPreset(timeline.output.path, preset);
    const progress = progressPrinter(io, json, timeline.output.fps);
    try {
      const farm = flags.farm as string | undefined;
      const executor = farm ? farmExecutor(io, farm, chunkSeconds(flags['chunk-seconds'] as string | undefined)) : cliExecutor(io, 'render');
      const result = await executor.render(
        { timeline, outputPath, preset, overwrite: flags.overwrite === true },
        { signal: io.signal, onProgress: progress.update },
      );
      progress.done();
      report(io, json, result);
      return EXIT.ok;
    } catch (error) {
      progress.done();
      if (!(error instanceof RenderError)) throw error;
      if (json) {
        io.stdout.write(`${JSON.stringify({ event: 'error', code: error.code, message: error.message, range: error.range, stderr: error.stderrTail })}\n`);
        return exitCodeOf(error);
      }
      throw new CommandError(describe(error, outputPath), exitCodeOf(error));
    }
  },
};

function chunkSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`atropos render: --chunk-seconds takes a number of seconds above 0 (got "${text}")`);
  return n;
}

function exitCodeOf(error: RenderError): number {
  switch (error.code) {
    case 'cancelled': return EXIT.cancelled;
    case 'output-exists': return EXIT.outputExists;
    case 'ffmpeg-not-found': return EXIT.ffmpegNotFound;
    default: return EXIT.renderFailed;
  }
}

function describe(error: RenderError, outputPath: string): string {
  // The host speaks of its request field; a CLI user needs the flag.
  if (error.code === 'output-exists') return `atropos render: ${outputPath} already exists; choose another name with -o or replace it with --overwrite`;
  const where = error.range ? ` (line ${error.range.start.line + 1})` : '';
  const details = error.code === 'ffmpeg-failed' && error.stderrTail.length > 1 ? `\n  ffmpeg said:\n${error.stderrTail.map((l) => `    ${l}`).join('\n')}` : '';
  return `atropos render: ${error.message}${where}${details}`;
}

function report(io: CliIO, json: boolean, result: RenderResult): void {
  if (json) {
    io.stdout.write(`${JSON.stringify({ event: 'done', ...result })}\n`);
    return;
  }
  const shown = relative(io.cwd, result.outputPath) || result.outputPath;
  const mb = (result.bytes / 1e6).toFixed(1);
  io.stdout.write(`Rendered ${shown}: ${result.frames} frames, ${result.durationSeconds.toFixed(2)} s, ${mb} MB in ${(result.elapsedMs / 1000).toFixed(1)} s\n`);
}

/** A bar on a TTY, JSON lines with --json, nothing otherwise (logs stay clean). */
function progressPrinter(io: CliIO, json: boolean, fps: Rational): { update: (p: RenderProgress) => void; done: () => void } {
  if (json) return { update: (p) => io.stdout.write(`${JSON.stringify(progressEvent(p, fps))}\n`), done: () => undefined };
  if (!io.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update(p) {
      const { percent, etaSeconds } = describeProgress(p, { fps });
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      const eta = etaSeconds === null ? '--:--' : durationClock(etaSeconds);
      const what = p.stage === 'measuring-loudness' ? 'measuring loudness' : `${(p.speed ?? 0).toFixed(2)}x  ETA ${eta}`;
      io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent.toFixed(1).padStart(5)}%  ${what.padEnd(20)}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\n');
      drawn = false;
    },
  };
}

/** The --json progress event (docs/cli.md): frames and time, speed, percent and time left. */
function progressEvent(p: RenderProgress, fps: Rational) {
  const { percent, etaSeconds } = describeProgress(p, { fps });
  const speed = p.speed ?? 0;
  return {
    event: 'progress',
    frame: p.frame,
    outTimeSeconds: frameStartSeconds(p.frame, fps),
    fps: speed * (fps.num / fps.den),
    speed,
    percent,
    etaSeconds,
    ...(p.stage ? { stage: p.stage } : {}),
    ...(p.parts ? { parts: p.parts } : {}),
  };
}
