/** A fake API for tests: answers by "METHOD /path", records every request (with its headers and body). */
export interface Recorded {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

type Answer = Response | ((req: Recorded, n: number) => Response | Promise<Response>);

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type, ...headers } });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return json(status, { type: `urn:leadpanel:problem:${code}`, title: code, status, detail: code, requestId: 'r1', ...extra }, headers);
}

export function fakeApi(routes: Record<string, Answer>) {
  const calls: Recorded[] = [];
  const counts = new Map<string, number>();
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const rec: Recorded = { method: request.method, path: url.pathname, headers: request.headers, body: await request.text() };
    calls.push(rec);
    const key = `${rec.method} ${rec.path}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    const answer = routes[key];
    if (!answer) return problem(404, 'not-found');
    return typeof answer === 'function' ? answer(rec, n) : answer.clone();
  };
  return { fetch: fetchImpl as typeof fetch, calls, count: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key).length };
}
