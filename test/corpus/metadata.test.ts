import { describe, expect, it } from 'vitest';
import { isIsoDate, splitMetadata } from '../../src/corpus/metadata.js';

describe('splitMetadata', () => {
  it('reads a date line with a time and keeps the rest of the line as content', () => {
    const { meta, lines } = splitMetadata([' date 2025-02-12 10:30 ASTANA, February 12. Text.', 'More.']);
    expect(meta.date).toBe('2025-02-12');
    expect(lines[0]?.trim()).toBe('ASTANA, February 12. Text.');
    expect(lines[1]).toBe('More.');
  });

  it('reads YAML front matter and blanks it so line numbers stay true', () => {
    const raw = [
      '---',
      'title: Talks in Dushanbe',
      'date: 2024-08-22',
      'url: https://example.com/a',
      'source: Example',
      '---',
      'Body.',
    ];
    const { meta, lines } = splitMetadata(raw);
    expect(meta).toEqual({
      title: 'Talks in Dushanbe',
      date: '2024-08-22',
      url: 'https://example.com/a',
      source: 'Example',
      link: 'https://example.com/a',
    });
    expect(lines).toHaveLength(raw.length);
    expect(lines[6]).toBe('Body.');
    expect(lines.slice(0, 6)).toEqual(['', '', '', '', '', '']);
  });

  it('reads front matter whose title holds a colon, which YAML refuses, as key: value lines', () => {
    const raw = ['---', 'title: Oslo talks: fish and ferries', 'date: 2025-03-04', '---', 'Body.'];
    const { meta, lines } = splitMetadata(raw);
    expect(meta.title).toBe('Oslo talks: fish and ferries');
    expect(meta.date).toBe('2025-03-04');
    expect(lines.slice(0, 4)).toEqual(['', '', '', '']);
    expect(lines[4]).toBe('Body.');
  });

  it('leaves a block that is neither YAML nor key: value lines as content', () => {
    const raw = ['---', 'Oslo talks: fish', 'and ferries, [unclosed', '---', 'Body.'];
    const { meta, lines } = splitMetadata(raw);
    expect(meta.date).toBeNull();
    expect(lines[1]).toBe('Oslo talks: fish');
  });

  it('ignores a date line with an impossible date, and text that only mentions a date', () => {
    expect(splitMetadata([' date 2025-02-30 Text.']).meta.date).toBeNull();
    expect(splitMetadata(['The update date 2025-01-01 was moved.']).meta.date).toBeNull();
  });
});

describe('isIsoDate', () => {
  it('returns true only for real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
  });
});
