/**
 * Runs one command and measures it as a whole process tree: wall time, CPU time (user + system
 * of every descendant, from bash's `times`), and peak resident memory summed over the tree,
 * sampled from /proc every 50 ms.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface Measured {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  output: string;
  status: number | null;
}

function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(name);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * 4);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function parseTimes(text: string): number {
  // bash `times`: the second line holds the children's user and system time, e.g. 0m18.990s 0m5.110s.
  const line = text.trim().split('\n').at(-1) ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/**
 * Waits until every process of the group has exited (the shell can go before the server it
 * started): the next run may want the same port. After ten seconds, the group is killed.
 */
async function groupGone(pgid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let waited = 0; alive() && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (alive()) process.kill(-pgid, 'SIGKILL');
}

/** Runs `command` with its arguments; resolves when it exits, or when `until` resolves (then kills it). */
export function measure(
  command: string,
  args: string[],
  env: Record<string, string>,
  until?: (output: () => string) => Promise<void>,
): Promise<Measured> {
  const script = '"$@"; status=$?; times >&3; exit $status';
  const started = process.hrtime.bigint();
  const child = spawn('bash', ['-c', script, 'bench', command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let times = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (times += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid as number))), 50);
  let wall = 0;
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stopped = until
    ? until(() => output).then(() => {
        wall = Number(process.hrtime.bigint() - started) / 1e9;
        process.kill(-(child.pid as number), 'SIGTERM');
      })
    : Promise.resolve();
  return Promise.all([done, stopped]).then(async ([status]) => {
    clearInterval(sampler);
    if (until) await groupGone(child.pid as number);
    if (!until) wall = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      wallSeconds: wall,
      cpuSeconds: parseTimes(times),
      peakRssMb: peak / 1024,
      output,
      status: until ? 0 : status,
    };
  });
}
