import { describe, expect, it } from 'vitest';
import { formFields } from './form-fields';

describe('formFields', () => {
  const fd = new FormData();
  fd.set('name', '  Realschule Brilon ');
  fd.set('email', '   ');
  fd.set('phone', ' 02961 1234 ');
  const { text, optional } = formFields(fd);

  it('trims text and reads a missing field as empty', () => {
    expect(text('name')).toBe('Realschule Brilon');
    expect(text('notes')).toBe('');
  });

  it('gives null for an optional field left empty or blank, else its trimmed text', () => {
    expect(optional('email')).toBeNull();
    expect(optional('website')).toBeNull();
    expect(optional('phone')).toBe('02961 1234');
  });
});
