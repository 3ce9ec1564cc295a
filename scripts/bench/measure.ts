/**
 * Runs one command and measures it as a whole process tree: wall time, CPU time (user + system
 * of every descendant, from bash's `times`), and peak resident memory summed over the tree,
 * sampled from /proc every 50 ms.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

export interface Measured {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  output: string;
  status: number | null;
  /**
   * Seconds from the start to the moment `text` first reached us in the output, colours aside, or
   * undefined.
   * Node writes to a pipe synchronously on Linux, so a log line arrives when it is written.
   */
  seenAt: (text: string) => number | undefined;
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

/** Signals a process group that may already be gone. */
function signal(pgid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pgid, name);
  } catch {
    // Already gone.
  }
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
  if (alive()) signal(pgid, 'SIGKILL');
}

/** What `until` can see of the running process. */
export interface Session {
  /** Everything it printed so far, standard output and error together. */
  output: () => string;
  /** Seconds since it started. */
  elapsed: () => number;
  /** Whether it has exited (a server that stopped will never answer). */
  exited: () => boolean;
}

/**
 * Runs `command` with its arguments; resolves when it exits, or when `until` resolves: then the
 * process group is killed and waited for, and a number `until` returns replaces the wall time
 * (a dev scenario times something that happens while the server runs). When `until` fails, the
 * group is killed all the same before the error is passed on.
 */
export function measure(
  command: string,
  args: string[],
  env: Record<string, string>,
  until?: (session: Session) => Promise<number | undefined>,
): Promise<Measured> {
  const script = '"$@"; status=$?; times >&3; exit $status';
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const child = spawn('bash', ['-c', script, 'bench', command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let times = '';
  // When each chunk of output arrived: its end in `output`, and the seconds since the start.
  const arrivals: { end: number; at: number }[] = [];
  const receive = (chunk: Buffer) => {
    output += chunk;
    arrivals.push({ end: output.length, at: elapsed() });
  };
  child.stdout?.on('data', receive);
  child.stderr?.on('data', receive);
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (times += chunk));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid as number))), 50);
  let wall = 0;
  let exited = false;
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const pgid = child.pid as number;
  const stopped = until
    ? until({ output: () => output, elapsed, exited: () => exited }).then(
        (seconds) => {
          wall = seconds ?? elapsed();
          signal(pgid, 'SIGTERM');
        },
        async (error: unknown) => {
          signal(pgid, 'SIGTERM');
          await groupGone(pgid);
          throw error;
        },
      )
    : Promise.resolve();
  return Promise.all([done, stopped]).then(
    async ([status]) => {
      clearInterval(sampler);
      if (until) await groupGone(pgid);
      if (!until) wall = elapsed();
      return {
        wallSeconds: wall,
        cpuSeconds: parseTimes(times),
        peakRssMb: peak / 1024,
        output,
        status: until ? 0 : status,
        seenAt: (text: string) => {
          // Astro colours its log when FORCE_COLOR says so (CI does), and a colour code may sit
          // inside the line: look in the plain text of what had arrived by each chunk.
          const arrived = (i: number) => stripVTControlCharacters(output.slice(0, arrivals[i]?.end)).includes(text);
          if (arrivals.length === 0 || !arrived(arrivals.length - 1)) return undefined;
          let [low, high] = [0, arrivals.length - 1];
          while (low < high) {
            const mid = Math.floor((low + high) / 2);
            if (arrived(mid)) high = mid;
            else low = mid + 1;
          }
          return arrivals[low]?.at;
        },
      };
    },
    (error: unknown) => {
      clearInterval(sampler);
      throw error;
    },
  );
}
