import type { LoggerService } from '@nestjs/common';
import { AppLogger } from './app-logger';

function recorder() {
  const calls: Array<[string, unknown[]]> = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      void calls.push([level, args]);
  const inner: LoggerService = {
    log: at('log'),
    error: at('error'),
    warn: at('warn'),
    debug: at('debug'),
    verbose: at('verbose'),
    fatal: at('fatal'),
  };
  return { calls, logger: new AppLogger(inner) };
}

describe('AppLogger', () => {
  it('moves Nest’s start-up chatter (modules, controllers, routes) to debug', () => {
    const { calls, logger } = recorder();
    logger.log('StudiesModule dependencies initialized', 'InstanceLoader');
    logger.log('StudiesController {/api/v1/studies}:', 'RoutesResolver');
    logger.log('Mapped {/api/v1/studies, GET} route', 'RouterExplorer');
    expect(calls).toEqual([
      ['debug', ['StudiesModule dependencies initialized', 'InstanceLoader']],
      ['debug', ['StudiesController {/api/v1/studies}:', 'RoutesResolver']],
      ['debug', ['Mapped {/api/v1/studies, GET} route', 'RouterExplorer']],
    ]);
  });

  it('passes everything else through at its own level', () => {
    const { calls, logger } = recorder();
    logger.log('applied Init1795691336213', 'Migrations');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.warn('relay refused', 'Mail');
    logger.error('boom', 'stack', 'RouterExplorer');
    logger.log({ msg: 'an object' });
    expect(calls).toEqual([
      ['log', ['applied Init1795691336213', 'Migrations']],
      ['log', ['Nest application successfully started', 'NestApplication']],
      ['warn', ['relay refused', 'Mail']],
      ['error', ['boom', 'stack', 'RouterExplorer']],
      ['log', [{ msg: 'an object' }]],
    ]);
  });
});
