import { describe, expect, it } from 'vitest';
import { answerTypeOf, documentsWithFigure } from '../../src/answer/answerType.js';
import { articleEngine } from './articleEngine.js';

describe('answerTypeOf', () => {
  it.each([
    ['How much did trade reach in 2024?', 'amount'],
    ['By how many percent did exports grow?', 'amount'],
    ['How many documents were signed?', 'amount'],
    ['What was the Latvia-Estonia trade turnover in 2022?', 'amount'],
    ['What is the value of trade between the two countries?', 'amount'],
    ['When did Tokayev visit Dushanbe?', 'date'],
    ['In what year was the treaty signed?', 'date'],
    ['Where were the agreements signed?', 'place'],
    ['In which city did they meet?', 'place'],
    ['Who chaired the commission?', 'person'],
    ['Whom did the minister meet?', 'person'],
    ['Which agreements were signed?', 'agreement'],
    ['What border-related accord did the leaders sign?', 'agreement'],
    ['What place does Poland hold among Ukraine’s trading partners?', null],
    ['Where does Kazakhstan rank among Tajikistan’s trading partners?', null],
    ['What products does Kazakhstan export?', null],
    ['Trade between Kazakhstan and Tajikistan', null],
    ['What was signed at the 2022 summit?', null],
    ['What export volume did the Latvian minister quote at the forum?', 'amount'],
    ['What commerce target for 2031 did the Estonian premier set?', 'amount'],
    ['How long did the Danish king stay in Oslo?', 'amount'],
    ['What permit document will Norway issue to Danish drivers?', null],
    ['Which documents did Norway and Denmark sign in Oslo?', 'agreement'],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('an amount asked for a year', () => {
  const { first } = articleEngine({
    'lithuania_poland.txt': [
      'Vilnius, 14 March 2025',
      'On March 12, the Lithuanian and Polish cabinets met in Vilnius for their 5th joint session since 2019.',
      'Trade between Lithuania and Poland came to $6.2 billion in 2024.',
      '',
    ].join('\n'),
  });

  it('is answered by a sentence with the amount', () => {
    expect(first('What was the Lithuania-Poland trade turnover in 2024?')).toBe('lithuania_poland.txt:3');
  });

  it('is not answered by a sentence whose only numbers are a date, a year and an ordinal', () => {
    expect(first('What was the Lithuania-Poland trade turnover in 2019?')).toBe('not found');
  });
});

describe('an amount and a span of days', () => {
  const { first } = articleEngine({
    'latvia_finland.txt': [
      'Riga, 20 May 2025',
      'The Latvian and Finnish rail boards met in Riga on May 18-19 to review the ferry rail link.',
      'The 6-7 June meeting in Helsinki will review the ferry rail link too.',
      '',
    ].join('\n'),
  });

  it('does not read "May 18-19" or "6-7 June" as an amount', () => {
    expect(first('How much did the Latvia-Finland ferry rail link cost?')).toBe('not found');
  });
});

describe('what a question asks, read from its form', () => {
  const { first } = articleEngine({
    'norway_denmark.txt': [
      'date 2026-03-02 Norway and Denmark open a new ferry line',
      '',
      'Oslo and Copenhagen agreed on Monday to open a ferry line between the two capitals.',
      '',
      'Speaking after the talks, the Norwegian minister said the two governments aim for 4 million passengers a year.',
      '',
      'The Danish prime minister first came to Oslo as head of government nine years ago, in a visit that opened the talks.',
      '',
      'The minister noted that the ferry line will carry cars and cargo.',
      '',
      'Norway will issue an electronic permit to Danish drivers without charge.',
      '',
    ].join('\n'),
  });

  it('reads an event "N years ago" as a date', () => {
    expect(first('When did the Danish prime minister first come to Oslo as head of government?')).toBe(
      'norway_denmark.txt:7',
    );
  });

  it('does not ask a permit to be an agreement when nothing was signed', () => {
    expect(first('What travel document will Norway issue to Danish drivers free of charge?')).toBe(
      'norway_denmark.txt:11',
    );
  });
});

describe('an amount and the parties a sentence names', () => {
  const { first } = articleEngine({
    'finland_sweden.txt': [
      'date 2026-05-12 Finland and Sweden deepen ties',
      '',
      'The two countries made their trade ties a strategic partnership in 2017.',
      '',
      'Finnish-Swedish trade reached $21 billion in 2025.',
      '',
    ].join('\n'),
  });

  it('does not read "the two countries" as an amount', () => {
    expect(first('What was the trade volume between Finland and Sweden in 2017?')).toBe('not found');
  });
});

describe('documentsWithFigure', () => {
  const { engine, first } = articleEngine({
    'norway_iceland.txt': [
      'date 2026-06-03 Norwegian king in Reykjavik',
      '',
      'REYKJAVIK — Norway and Iceland aim to raise their bilateral trade sharply during King Harald’s three-day visit to Iceland.',
      '',
      'Speaking at a press briefing in Reykjavik, the king said the two governments aim for $9 billion of trade.',
      '',
    ].join('\n'),
  });

  it('marks a sentence with a sum of money, not one with a count of days', () => {
    const e = engine();
    const marked = documentsWithFigure(e);
    const at = (text: string) => e.corpus.sentences.findIndex((s) => s.text.includes(text));
    expect(marked[at('three-day visit')]).toBe(0);
    expect(marked[at('$9 billion')]).toBe(1);
  });

  it('lets a question about a trade goal be answered by the sum', () => {
    expect(first('What trade goal did the king announce during his Iceland trip?')).toBe(
      'norway_iceland.txt:5',
    );
  });
});
