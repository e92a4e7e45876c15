/**
 * The processes the runner starts (the API, the bare baseline server, the bench worker) and
 * stops again: each by its own handle, never by name.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Started {
  name: string;
  proc: ChildProcess;
  /** the last lines it wrote to stderr (for error messages) */
  stderr(): string;
  stop(): Promise<void>;
}

const running = new Set<Started>();

/** Stops every process still running (on exit, error or Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function track(name: string, proc: ChildProcess): Started {
  let tail = '';
  proc.stderr?.on('data', (b: Buffer) => {
    tail = (tail + b.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const started: Started = {
    name,
    proc,
    stderr: () => tail,
    async stop() {
      running.delete(started);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
  running.add(started);
  return started;
}

/** Starts `node [nodeArgs] <script>` with its stdout discarded (the API's logs) and stderr kept. */
export function startNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  opts: { ipc?: boolean; nodeArgs?: string[] } = {},
): Started {
  const nodeArgs = opts.nodeArgs ?? [];
  const proc = opts.ipc
    ? fork(script, [], { env, execArgv: nodeArgs, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    : spawn(process.execPath, [...nodeArgs, script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return track(name, proc);
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv, echo: boolean): Promise<void> {
  const proc = spawn(cmd, args, { env, stdio: ['ignore', echo ? 'inherit' : 'pipe', 'pipe'] });
  let out = '';
  proc.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr?.on('data', (b: Buffer) => {
    out += b.toString();
    if (echo) process.stderr.write(b);
  });
  const code = await new Promise<number>((resolve) => proc.once('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`);
}

/** Waits until GET url answers 200, or throws with the process's stderr. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.proc.exitCode !== null) throw new Error(`${started.name} exited (${started.proc.exitCode}):\n${started.stderr()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`${started.name} did not answer ${url} within ${timeoutMs / 1000} s:\n${started.stderr()}`);
}

interface Reply {
  id?: number;
  ready?: boolean;
  ok?: boolean;
  result?: unknown;
  error?: string;
}

/** A child that answers commands over IPC ({id, cmd, args} → {id, ok, result | error}). */
export class IpcChild {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly ready: Promise<void>;

  constructor(readonly started: Started) {
    this.ready = new Promise((resolve, reject) => {
      started.proc.on('message', (m: Reply) => {
        if (m.ready) return resolve();
        const p = m.id === undefined ? undefined : this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.ok) p.resolve(m.result);
        else p.reject(new Error(m.error ?? 'failed'));
      });
      started.proc.once('exit', (code) => {
        const err = new Error(`${started.name} exited (${code}):\n${started.stderr()}`);
        reject(err);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
      });
    });
  }

  async whenReady(timeoutMs = 60_000): Promise<void> {
    await Promise.race([
      this.ready,
      sleep(timeoutMs).then(() => {
        throw new Error(`${this.started.name} was not ready within ${timeoutMs / 1000} s:\n${this.started.stderr()}`);
      }),
    ]);
  }

  call<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.started.proc.send({ id, cmd, args });
    });
  }
}
