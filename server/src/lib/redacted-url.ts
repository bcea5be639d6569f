/** A URL as it may be shown (health, logs): without user name or password. */
export function redactedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return '(invalid URL)';
  }
}
