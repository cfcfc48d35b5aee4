// Path arithmetic without node:path, so the core stays runnable anywhere. Handles POSIX paths and
// Windows drive paths (`C:\…`); results use the separator of the base path.

const isWindowsAbsolute = (p: string): boolean => /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || isWindowsAbsolute(p);
}

export function dirnameOf(p: string): string {
  const cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  if (cut < 0) return '.';
  if (cut === 0) return p[0] as string;
  if (/^[A-Za-z]:$/.test(p.slice(0, cut))) return p.slice(0, cut + 1);
  return p.slice(0, cut);
}

export function basenameOf(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

/** Resolves `relative` against the folder `base`, removing `.` and `..` segments. */
export function resolvePath(base: string, relative: string): string {
  const windows = isWindowsAbsolute(base) || isWindowsAbsolute(relative);
  const separator = windows ? '\\' : '/';
  const joined = isAbsolutePath(relative) ? relative : `${base}${separator}${relative}`;
  const [prefix, rest] = windows
    ? [joined.slice(0, 2), joined.slice(2)]
    : ['', joined];
  const parts: string[] = [];
  for (const part of rest.split(/[\\/]+/)) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${prefix}${separator}${parts.join(separator)}`;
}

/** True when `child` is `parent` or lies inside it. */
export function isInside(parent: string, child: string): boolean {
  const norm = (p: string) => p.replace(/[\\/]+$/, '');
  const a = norm(parent);
  const b = norm(child);
  const windows = isWindowsAbsolute(a);
  const [x, y] = windows ? [a.toLowerCase(), b.toLowerCase()] : [a, b];
  return y === x || y.startsWith(`${x}/`) || y.startsWith(`${x}\\`) || (x === '' && y.startsWith('/'));
}

/** `promo.timeline.yaml` → `promo`. */
export function timelineName(timelinePath: string): string {
  return basenameOf(timelinePath).replace(/\.timeline\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'timeline';
}
