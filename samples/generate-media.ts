// Makes the sample timelines' media with FFmpeg's lavfi sources: small (640x360, a few seconds),
// deterministic, idempotent (a file already there is kept). Run: npm run samples:media
// Output goes to samples/media/ (git-ignored); each file is written beside its name and renamed into place.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveTool } from '../node/tools/resolve-tools';

const run = promisify(execFile);

interface MediaRecipe {
  file: string;
  /** ffmpeg arguments between the global options and the output path. */
  args?: string[];
  /** Plain text files (subtitles) are written directly. */
  text?: string;
}

const video = (source: string, seconds: number, tone: number): string[] => [
  '-f', 'lavfi', '-t', String(seconds), '-i', source,
  '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=${seconds}`,
  '-map', '0:v', '-map', '1:a', '-shortest',
  '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '28', '-pix_fmt', 'yuv420p', '-g', '30',
  '-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-movflags', '+faststart',
];
const still = (source: string, codec: string[]): string[] => ['-f', 'lavfi', '-i', source, '-frames:v', '1', ...codec];

export const SAMPLE_MEDIA: readonly MediaRecipe[] = [
  { file: 'city.mp4', args: video('testsrc2=size=640x360:rate=30', 8, 440) },
  { file: 'bars.mp4', args: video('smptehdbars=size=640x360:rate=30', 6, 660) },
  { file: 'fractal.mp4', args: video('mandelbrot=size=640x360:rate=30', 6, 330) },
  { file: 'interview.mp4', args: video('testsrc=size=640x360:rate=30', 12, 220) },
  { file: 'portrait.mp4', args: video('testsrc2=size=360x640:rate=30', 8, 550) },
  { file: 'music.mp3', args: ['-f', 'lavfi', '-i', 'sine=frequency=262:sample_rate=44100:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=392:sample_rate=44100:duration=20', '-filter_complex', 'amix=inputs=2:normalize=0,volume=0.4', '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '96k'] },
  { file: 'logo.png', args: still('color=c=orange:size=256x256,drawbox=x=48:y=48:w=160:h=160:color=white@1:t=fill,drawbox=x=96:y=96:w=64:h=64:color=navy@1:t=fill', ['-c:v', 'png']) },
  { file: 'photo1.jpg', args: still('mandelbrot=size=960x540:start_scale=2', ['-c:v', 'mjpeg', '-q:v', '4']) },
  { file: 'photo2.jpg', args: still('smptehdbars=size=960x540', ['-c:v', 'mjpeg', '-q:v', '4']) },
  { file: 'photo3.png', args: still('testsrc2=size=960x540', ['-c:v', 'png']) },
  // The looks sample: a subject on a green screen (chroma key) and a warm 3D LUT (size 2: lifts red, lowers blue).
  { file: 'greenscreen.png', args: still('color=c=0x00ff00:size=640x360,drawbox=x=240:y=100:w=160:h=200:color=0xcc3366@1:t=fill', ['-c:v', 'png']) },
  // A radial grey ramp, black in the middle: a luma wipe that opens from the centre, and (inverted) an iris matte.
  { file: 'iris.png', args: still("color=c=black:size=640x360,format=gray,geq=lum='min(255,255*hypot(X-W/2,Y-H/2)/hypot(W/2,H/2))'", ['-c:v', 'png']) },
  { file: 'warm.cube', text: `TITLE "warm"\nLUT_3D_SIZE 2\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n${warmLut()}` },
  {
    file: 'captions.srt',
    text: '1\n00:00:00,500 --> 00:00:03,000\nWelcome to the interview.\n\n2\n00:00:03,500 --> 00:00:07,000\nLet us talk about timelines.\n',
  },
];

/** The eight corners of the RGB cube (red fastest), warmed: red × 1.1 + 0.05, blue × 0.85. */
function warmLut(): string {
  const rows: string[] = [];
  for (let b = 0; b < 2; b++) for (let g = 0; g < 2; g++) for (let r = 0; r < 2; r++) {
    rows.push(`${Math.min(1, r * 1.1 + 0.05).toFixed(4)} ${g.toFixed(4)} ${(b * 0.85).toFixed(4)}`);
  }
  return `${rows.join('\n')}\n`;
}

export const SAMPLE_MEDIA_DIR = join(__dirname, 'media');

/** Creates whatever is missing in `folder`; returns the files it made. */
export async function generateSampleMedia(folder = SAMPLE_MEDIA_DIR): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const made: string[] = [];
  const ffmpeg = () => resolveTool('ffmpeg').path;
  for (const recipe of SAMPLE_MEDIA) {
    const target = join(folder, recipe.file);
    if (existsSync(target)) continue;
    const partial = join(folder, `.partial-${process.pid}-${recipe.file}`);
    try {
      if (recipe.text !== undefined) writeFileSync(partial, recipe.text);
      else await run(ffmpeg(), ['-hide_banner', '-v', 'error', '-y', '-threads', '1', ...(recipe.args ?? []), '-f', formatOf(recipe.file), partial]);
      renameSync(partial, target);
      made.push(target);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  return made;
}

function formatOf(file: string): string {
  if (file.endsWith('.mp4')) return 'mp4';
  if (file.endsWith('.mp3')) return 'mp3';
  return 'image2';
}

if (require.main === module) {
  generateSampleMedia().then(
    (made) => console.log(made.length ? `samples: made ${made.length} media files in samples/media` : 'samples: media already there'),
    (error: Error) => {
      console.error(`samples: ${error.message.split('\n')[0]}`);
      process.exitCode = 1;
    },
  );
}
