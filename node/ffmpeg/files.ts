// File steps around one ffmpeg run: helper files in a private temp folder, the no-clobber move of
// the finished partial file to the output path, and cleanup that never throws.
import { constants } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { filterGraphText, toFfmpegArgs, type PlanFile, type RenderPlan } from '../../core/plan';
import { drawTitleImage } from './title-image';
import { srtAsWritten } from '../../core/plan/srt-text';

/** A private folder for one run's helper files, under `root` (default: the system temp folder). */
export async function makeWorkDir(root: string = tmpdir()): Promise<string> {
  await mkdir(root, { recursive: true });
  return mkdtemp(join(root, 'atropos-render-'));
}

async function writePlanFiles(files: PlanFile[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true });
    if (file.titleImage) await writeFile(file.path, drawTitleImage(file.titleImage));
    else await writeFile(file.path, file.srtCopyOf ? srtAsWritten(await readFile(file.srtCopyOf, 'utf8')) : file.content, 'utf8');
  }
}

/** The plan's helper files, and its filter graph in a file of its own: argv for ffmpeg, of any graph size. */
export async function prepareRun(plan: RenderPlan, workDir: string, name = 'graph'): Promise<string[]> {
  await writePlanFiles(plan.files);
  if (plan.filterGraph.length === 0) return toFfmpegArgs(plan);
  const graphFile = join(workDir, `${name}.ffgraph`);
  await writeFile(graphFile, filterGraphText(plan.filterGraph), 'utf8');
  return toFfmpegArgs(plan, { graphFile });
}

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Moves the finished file into place. Without `overwrite` the move fails if the output appeared in
 * the meantime (hard link + unlink is atomic and never replaces; copy with COPYFILE_EXCL otherwise).
 */
export async function moveIntoPlace(partial: string, output: string, overwrite: boolean): Promise<'moved' | 'exists'> {
  if (overwrite) {
    await rename(partial, output);
    return 'moved';
  }
  try {
    await link(partial, output);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    try {
      await copyFile(partial, output, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw copyError;
    }
  }
  await unlink(partial).catch(() => undefined);
  return 'moved';
}
