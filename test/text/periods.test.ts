import { describe, expect, it } from 'vitest';
import { canonicalPeriods, dateKeywords, yearOfDate } from '../../src/text/periods.js';

describe('dateKeywords', () => {
  it.each([
    ['Trade grew by a fifth last year.', 2025, '2024'],
    ['The previous year it had fallen.', 2025, '2024'],
    ['A year earlier the figure was lower.', 2025, '2024'],
    ['This year the target is $1 billion.', 2025, '2025'],
    ['Next year the sides will meet again.', 2025, '2026'],
    ['Trade reached $500 million in the first half of 2024.', 2025, 'h1'],
    ['In the first six months, trade doubled.', 2025, 'h1'],
    ['Exports in H1 rose.', null, 'h1'],
    ['From January to June the volume was $3 million.', null, 'h1'],
    ['In January–June trade fell.', null, 'h1'],
    ['In the second half of the year talks resume.', null, 'h2'],
    ['Trade in Q1 2021 was assessed positively.', null, 'q1'],
    ['In the first three months, exports rose.', null, 'q1'],
    ['From July to September the volume fell.', null, 'q3'],
    ['In 1H2018, trade doubled.', null, 'h1 2018'],
    ['The sides met in Astana.', 2025, ''],
    ['Last year it grew.', null, ''],
  ])('indexes "%s" (article year %s) also as "%s"', (text, year, words) => {
    expect(dateKeywords(text, year)).toBe(words);
  });

  it('gives each meaning once', () => {
    expect(dateKeywords('Last year, and the previous year too, in the first half.', 2025)).toBe('h1 2024');
  });
});

describe('canonicalPeriods', () => {
  it.each([
    ['What was trade in the first half of 2024?', 'What was trade in h1 2024?'],
    ['Trade in the first six months of 2024', 'Trade in h1 of 2024'],
    ['Trade in January-June 2024', 'Trade in h1 2024'],
    ['Trade in H1 2024', 'Trade in h1 2024'],
    ['Exports in the second half', 'Exports in h2'],
    ['Trade in the first quarter of 2021', 'Trade in q1 2021'],
    ['Trade in the fourth quarter', 'Trade in q4'],
    ['Trade in 2H2023', 'Trade in h2 2023'],
    ['What was trade in 2024?', 'What was trade in 2024?'],
  ])('writes "%s" as "%s"', (question, canonical) => {
    expect(canonicalPeriods(question)).toBe(canonical);
  });
});

describe('yearOfDate', () => {
  it('reads the year of an ISO date, or null', () => {
    expect(yearOfDate('2025-02-12')).toBe(2025);
    expect(yearOfDate(null)).toBe(null);
    expect(yearOfDate('soon')).toBe(null);
  });
});
