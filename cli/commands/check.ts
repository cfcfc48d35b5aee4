// `atropos check <file…> [--format text|json]`: every issue of every file, like tsc and eslint.
import { relative } from 'node:path';
import type { TimelineIssue } from '../../protocol/source-range';
import { parseArgs } from '../args';
import type { CliCommand } from '../command';
import { UsageError } from '../errors';
import { loadTimeline } from '../load-timeline';

interface FileReport {
  file: string;
  issues: TimelineIssue[];
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Validate timeline files and list every problem',
  usage: `Usage: atropos check <file.timeline.yaml…> [--format text|json]

Prints one line per problem: file:line:col  error|warning  CODE  message
Exit code: 0 when no file has an error, 1 when one has, 2 for a missing file or a bad option.`,
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, [{ name: 'format', type: 'string', choices: ['text', 'json'] }], 'check');
    if (positionals.length === 0) throw new UsageError('atropos check: give at least one timeline file (atropos check <file.timeline.yaml>)');
    const reports: FileReport[] = [];
    for (const file of positionals) {
      const loaded = await loadTimeline(file, { cwd: io.cwd, command: 'check', ...(io.env.ATROPOS_FFPROBE ? { ffprobePath: io.env.ATROPOS_FFPROBE } : {}) });
      reports.push({ file: relative(io.cwd, loaded.path) || file, issues: loaded.issues });
    }
    const errors = reports.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'error').length, 0);
    const warnings = reports.reduce((n, r) => n + r.issues.filter((i) => i.severity === 'warning').length, 0);
    if (flags.format === 'json') {
      io.stdout.write(`${JSON.stringify({ files: reports, errors, warnings }, null, 2)}\n`);
    } else {
      for (const report of reports) {
        for (const issue of report.issues) io.stdout.write(`${formatIssue(report.file, issue)}\n`);
      }
      const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
      io.stdout.write(errors || warnings ? `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files}\n` : `${files} checked, no problems\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};

/** `file:line:col  severity  CODE  message`, one-based like tsc and eslint. */
export function formatIssue(file: string, issue: TimelineIssue): string {
  const { line, character } = issue.range.start;
  return `${file}:${line + 1}:${character + 1}  ${issue.severity}  ${issue.code}  ${issue.message}`;
}
