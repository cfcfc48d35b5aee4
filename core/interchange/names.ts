// Asset and track ids from the names formats carry: reels, clip names, file names.

/** `Z682_157 (LAY2)` → `Z682_157_LAY2`; never empty; starts with a letter or underscore. */
export function slug(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^[_.-]+|[_.-]+$/g, '');
  if (!cleaned) return 'media';
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}

/** A slug not yet in `taken` (adds `_2`, `_3`, … when needed); records it as taken. */
export function uniqueId(name: string, taken: Set<string>): string {
  const base = slug(name);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}
