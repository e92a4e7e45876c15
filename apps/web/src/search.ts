/** Search-parameter readers for routes: e-mail links carry ?token= and ?ref= (a contract). */
export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= 2000 ? value : undefined;
}

export function tokenSearch(search: Record<string, unknown>): { token?: string } {
  return { token: optionalString(search.token) };
}
