// `atropos frame <file> --at <time> -o frame.png [--width N]`
import { relative, resolve } from 'node:path';
import { parseTimeValue, timeToFrames } from '../../core/index';
import { RenderError } from '../../node/ffmpeg';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { CommandError, UsageError } from '../errors';
import { cliExecutor } from '../host-render-executor';
import { checkOutputFree, writeAtomically } from '../output-file';
import { EXIT, loadCompiled } from './render-support';

export const frameCommand: CliCommand = {
  name: 'frame',
  summary: 'Write the exact composite frame at a time as PNG',
  usage: `Usage: atropos frame <file.timeline.yaml> --at <time> -o frame.png [--width N] [--overwrite]

  --at      a time on the timeline: 2.5, 2.5s, 500ms, 90f, 00:01:02.500 or 00:01:02:15
  -o            the PNG to write
  --width       picture width in pixels (the height follows the output's aspect)
  --overwrite   replace an existing PNG (otherwise an existing file is an error)

Exit codes: 0 written, 1 the timeline has errors, 2 bad usage or a time outside the timeline,
3 ffmpeg failed, 4 the output exists, 5 ffmpeg not found, 130 cancelled.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'at', type: 'string' },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'width', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
    ], 'frame');
    if (positionals.length !== 1) throw new UsageError('atropos frame: give one timeline file (atropos frame <file.timeline.yaml> --at 2s -o frame.png)');
    if (typeof flags.at !== 'string') throw new UsageError('atropos frame: --at <time> is required (e.g. --at 2.5s)');
    if (typeof flags.output !== 'string') throw new UsageError('atropos frame: -o <frame.png> is required');
    const width = flags.width === undefined ? undefined : Number(flags.width);
    if (width !== undefined && (!Number.isInteger(width) || width < 16 || width > 8192)) {
      throw new UsageError(`atropos frame: --width must be a whole number of pixels from 16 to 8192 (got "${flags.width}")`);
    }
    const timeline = await loadCompiled(positionals[0] as string, io, 'frame');
    const parsed = parseTimeValue(flags.at, timeline.output.fps);
    if (!parsed.ok) throw new UsageError(`atropos frame: --at: ${parsed.reason}`);
    const frame = timeToFrames(parsed.value, timeline.output.fps);
    if (frame >= timeline.durationFrames) {
      throw new UsageError(`atropos frame: --at ${flags.at} is frame ${frame}, past the end of the timeline (${timeline.durationFrames} frames)`);
    }
    const output = resolve(io.cwd, flags.output);
    checkOutputFree(output, flags.overwrite === true, 'frame');
    try {
      const png = await cliExecutor(io, 'frame').frame(timeline, frame, { ...(width !== undefined ? { width } : {}), signal: io.signal });
      writeAtomically(output, png);
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      const code = error.code === 'cancelled' ? EXIT.cancelled : error.code === 'ffmpeg-not-found' ? EXIT.ffmpegNotFound : EXIT.renderFailed;
      throw new CommandError(`atropos frame: ${error.message}`, code);
    }
    io.stdout.write(`Wrote frame ${frame} to ${relative(io.cwd, output) || output}\n`);
    return EXIT.ok;
  },
};
