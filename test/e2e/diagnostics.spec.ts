/**
 * Export diagnostics in the browser host (issue 23 §3–§5): after a registration, a call with quality figures,
 * and a card number and a customer's phone number typed into the Number box and dialled (both refused by the
 * SIP server, so they reach the call history and the page's log), the "Export diagnostics" button downloads a
 * zip with the expected files, the SIP responses and quality figures, and no byte of any planted secret: the
 * policy's SIP password, the card number, the phone number, the CTI key (the team's shared key in the policy).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures/app';
import { agent, buildPolicy } from '../fixtures/policy';
import { dial } from './support/calls';
import { storedRows } from './support/stored';
import { appUi } from './support/ui';

const CARD = '4111111111111111';
const PHONE = '13800138000';
const TEAM_KEY = 'TeamKey-cti-5b4a39281706f5e4d3c2b1a0';

test('Export diagnostics downloads a zip with the expected files and none of the planted secrets', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ cti: { hmacKey: TEAM_KEY } }));
  const ui = appUi(page);
  await expect(ui.status).toHaveText('Registered');

  // A call long enough for quality samples, then hung up.
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  await expect(page.getByRole('status', { name: 'Call quality' })).toHaveText(/MOS \d\.\d/);
  await ui.button('Hang up').click();
  await expect.poll(async () => (await storedRows<{ quality?: unknown }>(page, 'callHistory')).filter((row) => row.quality).length).toBe(1);

  // A card number and a customer's number typed and dialled: nobody is registered under them.
  for (const number of [CARD, PHONE]) {
    await ui.number.fill(number);
    await ui.button('Call').click();
    await expect.poll(async () => (await storedRows<{ number: string }>(page, 'callHistory')).some((row) => row.number === number)).toBe(true);
  }

  const downloading = page.waitForEvent('download');
  await ui.button('Export diagnostics').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lingxi-diagnostics-\d{8}-\d{6}\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostics saved' })).toContainText(download.suggestedFilename());

  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  expect(Object.keys(entries)).toEqual([
    'README.txt', 'app.json', 'policy.json', 'registration.json', 'calls.json', 'audio-devices.json', 'recording-cache.json', 'logs/page.log',
  ]);
  for (const [name, bytes] of Object.entries(entries)) {
    const buffer = Buffer.from(bytes);
    for (const secret of [agent.password, CARD, PHONE, TEAM_KEY]) expect(buffer.indexOf(secret), `${secret} in ${name}`).toBe(-1);
  }

  const read = <T>(name: string) => JSON.parse(strFromU8(entries[name] as Uint8Array)) as T;
  const calls = read<{ calls: Array<{ direction: string; outcome: string; sipResponse: string; quality?: { mosAverage: number } }> }>('calls.json').calls;
  expect(calls).toHaveLength(3);
  // Newest first: the two refused numbers with the server's SIP response, then the answered call with its quality.
  for (const refused of calls.slice(0, 2)) expect(refused).toMatchObject({ direction: 'outgoing', sipResponse: expect.stringMatching(/^[4-6]\d\d /) });
  expect(calls[2]?.quality?.mosAverage).toBeGreaterThan(3);
  expect(read<{ events: Array<{ state: string }> }>('registration.json').events.map((event) => event.state)).toContain('registered');
  const policy = read<{ status: string; values: Array<{ path: string; value: unknown; source: string }> }>('policy.json');
  expect(policy.status).toBe('in-force');
  expect(policy.values).toContainEqual({ path: 'sip.password', value: '••••', source: '/policy.json' });
  expect(policy.values).toContainEqual({ path: 'cti.hmacKey', value: '••••', source: '/policy.json' });
  expect(policy.values).toContainEqual({ path: 'logs.maxFiles', value: 5, source: 'default' });
  expect(read<{ host: string; version: string }>('app.json')).toMatchObject({ host: 'browser', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  expect(read<{ devices: Array<{ deviceIdHash: string }> }>('audio-devices.json').devices.every((device) => /^[0-9a-f]{16}$|^$/.test(device.deviceIdHash))).toBe(true);
  const log = strFromU8(entries['logs/page.log'] as Uint8Array);
  // The page's log says what happened, the card number removed and the phone number masked to its last four.
  expect(log).toContain('registration registered');
  expect(log).toContain('dialing [REDACTED-CARD]');
  expect(log).toContain('dialing [REDACTED-PHONE …8000]');
});

test('with an invalid policy the button still exports, and the policy part says what is wrong; the shortcut exports too', async ({ app }) => {
  const { page } = await app(buildPolicy({ sip: { servers: ['http://pbx.bank.example'], password: 'Pw-invalid-9e8d7c' } }));
  await expect(appUi(page).policyProblems).toBeVisible();
  const downloading = page.waitForEvent('download');
  await appUi(page).button('Export diagnostics').click();
  const entries = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
  const policy = JSON.parse(strFromU8(entries['policy.json'] as Uint8Array)) as { status: string; problems: Array<{ path: string }>; values: unknown[] };
  expect(policy).toMatchObject({ status: 'rejected', problems: [{ path: 'sip.servers[0]' }], values: [] });
  for (const bytes of Object.values(entries)) expect(Buffer.from(bytes).indexOf('Pw-invalid-9e8d7c')).toBe(-1);

  // The policy's shortcut is not in force (the policy is invalid); a valid one's is: Ctrl+Alt+Shift+D.
  const valid = await app();
  await expect(appUi(valid.page).status).toHaveText('Registered');
  const again = valid.page.waitForEvent('download');
  await valid.page.keyboard.press('Control+Alt+Shift+D');
  expect((await again).suggestedFilename()).toMatch(/^lingxi-diagnostics-\d{8}-\d{6}\.zip$/);
});
