import { describe, expect, it } from 'vitest';
import { quotesView, statementsFor } from '../../src/answer/quotes.js';
import { seedEngine } from '../support/seedEngine.js';

const engine = await seedEngine();

describe('quotesView', () => {
  it('returns the person’s statements, best match to the topic first, each cited from its first line', () => {
    const answer = quotesView(engine, { person: 'Tokayev', topic: 'trade billion' });
    expect(answer.found).toBe(true);
    expect(answer.facts[0]).toMatchObject({
      kind: 'statement',
      speaker: 'Kassym-Jomart Tokayev',
      verb: 'said',
    });
    expect(answer.citations[0]).toMatchObject({ file: 'seeds/002_a5be58d35a5fd42e.txt', line: 11 });
  });

  it('lists every statement of the person in the articles’ order without a topic', () => {
    const answer = quotesView(engine, { person: 'Muhriddin' });
    expect(answer.citations.map((c) => `${c.file.slice(6, 9)}:${c.line}`)).toEqual([
      '000:11',
      '000:13',
      '001:31',
    ]);
  });

  it('says "not found" when the person is not quoted on the topic, or not quoted at all', () => {
    expect(quotesView(engine, { person: 'Muhriddin', topic: 'football' })).toMatchObject({
      found: false,
      answer: expect.stringContaining('not on "football"'),
    });
    expect(quotesView(engine, { person: 'Nobody Atall' })).toMatchObject({
      found: false,
      answer: expect.stringContaining('No one called "Nobody Atall"'),
    });
  });
});

describe('statementsFor', () => {
  it('returns the statements a "what did X say about Y" question asks for, best first', () => {
    const found = statementsFor(engine, 'What did Tokayev say about trade?');
    expect(found?.topic).toBe('trade');
    expect(found?.ranked[0]?.statement.source.line).toBe(11);
  });

  it('returns null for other questions and for people not quoted on the topic', () => {
    expect(statementsFor(engine, 'What is the trade target?')).toBeNull();
    expect(statementsFor(engine, 'What did Tokayev say about football?')).toBeNull();
  });
});
