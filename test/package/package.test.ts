// `npm run package` builds the .vsix a marketplace user installs: only bundles, schemas, samples, icons,
// README, CHANGELOG and LICENSE go in. This test builds it for real and reads its file list. The
// platform-specific package (`--target linux-x64`) adds exactly the native title rasteriser for that
// platform (@napi-rs/canvas and its one binary package, under dist/node_modules), and the test runs it
// from the unpacked package as the installed extension would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractZip, readZipEntries, type ZipEntry } from './vsix-entries';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const MAX_BYTES = 2 * 1024 * 1024;

/** What may be inside the package (paths as vsce stores them). Anything else fails the test. */
const ALLOWED: RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/dist\/[\w.-]+\.(js|css)$/,
  /^extension\/schemas\/[\w./-]+\.json$/,
  /^extension\/samples\/[\w./-]+\.timeline\.yaml$/,
  /^extension\/resources\/[\w./-]+\.(png|svg|json|tmLanguage\.json|code-snippets)$/,
];

/** Named explicitly so that a failure says what leaked. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\.tsx?$/, 'TypeScript source'],
  [/\.map$/, 'source map'],
  [/(^|\/)node_modules\//, 'node_modules'],
  [/\.test\.|(^|\/)test\//, 'test file'],
  [/\.(mp4|mov|webm|wav|mp3|m4a|mkv)$/, 'media file'],
  [/(^|\/)\.(env|dev\.vars)/, 'secrets file'],
];

/** Builds the package (universal, or for a VS Code platform target) into a fresh folder. */
function buildPackage(target?: string): { outDir: string; vsix: string; entries: ZipEntry[] } {
  const outDir = mkdtempSync(join(tmpdir(), 'atropos-package-test-'));
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', outDir, ...(target ? ['--target', target] : [])], { cwd: root, encoding: 'utf8' });
  const built = readdirSync(outDir).filter((f) => f.endsWith('.vsix'));
  assert.equal(result.status, 0, `npm run package failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  assert.deepEqual(built, [`atropos-timeline-${target ? `${target}-` : ''}${String(manifest.version)}.vsix`]);
  const vsix = join(outDir, built[0] ?? '');
  const entries = readZipEntries(vsix);
  const size = statSync(vsix).size;
  console.log(`# package: ${built[0]} ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
  for (const e of entries) console.log(`#   ${e.name} (${(e.size / 1024).toFixed(1)} KiB)`);
  return { outDir, vsix, entries };
}

describe('npm run package', () => {
  let outDir: string;
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    ({ outDir, vsix, entries } = buildPackage());
  });

  after(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('holds nothing outside the allow-list', () => {
    const leaked = entries.flatMap((e) => FORBIDDEN.filter(([re]) => re.test(e.name)).map(([, what]) => `${e.name} (${what})`));
    assert.deepEqual(leaked, []);
    const unexpected = entries.map((e) => e.name).filter((name) => !ALLOWED.some((re) => re.test(name)));
    assert.deepEqual(unexpected, []);
  });

  it('holds the bundles, icon, readme, changelog and licence the manifest points at', () => {
    const names = new Set(entries.map((e) => e.name));
    const main = String(manifest.main).replace(/^\.\//, '');
    for (const required of [`extension/${main}`, 'extension/dist/server.js', 'extension/resources/icon.png', 'extension/package.json']) {
      assert.ok(names.has(required), `missing ${required}`);
    }
    assert.ok([...names].some((n) => /^extension\/readme\.md$/i.test(n)), 'missing README');
    assert.ok([...names].some((n) => /^extension\/changelog\.md$/i.test(n)), 'missing CHANGELOG');
    assert.ok([...names].some((n) => /^extension\/LICENSE/.test(n)), 'missing LICENSE');
    assert.ok([...names].some((n) => n.endsWith('.timeline.yaml')), 'no sample timeline in the package');
  });

  it('stays under 2 MB without ffmpeg', () => {
    assert.ok(statSync(vsix).size < MAX_BYTES, `${statSync(vsix).size} bytes`);
  });
});

/** The title rasteriser a linux-x64 package ships: @napi-rs/canvas's JavaScript and the one binary, nothing else. */
const CANVAS_LINUX_X64: RegExp[] = [
  /^extension\/dist\/node_modules\/@napi-rs\/canvas\/(package\.json|LICENSE|[\w-]+\.js)$/,
  /^extension\/dist\/node_modules\/@napi-rs\/canvas-linux-x64-gnu\/(package\.json|LICENSE|skia\.linux-x64-gnu\.node)$/,
];
/** Measured 2026-12-03: 15.4 MiB (the universal package's 1.1 MiB plus the skia binary, 35.8 MB, deflated to 14.3 MiB). */
const MAX_LINUX_X64_BYTES = 17 * 1024 * 1024;
const canvasBinaryHere = existsSync(join(root, 'node_modules', '@napi-rs', 'canvas-linux-x64-gnu', 'package.json'));

describe('npm run package -- --target linux-x64', { skip: canvasBinaryHere ? false : 'the linux-x64 binary of @napi-rs/canvas is not installed on this machine' }, () => {
  let outDir: string;
  let vsix: string;
  let entries: ZipEntry[];
  let unpacked: string;

  before(() => {
    ({ outDir, vsix, entries } = buildPackage('linux-x64'));
    unpacked = mkdtempSync(join(tmpdir(), 'atropos-package-unpacked-'));
    extractZip(vsix, unpacked);
  });

  after(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  });

  it('holds the universal package\'s files plus exactly the rasteriser for linux-x64', () => {
    const canvas = entries.filter((e) => CANVAS_LINUX_X64.some((re) => re.test(e.name)));
    const rest = entries.filter((e) => !canvas.includes(e));
    const leaked = rest.flatMap((e) => FORBIDDEN.filter(([re]) => re.test(e.name)).map(([, what]) => `${e.name} (${what})`));
    assert.deepEqual(leaked, []);
    assert.deepEqual(rest.map((e) => e.name).filter((name) => !ALLOWED.some((re) => re.test(name))), []);
    const names = canvas.map((e) => e.name);
    for (const required of ['canvas/index.js', 'canvas/js-binding.js', 'canvas/package.json', 'canvas-linux-x64-gnu/package.json', 'canvas-linux-x64-gnu/skia.linux-x64-gnu.node']) {
      assert.ok(names.includes(`extension/dist/node_modules/@napi-rs/${required}`), `missing ${required}`);
    }
    assert.match(readFileSync(join(unpacked, 'extension.vsixmanifest'), 'utf8'), /TargetPlatform="linux-x64"/);
  });

  it(`stays under ${MAX_LINUX_X64_BYTES / 1024 / 1024} MiB, and everything but the rasteriser under 2 MiB`, () => {
    assert.ok(statSync(vsix).size < MAX_LINUX_X64_BYTES, `${statSync(vsix).size} bytes`);
    const rest = entries.filter((e) => !CANVAS_LINUX_X64.some((re) => re.test(e.name))).reduce((sum, e) => sum + e.compressedSize, 0);
    assert.ok(rest < MAX_BYTES, `${rest} bytes besides the rasteriser`);
  });

  it('draws a colour emoji with the rasteriser it ships, resolved from the installed bundles\' folder', () => {
    // Beside the bundles: require() resolves the way dist/render-host.js and dist/cli.js resolve it.
    const probe = join(unpacked, 'extension', 'dist', 'probe.js');
    writeFileSync(probe, `const { createCanvas } = require('@napi-rs/canvas');
const canvas = createCanvas(64, 64);
const g = canvas.getContext('2d');
g.font = '48px "Noto Color Emoji"';
g.fillText('\\u{1F534}', 4, 52);
const d = g.getImageData(0, 0, 64, 64).data;
let red = 0;
for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 80 && d[i + 2] < 80) red++;
console.log(JSON.stringify({ from: require.resolve('@napi-rs/canvas'), red }));
`);
    const out = JSON.parse(execFileSync(process.execPath, [probe], { cwd: unpacked, env: { ...process.env, NODE_PATH: '' }, encoding: 'utf8' })) as { from: string; red: number };
    assert.equal(out.from, join(unpacked, 'extension', 'dist', 'node_modules', '@napi-rs', 'canvas', 'index.js'));
    // 🔴 (a large red circle) in colour: hundreds of red pixels, not an outline or an empty box.
    assert.ok(out.red > 500, `${out.red} red pixels`);
  });
});

describe('marketplace fields', () => {
  it('has an icon, categories, keywords, repository and gallery banner', () => {
    assert.equal(manifest.icon, 'resources/icon.png');
    assert.ok(Array.isArray(manifest.categories) && manifest.categories.length > 0);
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.length > 0);
    assert.match(JSON.stringify(manifest.repository), /^\{"type":"git","url":"https:\/\/.+\.git"\}$/);
    assert.match(JSON.stringify(manifest.galleryBanner), /"color":"#[0-9a-f]{6}"/i);
  });

  it('has a 128x128 PNG icon', () => {
    const png = readFileSync(join(root, 'resources', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    // IHDR: width and height are the first two big-endian words of the first chunk.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
