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
    'Back to top button',
    'Share this:',
    '• Share on social networks :',
    'Print:',
    'Read also: Ministers meet in the capital',
    'Help | Sitemap | Archive | Advanced Search',
    '2 min reading time',
    '5,210 views',
    '15/05/2023',
    'Tuesday, 2 July 2024',
    '8 Oct. 16:10 (UTC+3 MSK)',
    'Photos by Ivan Horvat',
    'Source: Daily Ledger',
    'You might also like',
    'Post a Comment',
    'The delegation at the airport (Photo: Daily Ledger) |',
    '• New page on the portal Detail>>>',
  ])('drops "%s"', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it.each([
    'The photo exhibition opened in Dushanbe.',
    'Comments from the minister were brief.',
    'Follow-up talks are planned for March.',
    'Shares of the company rose 5%.',
    'By 2030 trade should reach $5 billion.',
    // A byline names the writer (a person fact) and often the date.
    'By Anna Petrova',
    'Share prices rose 3% on Monday.',
    'The latest figures show trade grew.',
    'Source countries for the imports are listed below.',
    'Home and world affairs ministers met in May.',
    'On 2 July 2024 the treaty entered into force.',
    'Photo: Consul Maria Lindqvist opens the new visa centre in Tromso.',
    'Photo caption: Trade Minister Olu Barde greets exporters at the fair in Lagos. (Photo: Daily Ledger)',
    '',
  ])('keeps "%s"', (line) => {
    expect(isFurniture(line)).toBe(false);
  });
});
