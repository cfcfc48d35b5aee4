// `atropos export <file.timeline.yaml> --format edl|otio [-o file] [--overwrite]`: hand a cut back.
import { basename, relative, resolve } from 'node:path';
import { exportEdl, exportLosses, exportOtio, timelineToInterchange } from '../../core/interchange/index';
import { probeAll } from '../../node/media/index';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { CommandError, UsageError } from '../errors';
import { checkOutputFree, writeAtomically } from '../output-file';
import { loadTimeline } from '../load-timeline';
import { collectMediaPaths } from '../../core/index';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write a timeline as a CMX 3600 EDL or an OpenTimelineIO file',
  usage: `Usage: atropos export <file.timeline.yaml> --format edl|otio [-o file] [--overwrite]

Writes <name>.edl or <name>.otio beside the timeline (never over an existing file without --overwrite).
EDL: the first video track and up to two audio tracks; OTIO: every track. What the format cannot
hold (overlays, text, fades, a third audio track) is listed first: "What this export will lose".
Exit code: 0 on success, 1 when the timeline has errors (see atropos check), 2 for a bad option or path, 4 when the output exists.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'format', type: 'string', choices: ['edl', 'otio'] },
      { name: 'output', short: 'o', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
      { name: 'force', type: 'boolean' }, // the flag's first name, still accepted
    ], 'export');
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('atropos export: give one timeline file (atropos export <file.timeline.yaml> --format edl|otio)');
    const format = flags.format;
    if (format !== 'edl' && format !== 'otio') throw new UsageError('atropos export: --format edl or --format otio is required');
    const ffprobePath = io.env.ATROPOS_FFPROBE || undefined;
    const loaded = await loadTimeline(file, { cwd: io.cwd, command: 'export', ...(ffprobePath ? { ffprobePath } : {}) });
    const errors = loaded.issues.filter((issue) => issue.severity === 'error');
    if (errors.length) {
      throw new CommandError(`atropos export: ${file} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} first (atropos check ${file})`, 1);
    }
    const output = resolve(io.cwd, typeof flags.output === 'string' ? flags.output : `${loaded.path.replace(/(\.timeline)?\.ya?ml$/, '')}.${format}`);
    checkOutputFree(output, flags.overwrite === true || flags.force === true, 'export');
    const media = await probeAll(collectMediaPaths(loaded.parsed, loaded.path), ffprobePath ? { ffprobePath } : {});
    const source = timelineToInterchange(loaded.text, { timelinePath: loaded.path, media });
    const result = format === 'edl' ? exportEdl(source.timeline) : exportOtio(source.timeline);
    // What the format cannot hold is said before anything is written.
    const losses = exportLosses(source.warnings, result.warnings);
    const shown = relative(io.cwd, loaded.path) || basename(loaded.path);
    if (losses.length) {
      io.stderr.write(`What this export will lose (${losses.length}):\n`);
      for (const loss of losses) io.stderr.write(`${shown}  warning  ${loss}\n`);
    }
    writeAtomically(output, result.text);
    io.stdout.write(`wrote ${relative(io.cwd, output) || output}${losses.length ? `; ${losses.length} thing${losses.length === 1 ? '' : 's'} not exported (listed above)` : ''}\n`);
    return 0;
  },
};
