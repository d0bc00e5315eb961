// Bundles the viv page (viewer.mjs and what it imports from node_modules) into OUT_DIR with its index.html, so any
// static file server can serve it: node viv/build.mjs OUT_DIR
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node viv/build.mjs OUT_DIR');
  process.exit(2);
}

await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(here, 'viewer.mjs')],
  outfile: path.join(out, 'viewer.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'error',
});
await copyFile(path.join(here, 'index.html'), path.join(out, 'index.html'));
