// What commands receive: VS Code passes a Uri (explorer, editor title), code lenses pass a URI
// string, tasks and keybindings pass nothing. Pure, so each shape is unit-tested without `vscode`.


/** The parts of a vscode.Uri we look at. */
export interface UriLike {
  scheme: string;
  fsPath: string;
  toString(): string;
}

export type TimelineTarget = { kind: 'uri'; uri: string } | { kind: 'none'; reason: string };

const TIMELINE_NAME = /\.timeline\.ya?ml$/i;

function isTimelinePath(path: string): boolean {
  return TIMELINE_NAME.test(path);
}

function isUriLike(v: unknown): v is UriLike {
  return typeof v === 'object' && v !== null && typeof (v as UriLike).scheme === 'string' && typeof (v as UriLike).fsPath === 'string';
}

/**
 * Picks the timeline a command acts on: an explicit argument first (Uri, URI string, `{ uri }`),
 * else the active editor's document when it is a timeline.
 */
export function resolveTimelineTarget(arg: unknown, activeDocumentUri: string | undefined): TimelineTarget {
  const explicit = uriFromArgument(arg);
  if (explicit !== undefined) {
    return isTimelinePath(explicit) ? { kind: 'uri', uri: explicit } : { kind: 'none', reason: `${explicit} is not a *.timeline.yaml file.` };
  }
  if (activeDocumentUri && isTimelinePath(activeDocumentUri)) return { kind: 'uri', uri: activeDocumentUri };
  return { kind: 'none', reason: 'Open a *.timeline.yaml file first.' };
}

function uriFromArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.length > 0) return arg;
  if (isUriLike(arg)) return arg.toString();
  if (typeof arg === 'object' && arg !== null && 'uri' in arg) return uriFromArgument((arg as { uri: unknown }).uri);
  return undefined;
}

