// Preloaded into a measured child (`node --require bench/rusage-preload.cjs ...`): when the child exits, writes its own
// process.resourceUsage() (maxRSS in KiB, CPU times in µs) as JSON to $BENCH_RUSAGE_FILE. Plain Node, so the
// benchmark needs no /usr/bin/time; the only cost is loading this file.
'use strict';
const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(file, JSON.stringify(process.resourceUsage()));
  });
}
