/**
 * The recorder never hurts a call (issue 18 §1): the encoded recorder's worker dies mid-call and both
 * parties keep hearing each other, the recording goes on through WebAudio with the gap marked; and a
 * G.711 (PCMU-only) call is recorded by the WebAudio recorder, customer left, agent right.
 */
import { rendererProbe } from '../soak/probe';
import { expect, test } from './fixtures/app';
import { remoteAudio } from './support/audio-probe';
import { backAfter, killTapWorker, readLevelLog, startLevelLog } from './support/audio-gap';
import { expectTwoWayAudio, talkingToCustomer } from './support/calls';
import {
  EDGE_MS,
  expectBothParties,
  playAndDecode,
  recordingsUi,
  restartsOf,
  toneAbsent,
  tonePresent,
  waitForTalkTime,
  windowsBetween,
  withheldOf,
} from './support/recording';
import { appUi } from './support/ui';

/** Both parties must hear each other again this soon after the worker died (issue 18: within 1 s). */
const RECOVERY_MS = 1000;

test('the recording worker dies mid-call: both parties hear each other within a second, the recording goes on with the gap marked', async ({ app, peer }) => {
  const { page } = await app();
  const recordings = recordingsUi(page);
  const customer = await talkingToCustomer(page, peer);
  await expect(recordings.liveStatus).toHaveText('Recording');
  // Past the PCI delay line (2.5 s) with room to spare: the vetted audio before the kill is what the
  // recording keeps of this part, and at 00:03 it was ~0.5 s, none at all under load.
  await waitForTalkTime(page, '00:05');
  await Promise.all([startLevelLog(page, remoteAudio), startLevelLog(customer.page, remoteAudio)]);

  const killedAt = await killTapWorker(page);
  await waitForTalkTime(page, '00:09');
  const [agentHears, customerHears] = await Promise.all([readLevelLog(page), readLevelLog(customer.page)]);
  const agentBack = backAfter(agentHears, killedAt);
  const customerBack = backAfter(customerHears, killedAt);
  expect(agentBack, 'the agent hears the customer again (ms after the worker died)').not.toBeNull();
  expect(customerBack, 'the customer hears the agent again (ms after the worker died)').not.toBeNull();
  test.info().annotations.push({ type: 'audio back (ms after the worker died)', description: `agent ${agentBack}, customer ${customerBack}` });
  expect(agentBack ?? Infinity).toBeLessThanOrEqual(RECOVERY_MS);
  expect(customerBack ?? Infinity).toBeLessThanOrEqual(RECOVERY_MS);
  await expectTwoWayAudio(page, customer);
  await expect(recordings.liveStatus).toHaveText('Recording');
  await appUi(page).button('Hang up').click();

  const row = recordings.rows.first();
  await expect(recordings.state(row)).toHaveText('Saved');
  await expect(row).toContainText(/recorder restarted at 00:0[5-7]/);
  const restarts = await restartsOf(row);
  expect(restarts).toHaveLength(1);
  const [lastAudioMs, restartMs] = restarts[0] ?? [0, 0];
  expect(restartMs - lastAudioMs, 'audio lost between the encoded and the WebAudio recorder (ms)').toBeLessThan(1500);
  // The dead worker took the PCI delay line's audio with it; its last provisional end keeps the agent's.
  const [withheld] = await withheldOf(row);
  expect(withheld?.[1], "the customer's unvetted audio is withheld up to the restart").toBe(lastAudioMs);

  const audio = await playAndDecode(page, row);
  expect(audio.durationMs, 'the whole call, the gap included').toBeGreaterThan(8500);
  expectBothParties(windowsBetween(audio, 500, (withheld?.[0] ?? 0) - EDGE_MS), 'before the worker died');
  const agentOnly = windowsBetween(audio, (withheld?.[0] ?? 0) + EDGE_MS, lastAudioMs - EDGE_MS);
  expect(agentOnly.filter((w) => (w.right.tones[1000] ?? 0) > tonePresent && w.left.rms < toneAbsent).length).toBeGreaterThan(agentOnly.length * 0.9);
  expectBothParties(windowsBetween(audio, restartMs + EDGE_MS, audio.durationMs - 500), 'after the WebAudio recorder took over');
});

test('a PCMU-only call (a G.711 gateway) is recorded through WebAudio: customer left, agent right', async ({ app, peer }) => {
  test.setTimeout(120_000);
  const { page } = await app();
  const ui = appUi(page);
  const recordings = recordingsUi(page);
  await expect(ui.status).toHaveText('Registered');
  const customer = await peer({ user: '1002', wav: 'tone440' });
  await customer.call('1001', { codecs: ['PCMU'] });
  await expect(ui.incoming).toContainText(customer.user);
  await ui.button('Answer').click();
  await customer.waitForEvent('confirmed');
  const answer = (await customer.events()).find((e) => e.type === 'sdp' && e.originator === 'remote' && e.sdpType === 'answer');
  const answerSdp = answer?.type === 'sdp' ? answer.sdp : '';
  expect(answerSdp, 'the app answered with PCMU (and DTMF) only').toMatch(/^m=audio \d+ \S+ 0( \d+)*\r?$/m);
  expect(answerSdp).not.toMatch(/opus/i);
  await expectTwoWayAudio(page, customer);
  await expect(recordings.liveStatus).toHaveText('Recording');
  await waitForTalkTime(page, '00:05');
  await ui.button('Hang up').click();

  const row = recordings.rows.first();
  await expect(recordings.state(row)).toHaveText('Saved');
  await expect(row.locator('[data-restarts]')).toHaveCount(0);
  const audio = await playAndDecode(page, row);
  expect(audio.durationMs, 'about five seconds of audio').toBeGreaterThan(4000);
  expectBothParties(windowsBetween(audio, 500, audio.durationMs - 500), 'through the call');

  // The WebAudio recorder lets the call's tracks go once the call ended (it closes its call's own context).
  // Only JsSIP's Timer M (32 s) holds the ended call's session a while.
  const probe = await rendererProbe(page);
  // The test's own tone probe taps the remote track in a context of its own: let it go first.
  await page.evaluate(async () => {
    const probes = window as unknown as { __lingxiProbeContext?: AudioContext };
    await probes.__lingxiProbeContext?.close();
    delete probes.__lingxiProbeContext;
  });
  await expect
    .poll(async () => (await probe.tracks()).length, { timeout: 50_000, intervals: [3_000], message: 'the call’s tracks released' })
    .toBe(0);
  await probe.detach();
});
