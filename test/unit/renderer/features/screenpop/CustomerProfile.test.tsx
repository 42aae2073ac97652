import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { render, useStore } from '../../support/app-store';
import { CustomerProfile } from '@renderer/features/screenpop/components/CustomerProfile';

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
