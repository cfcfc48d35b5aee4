// Small shared pieces for checks.
import type { IssueSeverity, SourceRange, TimelineIssue } from '../../protocol/source-range';
import type { DiagnosticCode } from '../../protocol/diagnostic-codes';
import { quoteText } from '../quote-text';
import { closestMatch } from '../suggest';

export function issue(code: DiagnosticCode, severity: IssueSeverity, message: string, range: SourceRange, extra: Partial<TimelineIssue> = {}): TimelineIssue {
  return { code, severity, message, range, ...extra };
}

/** An issue about a name that does not exist, with a did-you-mean fix when one is close. */
export function unknownName(code: DiagnosticCode, what: string, name: string, range: SourceRange, known: Iterable<string>): TimelineIssue {
  const names = [...known];
  const suggestion = closestMatch(name, names);
  const listed = names.slice(0, 8).map((known) => (/^[\w.-]+$/.test(known) ? known : quoteText(known)));
  const hint = suggestion ? ` — did you mean ${quoteText(suggestion)}?` : names.length ? `; defined: ${listed.join(', ')}${names.length > 8 ? ', …' : ''}` : '';
  const found = issue(code, 'error', `unknown ${what} ${quoteText(name)}${hint}`, range);
  if (suggestion) found.fixes = [{ title: `Change to "${suggestion}"`, edits: [{ range, newText: suggestion }], preferred: true }];
  return found;
}

/** How a clip is named in messages: `clip 2 of track "main"`. */
