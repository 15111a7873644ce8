/**
 * `next` after login, only when it is a path on this site: never another origin (`//evil`, `/\evil`,
 * `https://…`), so the login page cannot be used to send someone elsewhere.
 */
export function safeNextPath(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return undefined;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return undefined;
  const base = 'http://academy.invalid';
  let parsed: URL;
  try {
    parsed = new URL(next, base);
  } catch {
    return undefined;
  }
  if (parsed.origin !== base) return undefined;
  return `${parsed.pathname}${parsed.search}`;
}
