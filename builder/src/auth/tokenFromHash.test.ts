import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './tokenFromHash.js';

describe('tokenFromHash', () => {
  it('reads the login link token and leaves an empty hash', () => {
    expect(tokenFromHash('#token=abc123')).toEqual({ token: 'abc123', rest: '' });
  });

  it('keeps other hash parameters', () => {
    expect(tokenFromHash('#x=1&token=abc&y')).toEqual({ token: 'abc', rest: '#x=1&y' });
  });

  it('keeps "+" and decodes percent escapes', () => {
    expect(tokenFromHash('#token=a+b%2Fc%3D')).toEqual({ token: 'a+b/c=', rest: '' });
  });

  it('tolerates broken escapes', () => {
    expect(tokenFromHash('#token=100%')).toEqual({ token: '100%', rest: '' });
  });

  it.each(['', '#', '#section', '#token', '#token=', '#token=%20', '#tokens=abc'])('finds no token in %j and leaves the hash alone', (hash) => {
    expect(tokenFromHash(hash)).toEqual({ token: null, rest: hash });
  });
});
