// Conformance: SRT text renders as written. Braces and a literal backslash-n are text in SRT (only
// <b>, <i>, <u>, <font> style it); libass would hide `{…}` and break the line at `\n`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { srtAsWritten } from '../../core/plan/srt-text';
import { renderFrame } from '../../node/ffmpeg';
import * as b from '../render/build-timeline';
import * as m from '../render/media';
import { execFileSync } from 'node:child_process';

let dir = '';
let cleanup = (): void => undefined;
before(() => ({ dir, cleanup } = m.tempDir('atropos-srt-')));
after(() => cleanup());

test('srtAsWritten escapes braces and backslash sequences in text lines only', () => {
  const srt = '1\r\n00:00:00,000 --> 00:00:01,000\r\n{note} C:\\new\\Hat <i>x</i>\r\n';
  assert.equal(srtAsWritten(srt), '1\n00:00:00,000 --> 00:00:01,000\n\\{note\\} C:\\\u2060new\\Hat <i>x</i>\n');
});

/** Bright pixels of a subtitled PNG: its rows and columns that hold text. */
function inked(png: Buffer): { rows: number; count: number } {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.png`);
  writeFileSync(path, png);
  const raw = execFileSync(m.FFMPEG, ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
  const w = 320;
  let count = 0;
  const rows = new Set<number>();
  raw.forEach((v, i) => { if (v > 128) { count++; rows.add(Math.floor(i / w)); } });
  return { rows: rows.size, count };
}

test('braces and a literal \\n show on screen, on one line', async () => {
  const frameOf = async (text: string): Promise<{ rows: number; count: number }> => {
    const srt = join(dir, `${Math.random().toString(36).slice(2)}.srt`);
    writeFileSync(srt, `1\n00:00:00,000 --> 00:00:02,000\n${text}\n`);
    const tl = b.timeline([b.track('v', 'video', [b.gap(0, 30)])], [], { subtitles: { asset: 'subs', path: srt, style: { size: 24 }, range: b.RANGE } });
    return inked(await renderFrame(tl, 5, { ffmpegPath: m.FFMPEG }));
  };
  const braces = await frameOf('{HIDDEN}');
  assert.ok(braces.count > 50, `the braced text is drawn (${braces.count} bright pixels)`);
  const [literal, plain] = [await frameOf('AB\\nCD'), await frameOf('AB CD')];
  assert.ok(literal.rows <= plain.rows + 2, `one line: ${literal.rows} rows of text vs ${plain.rows}`);
  assert.ok(literal.count > plain.count, 'the backslash and n are drawn');
});
