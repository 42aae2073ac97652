/**
 * PBX feature-code supervision (issue 20 §2): with `supervision.featureCodes` the lead's buttons dial the
 * PBX's code for the agent's extension, and mode switches without a code of their own send its DTMF digits
 * in the call. A JsSIP peer registered as 1005 plays the PBX's feature-code service: the test reads the
 * INVITE's request URI at the proxy and the DTMF (SIP INFO) the peer receives.
 */
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { LEAD, teamBoard } from './support/team';
import { appUi } from './support/ui';

test('Listen dials the feature code with the extension; Whisper and Barge send the switch digits; Stop hangs up', async ({ app, peer, sip }) => {
  // Two browsers and a call set-up: slow on a loaded 2-core machine.
  test.setTimeout(120_000);
  const pbx = await peer({ user: '1005', wav: 'tone440', autoAnswer: true });
  // The agent's extension is 05, so the listen code 10{extension} dials 1005, the stand-in PBX service.
  const lead = await app(
    buildPolicy({
      sip: { uri: LEAD.uri, password: LEAD.password, displayName: LEAD.displayName, dtmf: 'info' },
      supervision: {
        role: 'lead',
        team: [{ uri: 'sip:05@127.0.0.1', name: 'Agent 05' }],
        featureCodes: { listen: '10{extension}', switchDigits: { whisper: '4', barge: '5', listen: '6' } },
      },
    }),
    { wav: 'tone1600' },
  );
  await expect(appUi(lead.page).status).toHaveText('Registered');
  const row = teamBoard(lead.page).row('Agent 05');
  await expect(row.getByRole('button', { name: 'Take over' })).toHaveCount(0);
  const status = lead.page.getByRole('status', { name: 'Supervision' });
  const mark = sip.mark();
  const pbxMark = await pbx.mark();

  await row.getByRole('button', { name: 'Listen' }).click();
  await pbx.waitForEvent('confirmed', { after: pbxMark });
  expect(sip.requests(mark).find((r) => r.method === 'INVITE' && r.from === LEAD.user)).toMatchObject({ ruri: '1005' });
  await expect(status).toHaveText('Listening · Agent 05');
  // Nothing is signed with feature codes (the PBX supervises by itself): the lead is not asked for a key.
  expect(await lead.page.evaluate(() => document.body.textContent?.includes('Supervision key'))).toBe(false);

  await row.getByRole('button', { name: 'Whisper' }).click();
  expect(await pbx.waitForEvent('newDTMF', { after: pbxMark })).toMatchObject({ tone: '4', originator: 'remote' });
  await expect(status).toHaveText('Whispering · Agent 05');
  const bargeMark = await pbx.mark();
  await row.getByRole('button', { name: 'Barge' }).click();
  expect(await pbx.waitForEvent('newDTMF', { after: bargeMark })).toMatchObject({ tone: '5' });
  await expect(status).toHaveText('Barging · Agent 05');

  const endMark = await pbx.mark();
  await lead.page.getByRole('button', { name: 'Stop supervising' }).click();
  await pbx.waitForEvent('ended', { after: endMark });
  await expect(status).toHaveCount(0);
});
