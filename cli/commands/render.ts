// `atropos render <file> [-o out] [--overwrite] [--preset …] [--json]`
import { relative, resolve } from 'node:path';
import { RENDER_PRESETS, outputPathForPreset, type RenderPresetName } from '../../protocol/render-presets';
import { RenderError, type RenderProgress, type RenderResult } from '../../node/ffmpeg';
import { parseArgs } from '../args';
import type { CliCommand, CliIO } from '../command';
import { CommandError, UsageError } from '../errors';
import { cliExecutor } from '../host-render-executor';
import { EXIT, loadCompiled } from './render-support';


export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Render a timeline to a video file with FFmpeg',
  usage: `Usage: atropos render <file.timeline.yaml> [-o out.mp4] [--overwrite] [--preset ${RENDER_PRESETS.join('|')}] [--json]

  -o, --output   where to write (default: the timeline's output path; draft and vertical add .draft/.vertical,
                 gif and audio take .gif/.m4a)
  --overwrite    replace an existing file (otherwise an existing output is an error)
  --preset       final (default), draft (small, quick), vertical (9:16), gif, audio
  --json         one JSON event per line on stdout: progress, then done or error

Ctrl+C cancels: the output path is left exactly as it was.
Exit codes: 0 rendered, 1 the timeline has errors, 2 bad usage, 3 ffmpeg failed,
4 the output exists, 5 ffmpeg not found, 130 cancelled.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
      { name: 'preset', type: 'string', choices: RENDER_PRESETS },
      { name: 'json', type: 'boolean' },
    ], 'render');
    if (positionals.length !== 1) throw new UsageError('atropos render: give one timeline file (atropos render <file.timeline.yaml>)');
    const preset = (flags.preset as RenderPresetName | undefined) ?? 'final';
    const json = flags.json === true;
    const timeline = await loadCompiled(positionals[0] as string, io, 'render');
    const outputPath = flags.output ? resolve(io.cwd, flags.output as string) : outputPathForPreset(timeline.output.path, preset);
    const progress = progressPrinter(io, json);
    try {
      const result = await cliExecutor(io, 'render').render(
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

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A bar on a TTY, JSON lines with --json, nothing otherwise (logs stay clean). */
function progressPrinter(io: CliIO, json: boolean): { update: (p: RenderProgress) => void; done: () => void } {
  if (json) return { update: (p) => io.stdout.write(`${JSON.stringify({ event: 'progress', ...p })}\n`), done: () => undefined };
  if (!io.stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update(p) {
      const width = 30;
      const filled = Math.round((p.percent / 100) * width);
      const eta = p.etaSeconds === null ? '--:--' : clock(p.etaSeconds);
      const what = p.stage === 'measuring-loudness' ? 'measuring loudness' : `${p.speed.toFixed(2)}x  ETA ${eta}`;
      io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.percent.toFixed(1).padStart(5)}%  ${what.padEnd(20)}`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\n');
      drawn = false;
    },
  };
}
