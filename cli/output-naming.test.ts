// The CLI names every preset's output as VS Code does (both use protocol's outputPathForPreset):
// `promo.gif` and `promo.m4a`, never `promo.gif.gif` or `promo.audio.m4a`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { RENDER_PRESETS, outputPathForPreset } from '../protocol/render-presets';
import { main } from './main';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atropos-naming-'));
  writeFileSync(join(dir, 'promo.timeline.yaml'), 'version: 1\noutput: { path: out/promo.mp4, size: 320x180 }\ntracks:\n  - id: t\n    type: overlay\n    clips:\n      - text: Hi\n        length: 1s\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function plannedOutput(preset: string): Promise<string> {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  const code = await main(['plan', 'promo.timeline.yaml', '--preset', preset], { stdout, stderr: new PassThrough(), cwd: dir, env: {}, signal: new AbortController().signal });
  assert.equal(code, 0, preset);
  // The output is the command's last word that names a file in out/.
  const paths = [...Buffer.concat(out).toString().matchAll(/(\/\S*\/out\/promo[\w.]*)/g)].map((m) => m[1]!.replace(/'$/, ''));
  return paths.pop() ?? '';
}

test('atropos plan writes every preset where VS Code would', async () => {
  const finalPath = join(dir, 'out', 'promo.mp4');
  for (const preset of RENDER_PRESETS) assert.equal(await plannedOutput(preset), outputPathForPreset(finalPath, preset), preset);
  assert.equal(await plannedOutput('gif'), join(dir, 'out', 'promo.gif'));
  assert.equal(await plannedOutput('audio'), join(dir, 'out', 'promo.m4a'));
});
