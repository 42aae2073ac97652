import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LanguageSelect } from '@renderer/app/LanguageSelect';
import { messageBundles } from '@renderer/app/bundles';
import { initI18n } from '@renderer/i18n';
import { render, useStore } from '../support/app-store';

describe('LanguageSelect', () => {
  afterEach(async () => {
    await initI18n('en', messageBundles);
  });

  it('is disabled with the accessible description "Locked by your IT policy", in every UI language, when IT locked it', async () => {
    await initI18n('en', messageBundles);
    useStore.getState().setLanguage('en', true);
    render(<LanguageSelect onChange={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    const description = () => document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(description()).toBe('Locked by your IT policy');
    await act(() => initI18n('zh-CN', messageBundles));
    expect(description()).toBe('已被 IT 策略锁定');
    await act(() => initI18n('zh-TW', messageBundles));
    expect(description()).toBe('已被 IT 原則鎖定');
  });

  it('is enabled with no lock description otherwise', () => {
    useStore.getState().setLanguage('en', false);
    render(<LanguageSelect onChange={vi.fn()} />);
    const select = screen.getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect(select.getAttribute('aria-describedby')).toBeNull();
  });
});
