/** 2026-12-06 in China time, whatever the kiosk's clock zone. */
export function formatShanghaiDate(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
