// `atropos import <file.edl|file.otio> [-o out.timeline.yaml] [--rate 24] [--overwrite]`:
// an EDL or OTIO file → a new *.timeline.yaml, with every warning printed and kept in the file.
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { countItems, importEdl, importOtio, recordingResolver, writeTimelineYaml, type ImportResult, type MediaFactsLookup, type MediaResolver } from '../../core/interchange/index';
import { SUPPORTED_FPS } from '../../core/time/index';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { CommandError, UsageError } from '../errors';
import { folderMediaResolver, probeResolvedMedia } from '../interchange-files';
import { checkOutputFree, writeAtomically } from '../output-file';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Turn a CMX 3600 EDL or an OpenTimelineIO file into a timeline',
  usage: `Usage: atropos import <file.edl|file.otio> [-o out.timeline.yaml] [--rate 24] [--overwrite]

Writes <name>.timeline.yaml beside the input (never over an existing file without --overwrite).
--rate   frames per second of an EDL (EDLs do not say): ${SUPPORTED_FPS.join(', ')}; default 24,
         or the lowest of 25, 30, 50, 60 that the file's frame numbers fit (29.97 with drop-frame ;)
Reels and clip names are matched to media files in the input's folder; the rest are left for you to fill in.
Matched files are probed (ffprobe): source timecodes count from the start timecode each file states.
Every warning names its EDL line or OTIO object and is kept under metadata.import.warnings in the new file.
Exit code: 0 on success, 1 when the file could not be read as EDL/OTIO, 2 for a bad option or path, 4 when the output exists.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [
      { name: 'output', short: 'o', type: 'string' },
      { name: 'rate', type: 'string' },
      { name: 'overwrite', type: 'boolean' },
      { name: 'force', type: 'boolean' }, // the flag's first name, still accepted
    ], 'import');
    const [file, ...extra] = positionals;
    if (!file || extra.length) throw new UsageError('atropos import: give one .edl or .otio file (atropos import <file.edl|file.otio>)');
    const input = resolve(io.cwd, file);
    const kind = extname(input).toLowerCase();
    if (kind !== '.edl' && kind !== '.otio') throw new UsageError(`atropos import: ${file} is neither .edl nor .otio`);
    const rate = flags.rate === undefined ? undefined : Number(flags.rate);
    if (rate !== undefined && !(SUPPORTED_FPS as readonly number[]).includes(rate)) {
      throw new UsageError(`atropos import: --rate must be one of ${SUPPORTED_FPS.join(', ')} (got "${String(flags.rate)}")`);
    }
    if (rate !== undefined && kind === '.otio') throw new UsageError('atropos import: --rate is for EDLs; an OTIO file carries its own rate');
    let text: string;
    try {
      // Older EDLs are often ISO-8859-1: fall back to it when the bytes are not UTF-8.
      const bytes = readFileSync(input);
      const utf8 = bytes.toString('utf8');
      text = utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`atropos import: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`);
    }
    const output = resolve(io.cwd, typeof flags.output === 'string' ? flags.output : `${input.slice(0, -kind.length)}.timeline.yaml`);
    if (!output.endsWith('.timeline.yaml')) throw new UsageError('atropos import: the output name must end in .timeline.yaml');
    checkOutputFree(output, flags.overwrite === true || flags.force === true, 'import');

    const read = (mediaResolver: MediaResolver, mediaFacts?: MediaFactsLookup): ImportResult => {
      if (kind === '.edl') {
        const edl = importEdl(text, { mediaResolver, ...(mediaFacts ? { mediaFacts } : {}), ...(rate !== undefined ? { rate } : {}) });
        if (!edl.timeline.tracks.length) {
          // Say why: events skipped for a timecode the rate cannot hold are the usual cause.
          const why = edl.warnings.slice(0, 5).map((warning) => `\n  ${warning.message}`).join('');
          const more = edl.warnings.length > 5 ? `\n  … and ${edl.warnings.length - 5} more` : '';
          throw new CommandError(`atropos import: ${file} has no events a CMX 3600 EDL reader understands${why}${more}`, 1);
        }
        return edl;
      }
      const otio = importOtio(text, { mediaResolver, ...(mediaFacts ? { mediaFacts } : {}) });
      if ('error' in otio) throw new CommandError(`atropos import: ${file} is not an OpenTimelineIO timeline: ${otio.error}`, 1);
      return otio;
    };
    // First learn which files the reels and references resolve to, then probe them: source timecodes
    // count from each file's own start timecode. The import itself is pure and fast, so it runs twice.
    const recording = recordingResolver(folderMediaResolver(dirname(input), dirname(output)));
    read(recording.resolver);
    const ffprobePath = io.env.ATROPOS_FFPROBE || undefined;
    const mediaFacts = await probeResolvedMedia(recording.answered, dirname(output), ffprobePath ? { ffprobePath } : {});
    const result = read(folderMediaResolver(dirname(input), dirname(output)), mediaFacts);
    const stem = basename(output, '.timeline.yaml');
    const yaml = writeTimelineYaml(result.timeline, { sourceName: basename(input), outputPath: `out/${stem}.mp4` });
    writeAtomically(output, yaml);

    const shown = relative(io.cwd, input) || file;
    for (const warning of result.warnings) io.stderr.write(`${shown}${warning.line ? `:${warning.line}` : ''}  warning  ${warning.message}\n`);
    const counts = countItems(result.timeline);
    io.stdout.write(`wrote ${relative(io.cwd, output) || output}: ${counts.clips} clips, ${counts.gaps} gaps, ${counts.transitions} transitions, ${counts.frames} frames; ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}\n`);
    return 0;
  },
};
