/** URL rules the policy applies to servers it names. Pure zod. */
import { z } from 'zod';

/** Hosts for which plain ws:// is acceptable: the SIP server runs on this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An https:// URL, or http:// for a loopback host (a service on the agent's own machine). */
export const serviceUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value.replace(/\{[A-Za-z]+\}/g, 'x'));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an https:// URL' });
    return;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return;
  ctx.addIssue({ code: 'custom', message: 'must be an https:// URL (http:// is allowed only for loopback hosts)' });
});

/** A WebSocket server URL: wss://, or ws:// for a loopback host (a server on the agent's own machine). */
export const webSocketUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a wss:// URL' });
    return;
  }
  if (url.protocol === 'wss:' || (url.protocol === 'ws:' && isLoopbackHost(url.hostname))) return;
  ctx.addIssue({
    code: 'custom',
    message: url.protocol === 'ws:' ? 'must be a wss:// URL (ws:// is allowed only for loopback hosts)' : 'must be a wss:// URL',
  });
});
