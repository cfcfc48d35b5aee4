// `atropos plan <file> [--preset …] [-o out]`: the ffmpeg command line a render would run.
import { resolve } from 'node:path';
import type { RenderPresetName } from '../../protocol/settings';
import { planRender, PlanError, shellQuote, toFfmpegArgs } from '../../core/plan';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { CommandError, UsageError } from '../errors';
import { defaultOutput } from './render';
import { EXIT, loadCompiled } from './render-support';

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Print the ffmpeg command line a render would run',
  usage: `Usage: atropos plan <file.timeline.yaml> [--preset final|draft|vertical|gif|audio] [-o out.mp4]

Prints the command as one shell line with the filter graph on its own lines. Titles and chapters
are read from helper files; the plan prints their contents after the command, and a real render
writes them to a temporary folder (shown here as ./atropos-files).
Exit codes: 0 printed, 1 the timeline has errors, 2 bad usage.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'preset', type: 'string', choices: ['final', 'draft', 'vertical', 'gif', 'audio'] },
      { name: 'output', short: 'o', type: 'string' },
    ], 'plan');
    if (positionals.length !== 1) throw new UsageError('atropos plan: give one timeline file (atropos plan <file.timeline.yaml>)');
    const preset = (flags.preset as RenderPresetName | undefined) ?? 'final';
    const timeline = await loadCompiled(positionals[0] as string, io, 'plan');
    const outputPath = flags.output ? resolve(io.cwd, flags.output as string) : defaultOutput(timeline.output.path, preset);
    let plan;
    try {
      plan = planRender(timeline, { preset, outputPath, textFiles: { directory: resolve(io.cwd, 'atropos-files') } });
    } catch (error) {
      if (error instanceof PlanError) throw new CommandError(`atropos plan: ${error.message}`, EXIT.timelineErrors);
      throw error;
    }
    const words = ['ffmpeg', ...toFfmpegArgs(plan).filter((a) => a !== '-progress' && a !== 'pipe:1')];
    io.stdout.write(`${words.map(shellQuote).join(' ')}\n`);
    for (const file of plan.files) io.stdout.write(`\n# ${file.path}\n${file.content}${file.content.endsWith('\n') ? '' : '\n'}`);
    return EXIT.ok;
  },
};
