import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server on a loopback port: the application's SMTP path is what is
 * tested. `messages` holds what was accepted (answered 250) only. `refuse(true)`
 * answers every message with a 550, as a failing relay does; `hold(true)` leaves
 * the answer to DATA pending until `hold(false)`, as a slow relay does: a message
 * whose sender hung up meanwhile was never accepted, and is not counted.
 */
export class SmtpListener {
  readonly messages: ReceivedMail[] = [];
  private refusing = false;
  private holding = false;
  private released: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;
  private readonly closedSessions = new Set<string>();
  /** messages whose DATA arrived while holding (accepted or not) */
  heldCount = 0;
  private readonly heldSessions = new Set<string>();
  private server: SMTPServer;
  port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        if (this.refusing) {
          stream.resume();
          stream.on('end', () => callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })));
          return;
        }
        const held = this.holding ? (this.heldCount++, this.heldSessions.add(session.id), this.released) : Promise.resolve();
        simpleParser(stream)
          .then(async (mail: ParsedMail) => {
            await held;
            // the sender hung up before the 250: not delivered
            if (this.closedSessions.has(session.id)) return;
            const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
            this.messages.push({
              to: to.map((a) => (a.address ?? '').toLowerCase()),
              from: mail.from?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
            });
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
  }

  static async start(): Promise<SmtpListener> {
    const l = new SmtpListener();
    await new Promise<void>((resolve) => l.server.listen(0, '127.0.0.1', () => resolve()));
    l.port = (l.server.server.address() as AddressInfo).port;
    return l;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(on: boolean): void {
    this.refusing = on;
  }

  hold(on: boolean): void {
    if (on && !this.holding) this.released = new Promise((resolve) => (this.release = resolve));
    if (!on) this.release();
    this.holding = on;
  }

  /**
   * Waits until every sender of a held message has hung up (its connection closed, e.g. a killed
   * worker): only then can `hold(false)` not deliver a message its sender gave up on.
   */
  async waitForHeldSendersGone(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ([...this.heldSessions].some((id) => !this.closedSessions.has(id))) {
      if (Date.now() > deadline) throw new Error(`a sender of a held message is still connected after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until `count` messages are held unanswered (default 1). */
  async waitForHeld(count = 1, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.heldCount < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} held message(s) within ${timeoutMs} ms, got ${this.heldCount}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits until `count` messages to `address` arrived (default 1) and returns them. */
  async waitFor(address: string, count = 1, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.to(address);
      if (got.length >= count) return got;
      if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${address} within ${timeoutMs} ms, got ${got.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): Promise<void> {
    this.hold(false);
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
