import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { expectSilence, expectTone, remoteAudio } from './support/audio-probe';
import { expectTwoWayAudio, ringAgent } from './support/calls';
import { appUi } from './support/ui';

test('in the browser host the default keys answer, hold, resume, mute, unmute, open the transfer form and hang up a real call', async ({ app, peer }) => {
  const { page } = await app();
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await ringAgent(page, customer);
  let mark = await customer.mark();
  await page.keyboard.press('Control+Alt+A');
  await customer.waitForEvent('confirmed', { after: mark });
  await expectTwoWayAudio(page, customer);

  mark = await customer.mark();
  await page.keyboard.press('Control+Alt+P');
  expect((await customer.waitForEvent('hold', { after: mark })).originator).toBe('remote');
  await expect(ui.button('Resume')).toBeVisible();
  await expectSilence(customer.page, remoteAudio);
  await page.keyboard.press('Control+Alt+P');
  expect((await customer.waitForEvent('unhold', { after: mark })).originator).toBe('remote');
  await expectTwoWayAudio(page, customer);

  await page.keyboard.press('Control+Alt+M');
  await expect(ui.button('Unmute')).toBeVisible();
  await expectSilence(customer.page, remoteAudio);
  await expectTone(page, remoteAudio, 440); // muting is one way only
  await page.keyboard.press('Control+Alt+M');
  await expect(ui.button('Mute')).toBeVisible();
  await expectTone(customer.page, remoteAudio, 1000);

  // Transfer opens the transfer form (the phone's own "Transfer" button), ready to type the target.
  await page.keyboard.press('Control+Alt+X');
  await expect(page.getByRole('textbox', { name: 'Transfer to' })).toBeFocused();
  await page.keyboard.press('Control+Alt+X'); // again: never submits a half-typed transfer
  await expect(page.getByRole('textbox', { name: 'Transfer to' })).toBeVisible();
  expect(await customer.eventsOf('refer', mark)).toEqual([]);

  mark = await customer.mark();
  await page.keyboard.press('Control+Alt+H');
  await customer.waitForEvent('ended', { after: mark });
  await expect(ui.currentCall).toHaveCount(0);
});

test('policy keys: function keys work while typing in a field; the Ready/Not ready key rejects and restores calls', async ({
  app,
  peer,
}) => {
  const { page } = await app(buildPolicy({ shortcuts: { answer: 'F8', hangup: 'F9', toggleReady: 'Ctrl+Shift+Y' } }));
  const ui = appUi(page);
  const state = ui.agentState.locator('option:checked');
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });

  await page.keyboard.press('Control+Shift+Y');
  await expect(state).toHaveText('Not ready');
  let mark = await customer.mark();
  await customer.call('1001');
  expect((await customer.waitForEvent('failed', { after: mark })).statusCode).toBe(486);
  await page.keyboard.press('Control+Shift+Y');
  await expect(state).toHaveText('Ready');

  await page.keyboard.press('Control+Alt+A'); // the default is replaced, not added to
  await ringAgent(page, customer);
  await ui.number.click();
  await page.keyboard.type('55');
  await page.keyboard.press('Control+Alt+A');
  await expect(ui.incoming).toBeVisible();
  mark = await customer.mark();
  await page.keyboard.press('F8');
  await customer.waitForEvent('confirmed', { after: mark });
  await expectTwoWayAudio(page, customer);
  await page.keyboard.press('F9');
  await customer.waitForEvent('ended', { after: mark });
  await expect(ui.currentCall).toHaveCount(0);
});

test('the Keyboard shortcuts panel lists every action with its keys; F1, "?" and the header button open it', async ({ app }) => {
  const { page } = await app(buildPolicy({ shortcuts: { answer: 'F8' } }));
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeHidden();

  await page.keyboard.press('F1');
  await expect(dialog).toBeVisible();
  const rows = dialog.getByRole('row');
  await expect(rows).toHaveText([
    'ActionKeys',
    'AnswerF8',
    'Hang upCtrl+Alt+H',
    'Hold / ResumeCtrl+Alt+P',
    'Mute / UnmuteCtrl+Alt+M',
    'TransferCtrl+Alt+X',
    'Ready / Not readyCtrl+Alt+R',
    'Pause / resume recordingCtrl+Alt+S',
    'Ask the team lead for helpCtrl+Alt+Q',
    'Schedule callbackCtrl+Alt+B',
    'Dial the copied numberCtrl+Alt+D',
    'Export diagnosticsCtrl+Alt+Shift+D',
    'Show this list? or F1',
    'Search knowledgeCtrl+K',
    'Next or previous pane tab (narrow window)← / → on the tabs',
  ]);
  await expect(dialog).toContainText('These keys work while this window has focus.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await ui.number.click();
  await page.keyboard.type('?'); // typed into the field, not a request for help
  await expect(dialog).toBeHidden();
  // Out of the field: a click on the top bar's registration status (the title is for screen readers only below 1440 px).
  await ui.status.click();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await ui.button('Keyboard shortcuts').click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('rowheader', { name: 'Answer' })).toBeVisible();
});
