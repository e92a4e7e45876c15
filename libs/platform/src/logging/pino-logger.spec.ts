import { Writable } from 'node:stream';
import pino from 'pino';
import { PinoLogger } from './pino-logger';

type Line = Record<string, unknown> & { level: number; msg?: string; context?: string; err?: { message: string; stack: string } };

function recorded(level = 'trace'): { logger: PinoLogger; lines: Line[] } {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  return { logger: new PinoLogger(pino({ level }, sink)), lines };
}

describe('PinoLogger (Nest’s LoggerService on pino)', () => {
  it('writes each Nest level at pino’s, with the last argument as the context', () => {
    const { logger, lines } = recorded();
    logger.verbose('v', 'Ctx');
    logger.debug('d', 'Ctx');
    logger.log('l', 'Ctx');
    logger.warn('w', 'Ctx');
    logger.error('e', 'Ctx');
    logger.fatal('f', 'Ctx');
    expect(lines.map(({ level, msg, context }) => [level, msg, context])).toEqual([
      [10, 'v', 'Ctx'],
      [20, 'd', 'Ctx'],
      [30, 'l', 'Ctx'],
      [40, 'w', 'Ctx'],
      [50, 'e', 'Ctx'],
      [60, 'f', 'Ctx'],
    ]);
  });

  it('honours the configured level', () => {
    const { logger, lines } = recorded('warn');
    logger.verbose('v', 'Ctx');
    logger.debug('d', 'Ctx');
    logger.log('l', 'Ctx');
    logger.warn('w', 'Ctx');
    expect(lines.map((l) => l.msg)).toEqual(['w']);
  });

  it('writes no context field when none is given', () => {
    const { logger, lines } = recorded();
    logger.log('plain');
    expect(lines[0]).not.toHaveProperty('context');
    expect(lines[0].msg).toBe('plain');
  });

  it('merges an object message into the line, the next argument being the message', () => {
    const { logger, lines } = recorded();
    logger.error({ requestId: 'r-1', path: '/x' }, 'request failed with 500', 'ProblemFilter');
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'r-1', path: '/x', msg: 'request failed with 500', context: 'ProblemFilter' });
  });

  it('keeps an Error’s stack, under err', () => {
    const { logger, lines } = recorded();
    const error = new Error('kaput');
    logger.error(error, 'ExceptionsHandler');
    expect(lines[0].context).toBe('ExceptionsHandler');
    expect(lines[0].err?.message).toBe('kaput');
    expect(lines[0].err?.stack).toBe(error.stack);
  });

  it('turns Nest’s error(message, stack, context) into an err with that stack', () => {
    const { logger, lines } = recorded();
    const stack = new Error('kaput').stack!;
    logger.error('kaput', stack, 'ExceptionHandler');
    expect(lines[0]).toMatchObject({ level: 50, context: 'ExceptionHandler', err: { message: 'kaput', stack } });
  });

  it('leaves a second string that is no stack as a format argument', () => {
    const { logger, lines } = recorded();
    logger.error('boom', 'not a stack', 'Ctx');
    expect(lines[0]).toMatchObject({ msg: 'boom', context: 'Ctx' });
    expect(lines[0]).not.toHaveProperty('err');
  });
});
