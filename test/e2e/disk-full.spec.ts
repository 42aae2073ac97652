/**
 * Disk full while recording (issue 25 §5). The app's browser profile lives on a small disk (a tmpfs), and
 * mid-call the test fills that disk to the last byte from outside the browser, as a runaway log or a big
 * download fills an agent's workstation. IndexedDB then refuses the next recording chunk. The call goes on
 * with tones both ways, the agent sees why the recording stopped, IT finds it in the diagnostics, and once
 * space is back the chunks committed before the refusal upload to the store intact (checked against the
 * manifest's hashes).
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { buildPolicy } from '../fixtures/policy';
import { SmallDisk } from '../fixtures/small-disk';
import { expect, test } from './fixtures/app';
import { expectTwoWayAudio, talkingToCustomer } from './support/calls';
import { recordingsUi } from './support/recording';
import { appUi } from './support/ui';

test('disk full mid-call: the call goes on, the agent and IT are told, the committed audio uploads once space is back', async ({ app, peer, recordingStore }) => {
  test.setTimeout(120_000);
  const disk = SmallDisk.mount(160);
  try {
    const policy = buildPolicy({ recording: { uploadUrl: recordingStore.uploadUrl, retentionDays: 0, retryBaseSeconds: 0.2, retryMaxSeconds: 1 } });
    const { page } = await app(policy, { profileDir: disk.profileDir });
    const ui = appUi(page);
    const customer = await talkingToCustomer(page, peer);
    const recordings = recordingsUi(page);
    await expect(recordings.liveStatus).toHaveText('Recording');
    // A few seconds in: slices past the PCI delay line are committed.
    await expect(ui.duration).toHaveText('00:05', { timeout: 10_000 });

    const filled = disk.fill();
    expect(disk.freeBytes(), `the disk is full (${filled} bytes written)`).toBe(0);

    const diskFull = page.getByRole('alert').filter({ hasText: 'Recording cannot be saved: the disk is full or refuses writes. Tell IT now' });
    await expect(diskFull).toBeVisible({ timeout: 15_000 });
    // The call is untouched: both still hear each other, and a while after the refusal too.
    const seconds = async (): Promise<number> => {
      const [minutes = 0, secs = 0] = (await ui.duration.innerText()).split(':').map(Number);
      return minutes * 60 + secs;
    };
    const atRefusal = await seconds();
    await expectTwoWayAudio(page, customer);
    await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(atRefusal + 3);
    await expectTwoWayAudio(page, customer);

    const mark = await customer.mark();
    await ui.button('Hang up').click();
    await customer.waitForEvent('ended', { after: mark });

    // Space back: IT's diagnostics name the problem, and what was committed before the refusal reaches the
    // store and matches its manifest's hashes.
    disk.release();
    const downloading = page.waitForEvent('download');
    await ui.button('Export diagnostics').click();
    const entries = unzipSync(new Uint8Array(readFileSync(await (await downloading).path())));
    const cache = JSON.parse(strFromU8(entries['recording-cache.json'] as Uint8Array)) as { problem: string | null };
    expect(cache.problem).toMatch(/^disk-full/);

    const row = recordings.rows.first();
    await expect(recordings.state(row)).toHaveText('Uploaded', { timeout: 30_000 });
    const recordingId = (await row.getAttribute('data-recording-id')) ?? '';
    expect(await recordingStore.verify(recordingId)).toEqual([]);
    const manifest = JSON.parse((await recordingStore.recording(recordingId).manifest?.read())?.toString() ?? '{}') as { chunks?: unknown[] };
    expect(manifest.chunks?.length, 'slices committed before the disk filled').toBeGreaterThanOrEqual(3);
    await expect(diskFull, 'the alert goes once the recording is saved again').toHaveCount(0);

  } finally {
    // The fixture closes the app after the test; unmounting lazily lets it finish with its files.
    disk.dispose();
  }
});
