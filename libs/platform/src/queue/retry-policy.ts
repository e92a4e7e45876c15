/** Attempts and exponential backoff shared by both queue backends. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export function backoffDelay(policy: RetryPolicy, attemptsMade: number): number {
  return policy.backoffMs * 2 ** Math.max(0, attemptsMade - 1);
}
