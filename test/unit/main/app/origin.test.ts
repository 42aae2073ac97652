import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, createOriginCheck } from '@main/app/origin';

describe('createOriginCheck', () => {
  const prod = createOriginCheck();
  const dev = createOriginCheck('http://localhost:5173/');

  it('trusts our scheme and host, as URL or as origin', () => {
    expect(prod(APP_ENTRY_URL)).toBe(true);
    expect(prod('lingxi://app')).toBe(true);
    expect(prod('lingxi://app/assets/index.js')).toBe(true);
  });

  it.each([
    'lingxi://evil/index.html',
    'lingxi://user:pw@app/index.html',
    'https://app/index.html',
    'file:///index.html',
    'null',
    '',
    'not a url',
    'http://localhost:5173/',
  ])('does not trust %j in production', (value) => {
    expect(prod(value)).toBe(false);
  });

  it('does not trust null or undefined', () => {
    expect(prod(null)).toBe(false);
    expect(prod(undefined)).toBe(false);
  });

  it('trusts the dev server by scheme, host and port only', () => {
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5173')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('https://localhost:5173/')).toBe(false);
    expect(dev('http://127.0.0.1:5173/')).toBe(false);
    expect(dev(APP_ENTRY_URL)).toBe(true);
  });
});
