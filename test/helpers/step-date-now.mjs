// Preloaded into a `khiu serve` child through NODE_OPTIONS=--import: its Date.now reads the
// real time plus the offset in milliseconds held in the file KHIU_TEST_CLOCK_FILE, read on
// every call, so a test steps the running server's clock by rewriting the file (as
// ClockOffsetFile does). performance.now() is left alone, as on a PC whose clock is stepped:
// that is how the server notices. Plain JavaScript, since it loads before the TypeScript loader.
import { readFileSync } from 'node:fs';

const file = process.env.KHIU_TEST_CLOCK_FILE;
if (!file) throw new Error('KHIU_TEST_CLOCK_FILE must name the file holding the clock offset');
const realNow = Date.now;
Date.now = () => {
  const offsetMs = Number(readFileSync(file, 'utf8'));
  if (!Number.isFinite(offsetMs)) throw new Error(`${file} must hold a number of milliseconds`);
  return realNow() + offsetMs;
};
