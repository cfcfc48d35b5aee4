// `npm run package` builds the .vsix a marketplace user installs: only bundles, schemas, samples, icons,
// README, CHANGELOG and LICENSE go in. This test builds it for real and reads its file list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipEntries, type ZipEntry } from './vsix-entries';

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

describe('npm run package', () => {
  let outDir: string;
  let vsix: string;
  let entries: ZipEntry[];

  before(() => {
    outDir = mkdtempSync(join(tmpdir(), 'atropos-package-test-'));
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), '--out', outDir], { cwd: root, encoding: 'utf8' });
    const built = readdirSync(outDir).filter((f) => f.endsWith('.vsix'));
    assert.equal(result.status, 0, `npm run package failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    assert.deepEqual(built, [`atropos-timeline-${String(manifest.version)}.vsix`]);
    vsix = join(outDir, built[0] ?? '');
    entries = readZipEntries(vsix);
    const size = statSync(vsix).size;
    console.log(`# package: ${built[0]} ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
    for (const e of entries) console.log(`#   ${e.name} (${(e.size / 1024).toFixed(1)} KiB)`);
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
