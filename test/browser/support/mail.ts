import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceivedMail } from '../../support/smtp';
import { ENV } from './env';

export type { ReceivedMail };

function mailDir(): string {
  const dir = process.env[ENV.mailDir];
  if (!dir) throw new Error(`${ENV.mailDir} is not set: run the browser tests with npm run test:browser`);
  return dir;
}

/** Every message the run's SMTP listener accepted so far, oldest first. */
export function allMail(): ReceivedMail[] {
  const dir = mailDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReceivedMail);
}

/** The messages to `address` (case-insensitive), oldest first. */
export function mailsTo(address: string): ReceivedMail[] {
  const to = address.toLowerCase();
  return allMail().filter((m) => m.to.includes(to));
}

/**
 * Waits for the `nth` (default 1) message to `address` whose subject matches, and returns it.
 * The error lists the subjects that did arrive.
 */
export async function mailTo(address: string, subject: RegExp, opts: { timeoutMs?: number; nth?: number } = {}): Promise<ReceivedMail> {
  const { timeoutMs = 20_000, nth = 1 } = opts;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = mailsTo(address);
    const match = got.filter((m) => subject.test(m.subject))[nth - 1];
    if (match) return match;
    if (Date.now() > deadline) {
      throw new Error(
        `no mail #${nth} "${String(subject)}" to ${address} within ${timeoutMs} ms; got ${JSON.stringify(got.map((m) => m.subject))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The first link of the mail's text whose path starts with `pathPrefix` (e.g. `/confirm`,
 * `/me/invitations`), as an absolute URL on the API under test (PUBLIC_BASE_URL is its own URL).
 */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  for (const raw of mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? []) {
    const url = new URL(raw);
    if (url.pathname.startsWith(pathPrefix)) return url.toString();
  }
  throw new Error(`no link to ${pathPrefix} in the mail "${mail.subject}":\n${mail.text}`);
}
