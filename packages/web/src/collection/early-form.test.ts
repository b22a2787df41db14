import { describe, expect, it } from 'vitest';
import { tokenOf } from './early-form';

describe('the public form’s link, read from the address before anything else runs', () => {
  it('is the token of /f/<token>, and nothing on other pages', () => {
    expect(tokenOf('/f/kFEpVl3moF5L5jjzd8SeLw')).toBe('kFEpVl3moF5L5jjzd8SeLw');
    expect(tokenOf('/f/a%2Db/')).toBe('a-b');
    expect(tokenOf('/f/')).toBeNull();
    expect(tokenOf('/f/a/b')).toBeNull();
    expect(tokenOf('/sign-in')).toBeNull();
    expect(tokenOf('/f/%E0%A4%A')).toBeNull();
  });
});
