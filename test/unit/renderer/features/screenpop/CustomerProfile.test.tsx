import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { render, useStore } from '../../support/app-store';
import { dial } from '@renderer/features/phone/phone-service';
import { CustomerProfile } from '@renderer/features/screenpop/components/CustomerProfile';
import { ProfileDetails } from '@renderer/features/screenpop/components/ProfileDetails';

vi.mock(import('@renderer/features/phone/phone-service'), async (original) => ({ ...(await original()), dial: vi.fn(async () => ({ ok: true as const, callId: 'x' })) }));

describe('CustomerProfile', () => {
  it('renders CRM data as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    render(<CustomerProfile timeoutMs={1500} elderlyAge={65} />);
    act(() =>
      useStore.getState().addPop({
        callId: 'c1',
        number: '1002',
        cti: { intent: '<b>lost</b>' },
        trusted: true,
        source: 'crm',
        fetchedAt: Date.now(),
        profiles: [{ id: 'C1', name: hostile, tags: ['<script>x</script>'], phones: [], products: [], interactions: [], complaints: [] }],
        selected: 0,
        loading: false,
      }),
    );
    const region = screen.getByRole('region', { name: 'Customer profile' });
    expect(region.querySelector('img, script, b')).toBeNull();
    expect(region.textContent).toContain(hostile);
    expect(screen.getByRole('status', { name: 'Profile source' }).textContent).toBe('CRM');
  });
});

describe('CustomerProfile and CTI trust', () => {
  const claims = { customerId: 'C1001', verified: true, intent: 'lost card', vip: 'Gold' };
  const pop = (callId: string, trusted: boolean) => ({ callId, number: '1003', cti: claims, trusted, source: 'cti' as const, profiles: [], selected: null, loading: false });

  it('labels CTI from an untrusted source as unverified caller data: no verified tick, no VIP badge', () => {
    render(<CustomerProfile timeoutMs={1500} elderlyAge={65} />);
    act(() => useStore.getState().addPop(pop('u1', false)));
    const region = screen.getByRole('region', { name: 'Customer profile' });
    const unverified = screen.getByRole('region', { name: 'Unverified caller data' });
    expect(unverified.textContent).toContain('Unverified caller data');
    expect(unverified.textContent).toContain('lost card');
    expect(region.textContent).not.toContain('Identity verified');
    expect(region.textContent).not.toContain('✓');
    expect(region.querySelector('.badge--vip')).toBeNull();
    expect(screen.queryByRole('region', { name: 'What the IVR learned' })).toBeNull();
  });

  it('shows the tick for the same claims from a trusted source', () => {
    render(<CustomerProfile timeoutMs={1500} elderlyAge={65} />);
    act(() => useStore.getState().addPop(pop('t1', true)));
    const ivr = screen.getByRole('region', { name: 'What the IVR learned' });
    expect(ivr.textContent).toContain('✓ Identity verified in the IVR');
    expect(screen.queryByRole('region', { name: 'Unverified caller data' })).toBeNull();
  });
});

describe('ProfileDetails click-to-dial', () => {
  it('dials a CRM number as digits only, and offers no call for a value that is not a number', () => {
    const profile = { id: 'C1', name: 'n', tags: [], phones: ['sip:13800138000@evil.example', '+86 138 0013 8001'], products: [], interactions: [], complaints: [] };
    render(<ProfileDetails profile={profile} history={[]} number="1003" elderlyAge={65} />);
    const calls = screen.getAllByRole('button', { name: /^Call / });
    expect(calls).toHaveLength(1);
    fireEvent.click(calls[0] as HTMLElement);
    expect(dial).toHaveBeenCalledWith('+8613800138001');
    expect(dial).not.toHaveBeenCalledWith(expect.stringContaining('evil'));
  });
});
