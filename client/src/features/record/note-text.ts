/** Decodes the text of an EMR note sent inline (`attachment.data`, base64) in the charset its content type names. */
export type NoteText = { status: 'ok'; text: string } | { status: 'none' } | { status: 'unreadable' };

const TEXTUAL = /^text\//i;

export function decodeNoteText(attachment: { contentType?: string | undefined; data?: string | undefined } | undefined): NoteText {
  if (!attachment?.data) return { status: 'none' };
  const contentType = attachment.contentType ?? 'text/plain';
  if (!TEXTUAL.test(contentType.trim())) return { status: 'unreadable' };
  const charset = /charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    const binary = atob(attachment.data.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const text = new TextDecoder(charset, { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n').trim();
    return text ? { status: 'ok', text } : { status: 'none' };
  } catch {
    return { status: 'unreadable' };
  }
}
