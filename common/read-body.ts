/**
 * Reading an HTTP answer's body with a size limit, before anything parses it (issue 25 §5): a CRM answer
 * of 50 MB or a knowledge delta of 500 MB is refused by its Content-Length when it states one, else by
 * counting the bytes as they stream in and cancelling at the limit (a header may lie or be absent).
 * Pure: Node's fetch, Electron's net.fetch and the browser all give the same Response.
 */

export type CappedText = { ok: true; text: string } | { ok: false; tooLarge: string };

/** Bytes as people read them: `50 MB`, `512 KB`, `2.5 MB` (1 MB = 1,048,576 bytes, as the policy's `…Mb` settings). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

/** The policy's megabytes as bytes. */
export const megabytes = (mb: number): number => Math.floor(mb * 1024 * 1024);

/**
 * The body as UTF-8 text, or why it was refused, e.g. `the CRM answer is larger than the 2 MB crm.maxResponseMb
 * allows (Content-Length: 50 MB)`. Errors while reading (a timeout, a reset) are thrown as fetch throws them.
 * @param what the answer, for the message ("the CRM answer")
 * @param setting the policy key that sets the limit ("crm.maxResponseMb"), so IT knows what to raise
 */
export async function readTextCapped(response: Response, maxBytes: number, what: string, setting: string): Promise<CappedText> {
  const refuse = (evidence: string): CappedText => ({ ok: false, tooLarge: `${what} is larger than the ${formatBytes(maxBytes)} ${setting} allows (${evidence})` });
  const header = response.headers.get('Content-Length');
  const declared = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return refuse(`Content-Length: ${formatBytes(declared)}`);
  }
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return refuse(`${formatBytes(received)} had arrived when reading stopped; ${header === null ? 'no Content-Length' : `its Content-Length said ${formatBytes(declared)}`}`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
