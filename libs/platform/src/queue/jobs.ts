import type { OutboxMessageInput } from '../outbox/outbox.service';
import type { JobHandler } from './job';
import type { JobRegistry } from './job-registry';

/** A context's jobs: job name → the JSON payload its message carries, e.g. `{ 'studies.expire-wave': { waveId: string } }`. */
export type JobMap<M> = { [N in keyof M]: object };

/** What an outbox message carries besides its topic and payload. */
export type JobMessageOptions = Omit<OutboxMessageInput, 'topic' | 'payload'>;

/** Both ends of a context's jobs, checked against its job map: the handler and the enqueued message. */
export interface Jobs<M extends JobMap<M>> {
  /** Registers the handler of job `name`; it receives that job's payload type. */
  register<N extends keyof M & string>(registry: JobRegistry, name: N, handler: JobHandler<M[N]>): void;
  /** The outbox message of job `name` (for `OutboxService.add`); the payload must be that job's type. */
  message<N extends keyof M & string>(name: N, payload: M[N], options?: JobMessageOptions): OutboxMessageInput;
}

/**
 * Ties a context's job names to their payload types, for the code that enqueues and the handler alike:
 * `export const studiesJobs = defineJobs<StudiesJobs>()`, then `studiesJobs.message(REMIND_WAVE_JOB, { waveId, n })`
 * and `studiesJobs.register(registry, REMIND_WAVE_JOB, ({ waveId, n }) => …)`. A payload that drifts fails to compile.
 */
export function defineJobs<M extends JobMap<M>>(): Jobs<M> {
  return {
    register: (registry, name, handler) => registry.register(name, handler),
    message: (name, payload, options = {}) => ({ ...options, topic: name, payload: payload as Record<string, unknown> }),
  };
}
