import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { render, useStore } from '../../../support/app-store';
import { RegistrationStatus } from '@renderer/features/phone/components/RegistrationStatus';
import { initI18n } from '@renderer/i18n';

describe('RegistrationStatus', () => {
  it('names the status and says why registration failed', () => {
    render(<RegistrationStatus />);
    act(() => useStore.getState().setRegistration({ state: 'failed', reason: 'auth' }));
    expect(screen.getByRole('status', { name: 'Registration status' }).textContent).toBe('Failed: Authentication failed');
    act(() => useStore.getState().setRegistration({ state: 'registered' }));
    expect(screen.getByRole('status', { name: 'Registration status' }).textContent).toBe('Registered');
  });
  it('speaks Simplified and Traditional Chinese', async () => {
    render(<RegistrationStatus />);
    act(() => useStore.getState().setRegistration({ state: 'registered' }));
    await act(() => initI18n('zh-CN'));
    expect(screen.getByRole('status', { name: '注册状态' }).textContent).toBe('已注册');
    await act(() => initI18n('zh-TW'));
    expect(screen.getByRole('status', { name: '註冊狀態' }).textContent).toBe('已註冊');
    await act(() => initI18n('en'));
  });
});
