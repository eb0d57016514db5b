// The watch row of the benchmark (issue 15): time from saving a one-event edit of a plan to the client on disk, in a
// warm `codegen plan.json --watch` process. Each edit changes one event's description (which the client's JSDoc
// carries), is written in place like an editor's save, and is timed until the process reports that it wrote
// index.ts (it reports after the rename that puts the file in place); the file is then checked for the edit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The process's CPU time (user + system) in seconds, from /proc (Linux; NaN elsewhere), in clock ticks of 10 ms. */
function cpuOf(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return NaN;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime (fields 14 and 15 of stat)
}

/** The process's resident set in MB, from /proc (Linux; NaN elsewhere). */
function rssOf(pid) {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return NaN;
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * `plan`: the plan object; `dir`: a scratch folder; `codegen`: bin/codegen.js. Returns the times in seconds, after
 * `warmup` untimed edits (the first generations in a process run colder code), and the process's CPU seconds per
 * edit (all its threads, so the garbage collector's helpers count too; less sensitive to a busy machine), and its
 * resident set (MB) after the warm-up edits and at the end.
 */
export async function measureWatch({ plan, dir, codegen, runs = 7, warmup = 3, log = () => {} }) {
  const planPath = join(dir, 'watch-plan.json');
  const out = join(dir, 'watch-out');
  writeFileSync(planPath, JSON.stringify(plan, null, 2));
  const child = spawn(process.execPath, [codegen, planPath, '--watch', '--out', out], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let buffered = '';
  let waiting;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => {
    buffered += s;
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (waiting?.test(line)) {
        const w = waiting;
        waiting = undefined;
        w.done(performance.now());
      }
    }
  });
  const until = (re, ms = 60_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`watch bench: no "${re}" from codegen --watch within ${ms} ms`)),
        ms,
      );
      waiting = {
        test: (l) => re.test(l),
        done: (t) => {
          clearTimeout(timer);
          resolve(t);
        },
      };
    });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await until(/watching /);
    const names = Object.keys(plan.events);
    const times = [];
    const cpu = [];
    let rssAfterWarmup = NaN;
    for (let i = 0; i < warmup + runs; i++) {
      const name = names[(i * 37) % names.length];
      const marker = `Edited in watch run ${i}.`;
      plan.events[name].description = marker;
      const text = JSON.stringify(plan, null, 2);
      const written = until(/wrote .*index\.ts/);
      const cpu0 = cpuOf(child.pid);
      writeFileSync(planPath, text);
      const saved = performance.now();
      const done = await written;
      const cpu1 = cpuOf(child.pid);
      if (!readFileSync(join(out, 'index.ts'), 'utf8').includes(marker))
        throw new Error('watch bench: the client on disk lacks the edit');
      if (i === warmup - 1) rssAfterWarmup = rssOf(child.pid);
      if (i >= warmup) {
        times.push((done - saved) / 1000);
        cpu.push(cpu1 - cpu0);
        log(
          `watch edit ${i - warmup + 1}/${runs}: ${(done - saved).toFixed(0)} ms (CPU ${((cpu1 - cpu0) * 1000).toFixed(0)} ms)`,
        );
      }
      await new Promise((r) => setTimeout(r, 200)); // let the process settle, as between two saves
    }
    // What the process keeps from edit to edit: its resident set after the warm-up edits and after the timed ones
    return { times, cpu, rss: { afterWarmup: rssAfterWarmup, atEnd: rssOf(child.pid) } };
  } finally {
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) log(`codegen --watch exited ${code} on SIGTERM`);
  }
}
