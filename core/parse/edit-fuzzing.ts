// Test support for the incremental parse: a generated timeline with every kind of clip, a seeded
// PRNG and random text edits. Used by incremental-parse.test.ts and bench/lsp-parse.bench.ts.

/** Clips of every kind, comments, blank lines, flow maps, a compact sequence, markers. */
export function generatedTimeline(clips: number): string {
  const lines = ['# generated', 'version: 1', 'output:', '  path: out/x.mp4', '  size: 320x180', '  fps: 30', 'assets:', '  a: media/a.mp4', '  b: { path: media/b.mp4 }', 'variables:', '  title: Hello', 'tracks:', '  - id: main', '    type: video', '    clips:'];
  for (let i = 0; i < clips; i++) {
    if (i % 7 === 3) lines.push('      - gap: 1s');
    else if (i % 5 === 1) lines.push(`      - text: "\${title} ${i}"`, '        length: 2s', '        style: { size: 24, color: white }');
    else lines.push(`      - asset: ${i % 2 ? 'a' : 'b'}`, `        from: ${i % 3}s`, '        length: 1s', '        fit: cover');
    if (i % 11 === 0) lines.push('        # a comment inside the clip');
    if (i % 13 === 0) lines.push('');
    if (i % 17 === 0) lines.push('        transition: { type: dissolve, duration: 10f }');
  }
  lines.push('  - id: music', '    type: audio', '    clips:', '    - asset: a', '      at: 0', '      length: 3s', 'markers:', '- at: 1s', '  name: one', '- at: 2s', '  name: two', '# the end');
  return `${lines.join('\n')}\n`;
}

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'abz09 :-#"\'{}[],\n\t.&*!s';

/** One random edit: replace, insert or delete a character, join two lines or split one. */
export function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const char = ALPHABET[Math.floor(random() * ALPHABET.length)] as string;
  switch (Math.floor(random() * 6)) {
    case 0: return text.slice(0, at) + char + text.slice(at + 1);
    case 1: return text.slice(0, at) + char + text.slice(at);
    case 2: return text.slice(0, at) + text.slice(at + 1);
    case 3: {
      const newline = text.indexOf('\n', at);
      return newline < 0 ? text : text.slice(0, newline) + text.slice(newline + 1);
    }
    case 4: return `${text.slice(0, at)}\n${' '.repeat(Math.floor(random() * 10))}${text.slice(at)}`;
    default: {
      // A digit changed inside a value: the edit users make most.
      const digit = text.slice(at).search(/\d/);
      return digit < 0 ? text : text.slice(0, at + digit) + String(Math.floor(random() * 10)) + text.slice(at + digit + 1);
    }
  }
}


/** What users type into a timeline, valid or half-done: typed key by key at the end of a line. */
export const TYPED_PHRASES = [
  '\n        opacity: 0.5', '\n        style: { size: 3 }', '\n      - asset: a\n        from: 1s', " 'quoted", ' [1, 2',
  '\n          deeper: x', '\n- item', ' key', ' #c', ' "x"', '\n        text: |\n          two\n          lines', '\n\n        at: 5',
  ':', '\n  - id: t\n    clips:\n      - gap: 1s', '\t', '\n      -', ' &a', ' *a',
];

/** The texts a user produces typing `phrase` at `at` one key at a time (then, with `erase`, deleting it again). */
export function* typing(text: string, at: number, phrase: string, erase: boolean): Generator<string> {
  let current = text;
  for (const [k, key] of [...phrase].entries()) {
    current = current.slice(0, at + k) + key + current.slice(at + k);
    yield current;
  }
  if (!erase) return;
  for (let k = phrase.length; k > 0; k--) {
    current = current.slice(0, at + k - 1) + current.slice(at + k);
    yield current;
  }
}
