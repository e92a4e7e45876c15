import { problemOf } from '../../../api/problem';

/**
 * The fields a 400 problem+json names (`errors[].field`, e.g. `displayName`, `attributes.size`),
 * for the page to put its own message, in the user's language, on each.
 */
export function problemFields(error: unknown): string[] {
  return problemOf(error)?.errors?.map((e) => e.field) ?? [];
}
