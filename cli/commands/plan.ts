// `atropos plan <file> [--preset …] [-o out]`: the ffmpeg command line a render would run.
import { resolve } from 'node:path';
import { RENDER_PRESETS, outputPathForPreset, type RenderPresetName } from '../../protocol/render-presets';
import { planLoudnessPass, planRender, PlanError, shellQuote, toFfmpegArgs, type RenderPlan } from '../../core/plan';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { CommandError, UsageError } from '../errors';
import { EXIT, loadCompiled } from './render-support';

export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'Print the ffmpeg command line a render would run',
  usage: `Usage: atropos plan <file.timeline.yaml> [--preset ${RENDER_PRESETS.join('|')}] [-o out.mp4]

Prints the command as one shell line with the filter graph on its own lines. Titles and chapters
are read from helper files; the plan prints their contents after the command, and a real render
writes them to a temporary folder (shown here as ./atropos-files). With output.loudness (any preset
but draft) a render runs two commands: both are printed, the measuring one first.
Exit codes: 0 printed, 1 the timeline has errors, 2 bad usage.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'preset', type: 'string', choices: RENDER_PRESETS },
      { name: 'output', short: 'o', type: 'string' },
    ], 'plan');
    if (positionals.length !== 1) throw new UsageError('atropos plan: give one timeline file (atropos plan <file.timeline.yaml>)');
    const preset = (flags.preset as RenderPresetName | undefined) ?? 'final';
    const timeline = await loadCompiled(positionals[0] as string, io, 'plan');
    const outputPath = flags.output ? resolve(io.cwd, flags.output as string) : outputPathForPreset(timeline.output.path, preset);
    const textFiles = { directory: resolve(io.cwd, 'atropos-files') };
    let plan;
    let measuring;
    try {
      measuring = planLoudnessPass(timeline, { preset, textFiles });
      plan = planRender(timeline, { preset, outputPath, textFiles });
    } catch (error) {
      if (error instanceof PlanError) throw new CommandError(`atropos plan: ${error.message}`, EXIT.timelineErrors);
      throw error;
    }
    if (measuring) {
      io.stdout.write(`# 1 of 2: measure the loudness of the mix (sound only); loudnorm prints its report on stderr\n${commandLine(measuring)}\n`);
      io.stdout.write('# 2 of 2: the render; it replaces the loudnorm below with one gain from that report (measured_I, measured_TP,\n');
      io.stdout.write('# measured_LRA, measured_thresh, offset, linear=true), or with nothing when the mix is silent\n');
    }
    io.stdout.write(`${commandLine(plan)}\n`);
    for (const file of plan.files) io.stdout.write(`\n# ${file.path}\n${file.content}${file.content.endsWith('\n') ? '' : '\n'}`);
    return EXIT.ok;
  },
};

function commandLine(plan: RenderPlan): string {
  const words = ['ffmpeg', ...toFfmpegArgs(plan).filter((a) => a !== '-progress' && a !== 'pipe:1')];
  return words.map(shellQuote).join(' ');
}
