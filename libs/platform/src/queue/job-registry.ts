import { Injectable } from '@nestjs/common';
import { JobHandler } from './job';

/**
 * Job handlers register here by job name, each from the service that owns the job (in
 * its onModuleInit), so that BullMQ workers and the in-process runner call the very same code.
 */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler<never>>();

  register<P>(name: string, handler: JobHandler<P>): void {
    if (this.handlers.has(name)) throw new Error(`job handler "${name}" registered twice`);
    this.handlers.set(name, handler as JobHandler<never>);
  }

  get(name: string): JobHandler<unknown> | undefined {
    return this.handlers.get(name) as JobHandler<unknown> | undefined;
  }

  names(): string[] {
    return [...this.handlers.keys()];
  }
}
