/**
 * HTTP load with autocannon, the same way for a workload and its baseline: closed loop, the
 * same connections and duration (or amount of requests). Every response must be a 2xx.
 * Latencies are taken from each response (autocannon's own histogram has 1 ms buckets,
 * too coarse for a sub-millisecond baseline).
 */
import autocannon from 'autocannon';
import { median } from './stats';

export interface LoadOptions {
  url: string;
  connections: number;
  /** seconds; ignored when `amount` is set */
  duration?: number;
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** a different request each time (path, headers, body), called once per request */
  next?: () => { path: string; headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** responses per second */
  rps: number;
  /** median latency in ms, from every response */
  p50: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const next = o.next;
  let finish: (err: unknown, result: autocannon.Result) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (err, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result));
  });
  const options: autocannon.Options = {
    url: o.url,
    connections: o.connections,
    pipelining: 1,
    ...(o.amount ? { amount: o.amount } : { duration: o.duration ?? 10 }),
    method: o.method ?? 'GET',
    headers: o.headers,
    body: o.body,
    timeout: 30,
    ...(next
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const r = next();
                return { ...req, path: r.path, headers: { ...req.headers, ...r.headers }, body: r.body ?? req.body };
              },
            },
          ],
        }
      : {}),
  };
  const instance = autocannon(options, (err, result) => finish(err, result));
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await finished;
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0 || ok === 0) {
    throw new Error(
      `load on ${o.url}: ${ok} 2xx, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats ?? {})}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { requests: ok, seconds: result.duration, rps: ok / result.duration, p50: median(latencies) };
}
