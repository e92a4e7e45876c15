/**
 * The Idempotency-Key of a submit: made once per assignment and kept in sessionStorage until the
 * submit succeeds, so a double tap, a retry after a lost connection or a reload of the tab sends
 * the same key and the server submits once.
 */
const PREFIX = 'leadpanel.submitKey.';

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export function submitKey(assignmentId: string): string {
  try {
    const kept = sessionStorage.getItem(PREFIX + assignmentId);
    if (kept) return kept;
    const key = newKey();
    sessionStorage.setItem(PREFIX + assignmentId, key);
    return key;
  } catch {
    return newKey(); // storage refused (private mode): the player still keeps it in memory
  }
}

export function forgetSubmitKey(assignmentId: string): void {
  try {
    sessionStorage.removeItem(PREFIX + assignmentId);
  } catch {
    // nothing kept
  }
}
