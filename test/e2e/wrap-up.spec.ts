import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { answerFrom, ringAgent } from './support/calls';
import { storedRows } from './support/stored';
import { appUi } from './support/ui';

test('wrap-up after a call: Finish stays disabled until a required code is picked, calls meanwhile get 486, the code lands in the history', async ({
  app,
  peer,
}) => {
  const { page, reload } = await app(buildPolicy({ agent: { wrapUp: { enabled: true, codeRequired: true, timeLimitSeconds: 0 } } }));
  const ui = appUi(page);
  const state = ui.agentState.locator('option:checked');
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  const nextCaller = await peer({ user: '1003', wav: 'tone440' });

  await answerFrom(page, customer);
  await expect(state).toHaveText('On call');
  await customer.hangup();

  const wrapUp = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUp).toContainText('After the call with 1002');
  await expect(state).toHaveText('Wrap-up');
  const finish = ui.button('Finish wrap-up');
  await expect(finish).toBeDisabled();
  await expect(finish).toHaveAccessibleDescription('Choose a wrap-up code to finish.');

  let mark = await nextCaller.mark();
  await nextCaller.call('1001');
  expect((await nextCaller.waitForEvent('failed', { after: mark })).statusCode).toBe(486);
  await expect(ui.incoming).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Wrap-up code' }).selectOption({ label: 'Complaint' });
  await page.getByRole('textbox', { name: 'Wrap-up notes' }).fill('Card swallowed by ATM');
  await expect(finish).toBeEnabled();
  await finish.click();
  await expect(wrapUp).toHaveCount(0);
  await expect(state).toHaveText('Ready');

  const answered = ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Answered' });
  await expect(answered).toContainText('Complaint');
  await expect(answered.getByTitle('Card swallowed by ATM')).toHaveText('Complaint');

  mark = await nextCaller.mark();
  await ringAgent(page, nextCaller); // Ready again: the next call rings
  expect(await nextCaller.eventsOf('failed', mark)).toEqual([]);
  await nextCaller.hangup();
  await expect(ui.incoming).toHaveCount(0);

  // Stored, not just shown: a fresh start reads the code back from Dexie, with every state's time.
  await reload();
  await expect(ui.status).toHaveText('Registered');
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Answered' })).toContainText('Complaint');
  const rows = await storedRows<{ state: string; startedAt: number; endedAt?: number }>(page, 'agentStates');
  expect(rows.map((r) => r.state)).toEqual(['ready', 'on-call', 'wrap-up', 'ready', 'ready']);
  for (const [i, row] of rows.slice(0, -1).entries()) {
    expect(row.endedAt, `row ${i} (${row.state}) closed`).toBeGreaterThanOrEqual(row.startedAt);
    expect(rows[i + 1]?.startedAt).toBeGreaterThanOrEqual(row.endedAt ?? Infinity);
  }
});

test('wrap-up ends by itself at the time limit: Ready again, the missing required code recorded as timed out', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ agent: { wrapUp: { enabled: true, codeRequired: true, timeLimitSeconds: 2 } } }));
  const ui = appUi(page);
  const state = ui.agentState.locator('option:checked');
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await answerFrom(page, customer);
  await customer.hangup();
  await expect(state).toHaveText('Wrap-up');
  const started = Date.now();
  await expect(page.getByRole('timer', { name: 'Wrap-up time left' })).toHaveText(/^00:0[12]$/);
  await expect(ui.button('Finish wrap-up')).toBeDisabled();

  await expect(state).toHaveText('Ready', { timeout: 6_000 });
  const waited = Date.now() - started;
  expect(waited, 'wrap-up lasted about the 2 s limit').toBeGreaterThan(1_000);
  await expect(page.getByRole('region', { name: 'Wrap-up' })).toHaveCount(0);
  await expect(ui.historyItems.filter({ hasText: '1002' })).toContainText('No wrap-up code (time ran out)');

  const mark = await customer.mark();
  await ringAgent(page, customer);
  expect(await customer.eventsOf('failed', mark)).toEqual([]);
});

test('without autoReady the time limit only warns: calls keep getting 486 until the agent finishes', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ agent: { wrapUp: { enabled: true, timeLimitSeconds: 1, autoReady: false } } }));
  const ui = appUi(page);
  const state = ui.agentState.locator('option:checked');
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await answerFrom(page, customer);
  await customer.hangup();
  await expect(page.getByRole('alert')).toHaveText('Wrap-up time is up. Finish wrap-up to take calls again.');
  await expect(state).toHaveText('Wrap-up');
  let mark = await customer.mark();
  await customer.call('1001');
  expect((await customer.waitForEvent('failed', { after: mark })).statusCode).toBe(486);

  await ui.button('Finish wrap-up').click(); // the code is optional here
  await expect(state).toHaveText('Ready');
  await expect(ui.historyItems.filter({ hasText: '1002' }).filter({ hasText: 'Answered' })).toContainText('No wrap-up code');
  mark = await customer.mark();
  await ringAgent(page, customer);
  expect(await customer.eventsOf('failed', mark)).toEqual([]);
});
