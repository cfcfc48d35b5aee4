// Hostile YAML shapes shared by the parser's fuzz and the CLI's check test (test helpers).

/** The 483-byte bomb shape: nine levels of nine aliases each (9^9 ≈ 387 million copies). */
export function aliasBomb(levels = 9, width = 9): string {
  const names = 'abcdefghijklmnop';
  const lines = [`${names[0]}: &${names[0]} [${Array.from({ length: width }, () => '"lol"').join(',')}]`];
  for (let i = 1; i < levels; i++) lines.push(`${names[i]}: &${names[i]} [${Array.from({ length: width }, () => `*${names[i - 1]}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

export function deepBlockMap(depth: number): string {
  return `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`;
}
