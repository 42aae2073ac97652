import { describe, expect, it } from 'vitest';
import { tokenHeader, uploadTokenHeaders } from '@common/recording/upload-token';

const store = { uploadUrl: 'https://store.bank.example/files', uploadTokenHeader: 'Authorization' };

describe('tokenHeader', () => {
  it('sends Authorization as a Bearer token, whatever the case of the header name', () => {
    expect(tokenHeader('Authorization', 's3cret')).toEqual(['Authorization', 'Bearer s3cret']);
    expect(tokenHeader('authorization', 's3cret')).toEqual(['authorization', 'Bearer s3cret']);
  });

  it('sends the token itself in any other header', () => {
    expect(tokenHeader('X-Recording-Token', 's3cret')).toEqual(['X-Recording-Token', 's3cret']);
  });
});

describe('uploadTokenHeaders', () => {
  it('puts the token on every request to the store’s origin: creation and the upload URLs it hands out', () => {
    expect(uploadTokenHeaders(store, 'https://store.bank.example/files', 's3cret')).toEqual({ Authorization: 'Bearer s3cret' });
    expect(uploadTokenHeaders(store, 'https://store.bank.example/files/4f2a?x=1', 's3cret')).toEqual({ Authorization: 'Bearer s3cret' });
    expect(uploadTokenHeaders({ ...store, uploadTokenHeader: 'X-Recording-Token' }, 'https://store.bank.example/files/4f2a', 's3cret')).toEqual({
      'X-Recording-Token': 's3cret',
    });
  });

  it('never sends it to another origin (a Location elsewhere, another port or scheme)', () => {
    expect(uploadTokenHeaders(store, 'https://cdn.bank.example/files/4f2a', 's3cret')).toEqual({});
    expect(uploadTokenHeaders(store, 'https://store.bank.example:8443/files/4f2a', 's3cret')).toEqual({});
    expect(uploadTokenHeaders(store, 'http://store.bank.example/files/4f2a', 's3cret')).toEqual({});
    expect(uploadTokenHeaders(store, 'not a url', 's3cret')).toEqual({});
  });

  it('adds nothing without a policy, a header named by it, an upload URL, or a token', () => {
    expect(uploadTokenHeaders(undefined, 'https://store.bank.example/files', 's3cret')).toEqual({});
    expect(uploadTokenHeaders({ uploadUrl: store.uploadUrl }, 'https://store.bank.example/files', 's3cret')).toEqual({});
    expect(uploadTokenHeaders({ uploadTokenHeader: 'Authorization' }, 'https://store.bank.example/files', 's3cret')).toEqual({});
    expect(uploadTokenHeaders(store, 'https://store.bank.example/files', null)).toEqual({});
    expect(uploadTokenHeaders(store, 'https://store.bank.example/files', '')).toEqual({});
  });
});
