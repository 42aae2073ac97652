/** URL rules the policy applies to servers it names. Pure zod. */
import { z } from 'zod';

/**
 * Hosts for which plain ws:// and http:// are acceptable: a server on this machine. Exactly the loopback
 * names the page's CSP allows (csp.ts), so a policy that passes here is never blocked there (127.0.0.2
 * would be: a policy error now, not a refused connection at call time).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host === '127.0.0.1';
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
  ctx.addIssue({ code: 'custom', message: 'must be an https:// URL (http:// only for 127.0.0.1, localhost or [::1])' });
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
    message: url.protocol === 'ws:' ? 'must be a wss:// URL (ws:// only for 127.0.0.1, localhost or [::1])' : 'must be a wss:// URL',
  });
});
