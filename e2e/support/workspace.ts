// The folder a user opens: a throw-away copy of samples/ with its generated media, so quick fixes and
// renders never touch the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths } from '../../scripts/e2e/paths';

const SAMPLES = join(paths.root, 'samples');
const MEDIA_SCRIPT = join(SAMPLES, 'generate-media.ts');

/** Runs the samples' media script (it skips what exists), then copies samples/ into a temp folder. */
export function prepareSamplesWorkspace(): { folder: string; dispose(): void } {
  const timelines = existsSync(SAMPLES) ? readdirSync(SAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.timeline.yaml')) : [];
  if (timelines.length === 0) throw new Error('samples/ holds no *.timeline.yaml: the samples have not landed');
  if (existsSync(MEDIA_SCRIPT)) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', MEDIA_SCRIPT], { cwd: paths.root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run samples:media failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  }
  const root = mkdtempSync(join(tmpdir(), 'atropos-e2e-workspace-'));
  const folder = join(root, 'samples');
  cpSync(SAMPLES, folder, { recursive: true, filter: (src) => !src.endsWith('.ts') && !src.includes(`${SAMPLES}/out`) });
  return { folder, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
