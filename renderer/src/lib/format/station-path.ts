/** The id in a station URL like /t/AbC123; null when missing or malformed. */
export function pathParam(pathname: string, pattern: RegExp): string | null {
  const raw = pathname.split('/').filter(Boolean)[1];
  if (raw === undefined) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return pattern.test(value) ? value : null;
}

export const TICKET_ID = /^[A-Za-z0-9_-]{1,64}$/;
