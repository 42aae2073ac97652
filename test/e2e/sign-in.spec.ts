/**
 * Agents who sign in (issue 21 §2): a machine policy with `sip.uriTemplate` and no personal credential. The
 * sign-in form is the first thing it shows; a wrong password says so and registers nothing; the right one
 * registers and takes a call; Sign out un-REGISTERs (calls to the agent stop routing) and shows the form again.
 */
import type { Page } from '@playwright/test';
import { agent, buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { answerFrom, expectTwoWayAudio } from './support/calls';
import { appUi } from './support/ui';

const templatePolicy = () => buildPolicy({ sip: { uri: undefined, password: undefined, uriTemplate: 'sip:{agentId}@127.0.0.1' } });

function signInUi(page: Page) {
  const form = page.getByRole('form', { name: 'Sign in' });
  return {
    form,
    agentId: form.getByRole('textbox', { name: 'Agent ID' }),
    password: form.getByLabel('Password'),
    submit: form.getByRole('button', { name: 'Sign in' }),
  };
}

test('sign in with agent ID and password: a wrong password registers nothing, the right one takes a call, Sign out un-REGISTERs', async ({ app, peer, sip }) => {
  const mark = sip.mark();
  const { page } = await app(templatePolicy());
  const ui = appUi(page);
  const signIn = signInUi(page);
  await expect(signIn.form).toBeVisible();
  await expect(ui.status).not.toHaveText('Registered');

  // A wrong password: the form says so, and no call reaches the agent.
  await signIn.agentId.fill(agent.user);
  await signIn.password.fill('not-the-password');
  await signIn.submit.click();
  await expect(signIn.form.getByRole('alert')).toHaveText('Wrong agent ID or password. Check both and try again.');
  await expect(ui.status).not.toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  const early = await customer.mark();
  await customer.call(agent.user);
  expect(await customer.waitForEvent('failed', { after: early })).toMatchObject({ statusCode: 404 });

  // The right password: registered as 1001, the desk starts and takes a call with audio both ways.
  await signIn.password.fill(agent.password);
  await signIn.submit.click();
  await expect(signIn.form).toHaveCount(0);
  await expect(ui.status).toHaveText('Registered');
  await expect(page.getByText(`Agent ${agent.user}`)).toBeVisible();
  expect(sip.requests(mark).some((r) => r.method === 'REGISTER' && r.from === agent.user)).toBe(true);
  await answerFrom(page, customer);
  await expectTwoWayAudio(page, customer);
  await ui.button('Hang up').click();
  await expect(ui.button('Hang up')).toHaveCount(0);

  // Sign out: the binding is gone (the customer's next call finds nobody) and the form is back, agent ID kept.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signIn.form).toBeVisible();
  await expect(signIn.agentId).toHaveValue(agent.user);
  const later = await customer.mark();
  await customer.call(agent.user);
  expect(await customer.waitForEvent('failed', { after: later })).toMatchObject({ statusCode: 404 });
});

test('a policy with both sip.uri and sip.uriTemplate is refused with the reason', async ({ app }) => {
  const { page } = await app(buildPolicy({ sip: { uriTemplate: 'sip:{agentId}@127.0.0.1' } }));
  await expect(page.getByRole('alert', { name: 'Policy problems' })).toContainText('sip.uriTemplate: use either sip.uri (one fixed agent) or sip.uriTemplate (agents sign in), not both');
});
