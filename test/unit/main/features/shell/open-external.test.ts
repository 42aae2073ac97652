import { describe, expect, it } from 'vitest';
import { isExternalUrlAllowed, openExternalHttps } from '@main/features/shell/open-external';

function fakeShell() {
  const opened: string[] = [];
  return { shell: { openExternal: async (url: string) => void opened.push(url) }, opened };
}

describe('openExternalHttps', () => {
  it('opens https URLs', async () => {
    const { shell, opened } = fakeShell();
    await openExternalHttps(shell, 'https://bank.example/kb/42');
    expect(opened).toEqual(['https://bank.example/kb/42']);
  });

  it.each([
    'http://bank.example/',
    'file:///C:/Windows/System32/calc.exe',
    'smb://share/x',
    'javascript:alert(1)',
    'ms-msdt:/id',
    'https://user:pw@bank.example/',
    'not a url',
  ])('refuses %s', async (url) => {
    const { shell, opened } = fakeShell();
    await expect(openExternalHttps(shell, url)).rejects.toThrow(/non-https/);
    expect(opened).toEqual([]);
    expect(isExternalUrlAllowed(url)).toBe(false);
  });
});
