import { describe, expect, it } from 'vitest';
import { articleEngine } from './articleEngine.js';

// What a sentence may leave to its article: the year and month it is dated, the name of the body
// whose meeting it reports, the part of the year it gives.
describe('rank and what a sentence leaves to its article', () => {
  const { first } = articleEngine({
    'latvia_estonia_call.txt': [
      'date 2027-04-09 Latvian and Estonian premiers talk by phone',
      '',
      'RIGA. A phone conversation between Latvian Prime Minister Ilze Kalnina and Estonian Prime Minister Mart Tamm took place, the government press office reports.',
      '',
      'The leaders discussed rail links and energy.',
      '',
    ].join('\n'),
    'latvia_estonia_council.txt': [
      'date 2026-11-20 Baltic Joint Planning Council meets in Tallinn',
      '',
      'The Baltic Joint Planning Council met in Tallinn on Friday, its third session.',
      '',
      'Nine documents were signed at the close of the meeting, covering ports, rail and customs.',
      '',
      'In the first half of the year, Latvian-Estonian trade grew to $3.1 billion.',
      '',
      'In January-March 2026, trade between Latvia and Estonia reached $1.4 billion.',
      '',
    ].join('\n'),
  });

  it('takes the year and month of a question from the article’s date', () => {
    expect(first('Who did the Latvian prime minister speak with by telephone in April 2027?')).toBe(
      'latvia_estonia_call.txt:3',
    );
  });

  it('lets a sentence leave the name of the meeting’s body to its article', () => {
    expect(
      first('How many documents were inked at the end of the Baltic Joint Planning Council meeting?'),
    ).toBe('latvia_estonia_council.txt:5');
  });

  it('does not answer a question about a quarter with a figure for the half year', () => {
    expect(first('What was the value of Latvian-Estonian trade in the first quarter of 2026?')).toBe(
      'latvia_estonia_council.txt:9',
    );
  });
});

describe('rank and a question about what something costs', () => {
  const { first } = articleEngine({
    'lithuania_latvia_bridge.txt': [
      'date 2026-02-11 New bridge on the Lielupe',
      '',
      'The Bauska-Pasvalys bridge, whose building contract is due in May, would cost about 40 million euros.',
      '',
      'Traffic across the border grew last year.',
      '',
    ].join('\n'),
  });

  it('is answered by a sentence about the thing with an amount, in other words than the question’s', () => {
    expect(first('What is the price tag of the Bauska-Pasvalys crossing?')).toBe(
      'lithuania_latvia_bridge.txt:3',
    );
  });
});

describe('rank and a country a sentence names as a topic', () => {
  const { first } = articleEngine({
    'portugal_cape_verde.txt': [
      'date 2026-09-14 Portugal and Cape Verde',
      '',
      'Portuguese Prime Minister Rui Costa arrived in Praia on Monday for talks with Cape Verde’s government.',
      '',
      'Relations warmed in 2023 when Costa backed Praia’s fisheries plan for Guinea-Bissau, and a roadmap was agreed during his visit to Praia on May 3 of that year.',
      '',
    ].join('\n'),
  });

  it('lets a sentence lean on its article when the other country is only what a plan is for', () => {
    expect(first('When did the Portuguese premier travel to Praia to agree the roadmap?')).toBe(
      'portugal_cape_verde.txt:5',
    );
  });
});

describe('rank and a year a sentence leaves to its article', () => {
  const { first } = articleEngine({
    'iceland_norway_fish.txt': [
      'date 2026-06-01 Iceland and Norway talk fish',
      '',
      'Iceland and Norway first signed a fisheries protocol in 2009.',
      '',
      'Trade between Iceland and Norway reached $1.2 billion in 2025.',
      '',
      'Icelandic fish made up most of that amount.',
      '',
      'The ministers also visited a salmon farm near Bergen.',
      '',
      'Icelandic exports to Norway grew by 10 percent, officials said.',
      '',
    ].join('\n'),
  });

  it('takes the year from a sentence just before', () => {
    expect(first('What share did Icelandic fish make up in 2025?')).toBe('iceland_norway_fish.txt:7');
  });

  it('does not take it from a sentence far before, nor date the article by it', () => {
    expect(first('How much did Icelandic exports to Norway grow in 2009?')).toBe('not found');
  });
});
