import { describe, expect, it } from 'vitest';
import { isFurniture } from '../../src/corpus/clean.js';

describe('isFurniture', () => {
  it.each([
    'Photo: Akorda',
    'Photo credit: Reuters',
    'Image - AP',
    "Follow Daryo's official Instagram and Twitter pages to keep current on world news.",
    'Subscribe to our Telegram channel',
    'Comments (0)',
    '12 comments',
    'Share this article',
    'Share on Facebook',
    'Read more: Kazakhstan raises rates',
    '© 2025 Example News',
    'Tags: Kazakhstan, Tajikistan',
  ])('drops "%s"', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it.each([
    'The photo exhibition opened in Dushanbe.',
    'Comments from the minister were brief.',
    'Follow-up talks are planned for March.',
    'Shares of the company rose 5%.',
    '',
  ])('keeps "%s"', (line) => {
    expect(isFurniture(line)).toBe(false);
  });
});
