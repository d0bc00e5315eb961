// Opens the viv page in headless Chromium (Debian's, driven by playwright-core) on one OME-Zarr image and, once viv
// has drawn it, writes the canvas as a PNG. Prints one JSON line: {"status": "rendered" | "failed: ..." | "timeout",
// "console": [the page's console errors]}; exits non-zero only when the browser itself cannot run.
//   node viv/render.mjs PAGE_URL SOURCE_URL WIDTH HEIGHT OUT.png
import { chromium } from 'playwright-core';

const [page, source, width, height, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node viv/render.mjs PAGE_URL SOURCE_URL WIDTH HEIGHT OUT.png');
  process.exit(2);
}

const timeoutMs = 120_000;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // No GPU in CI: WebGL runs on SwiftShader, Chromium's software renderer, which it enables only when asked. CI may run
  // as root or in a container without user namespaces, where Chromium's sandbox cannot start; the page is our own.
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox'],
});
try {
  const tab = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  const errors = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  tab.on('pageerror', (error) => errors.push(error.message));

  const url = new URL(page);
  url.search = new URLSearchParams({ source, width, height }).toString();
  await tab.goto(url.toString());
  let status;
  try {
    await tab.waitForFunction(() => window.vivStatus !== 'loading', null, { timeout: timeoutMs, polling: 100 });
    status = await tab.evaluate(() => window.vivStatus);
  } catch {
    status = 'timeout';
  }

  if (status === 'rendered') {
    await tab.locator('canvas').screenshot({ path: out, animations: 'disabled' });
  }

  console.log(JSON.stringify({ status, console: errors }));
} finally {
  await browser.close();
}
