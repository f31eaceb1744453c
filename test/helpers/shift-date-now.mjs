// Preloaded into a `khiu serve` child through NODE_OPTIONS=--import: that process's clock
// runs KHIU_TEST_SHIFT_MS ahead, so a test can see what the server does a day later without
// waiting a day. Plain JavaScript, since it loads before the TypeScript loader.
const shiftMs = Number(process.env.KHIU_TEST_SHIFT_MS ?? 0);
if (!Number.isFinite(shiftMs))
  throw new Error('KHIU_TEST_SHIFT_MS must be a number of milliseconds');
const realNow = Date.now;
Date.now = () => realNow() + shiftMs;
