import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policySchema } from '@common/contract/policy';
import { render, useStore } from '../../../support/app-store';
import { assess } from '@renderer/features/quality/assessment';
import { CallQualityStatus } from '@renderer/features/quality/components/CallQualityStatus';
import { CallQualitySummary } from '@renderer/features/quality/components/CallQualitySummary';
import type { NetworkFigures } from '@renderer/features/quality/stats-reader';
import { initI18n } from '@renderer/i18n';

const policy = policySchema.parse({ sip: { servers: ['ws://127.0.0.1:8080'], uri: 'sip:1001@127.0.0.1', password: 'x' } });
const clean: NetworkFigures = { rttMs: 2, jitterMs: 1, lossPercent: 0, jitterBufferMs: 30, packetsReceived: 100 };
const status = (name = 'Call quality') => screen.getByRole('status', { name });

describe('CallQualityStatus', () => {
  beforeEach(() => useStore.getState().setPolicy({ status: 'ready', policy, source: 'test' }));
  afterEach(() => useStore.getState().clearQuality('c1'));

  it('says it is measuring until the first sample', () => {
    render(<CallQualityStatus callId="c1" />);
    expect(status().textContent).toBe('Measuring…');
  });

  it('shows Good with the MOS, then which metric is bad, then recovers', () => {
    render(<CallQualityStatus callId="c1" />);
    act(() => useStore.getState().recordQualitySample('c1', assess(clean, policy.quality, 1)));
    expect(status().textContent).toBe('Good MOS 4.4 Loss 0.0 % · jitter 1 ms · round trip 2 ms');

    act(() => useStore.getState().recordQualitySample('c1', assess({ ...clean, jitterMs: 42 }, policy.quality, 2)));
    expect(status().textContent).toMatch(/^Fair MOS 4\.\d · Warning: jitter over 30 ms /);

    const lossy = { ...clean, lossPercent: 10, rttMs: 450 };
    act(() => useStore.getState().recordQualitySample('c1', assess(lossy, policy.quality, 3)));
    expect(status().textContent).toMatch(
      /^Poor MOS \d\.\d · Warning: MOS below 3.5, packet loss over 3 %, and round trip over 400 ms Loss 10.0 %/,
    );
    expect(status().dataset['level']).toBe('poor');

    act(() => useStore.getState().recordQualitySample('c1', assess(clean, policy.quality, 4)));
    expect(status().textContent).toMatch(/^Good MOS 4\.4 Loss/);
  });

  it('keeps the moving figures out of what screen readers announce', () => {
    render(<CallQualityStatus callId="c1" />);
    act(() => useStore.getState().recordQualitySample('c1', assess(clean, policy.quality, 1)));
    const quiet = status().querySelectorAll('[aria-live="off"]');
    expect([...quiet].map((e) => e.textContent?.trim())).toEqual(['MOS 4.4', 'Loss 0.0 % · jitter 1 ms · round trip 2 ms']);
  });

  it('speaks Simplified and Traditional Chinese', async () => {
    render(<CallQualityStatus callId="c1" />);
    act(() => useStore.getState().recordQualitySample('c1', assess({ ...clean, lossPercent: 5 }, policy.quality, 1)));
    await act(() => initI18n('zh-CN'));
    expect(status('通话质量').textContent).toContain('一般');
    expect(status('通话质量').textContent).toContain('丢包率超过 3%');
    await act(() => initI18n('zh-TW'));
    expect(status('通話品質').textContent).toContain('封包遺失率超過 3%');
    await act(() => initI18n('en'));
  });
});

describe('CallQualitySummary', () => {
  it('sums up a call for its history row', () => {
    const summary = { samples: 9, mosAverage: 3.94, mosMin: 3.12, lossMaxPercent: 10.4, jitterMaxMs: 27.6, rttMaxMs: 121, warned: true };
    const { container } = render(<CallQualitySummary summary={summary} />);
    expect(container.textContent).toBe(
      'Quality: MOS 3.9 (lowest 3.1), loss up to 10.4 %, jitter up to 28 ms, round trip up to 121 ms · quality warning during the call',
    );
  });
});
