import type { Page } from '@playwright/test';
import { buildPolicy } from '../fixtures/policy';
import { expect, test } from './fixtures/app';
import { dial } from './support/calls';
import { appUi } from './support/ui';

const digits = ['1', '2', '3', '*', '0', '#'];

async function pressKeypad(page: Page, keys: string[]): Promise<void> {
  const ui = appUi(page);
  await ui.button('Keypad').click();
  for (const key of keys) await ui.button(key).click();
}

type ToneWindow = Window & { __lingxiTonesPlayed?: string[] };

/**
 * Received RFC 2833 is invisible to browser APIs, so watch the sending side: every RTCDTMFSender the
 * app uses reports each tone it actually plays out (tonechange), whatever it passed to insertDTMF.
 */
async function watchInBandTones(page: Page): Promise<void> {
  await page.evaluate(() => {
    const played: string[] = [];
    (window as ToneWindow).__lingxiTonesPlayed = played;
    const watched = new WeakSet<RTCDTMFSender>();
    const insert = RTCDTMFSender.prototype.insertDTMF;
    RTCDTMFSender.prototype.insertDTMF = function (this: RTCDTMFSender, tones: string, ...rest: [number?, number?]) {
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('tonechange', (event) => {
          if (event.tone) played.push(event.tone);
        });
      }
      return insert.call(this, tones, ...rest);
    };
  });
}

function inBandTones(page: Page): Promise<string> {
  return page.evaluate(() => ((window as ToneWindow).__lingxiTonesPlayed ?? []).join(''));
}

test('keypad digits reach the customer as SIP INFO, in order, with sip.dtmf "info"', async ({ app, peer }) => {
  const { page } = await app(buildPolicy({ sip: { dtmf: 'info' } }));
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  const mark = await customer.mark();
  await pressKeypad(page, digits);
  const received = await customer.waitForCount('newDTMF', digits.length, { after: mark });
  expect(received.map((e) => e.tone)).toEqual(digits);
  expect(received.every((e) => e.originator === 'remote')).toBe(true);
});

test('with sip.dtmf "rfc2833" digits go in-band: telephone-event offered, no SIP INFO sent', async ({ app, peer, sip }) => {
  const { page } = await app(buildPolicy({ sip: { dtmf: 'rfc2833' } }));
  const customer = await peer({ user: '1003', wav: 'tone440', autoAnswer: true });
  await dial(page, customer);
  const offer = (await customer.eventsOf('sdp')).find((e) => e.originator === 'remote' && e.sdpType === 'offer');
  expect(offer?.sdp).toMatch(/a=rtpmap:\d+ telephone-event\//);

  await watchInBandTones(page);
  const sipMark = sip.mark();
  const peerMark = await customer.mark();
  await pressKeypad(page, digits);
  await expect.poll(() => inBandTones(page)).toBe(digits.join(''));

  // Any INFO would travel before the BYE on the same connection: once the BYE is in, none came.
  await appUi(page).button('Hang up').click();
  await customer.waitForEvent('ended', { after: peerMark });
  expect(sip.requests(sipMark).filter((r) => r.method === 'INFO')).toEqual([]);
  expect(await customer.eventsOf('newInfo', peerMark)).toEqual([]);
  expect(await customer.eventsOf('newDTMF', peerMark)).toEqual([]);
});
