import { describe, expect, it } from 'vitest';
import { quoteSpans } from '../../src/facts/quoteMarks.js';
import { extractStatements } from '../../src/facts/statements.js';
import { articlesOf } from '../support/articles.js';

function statementsOf(...texts: string[]) {
  const { articles, refsOf } = articlesOf(...texts);
  return extractStatements(articles, refsOf);
}

const brief = (s: ReturnType<typeof statementsOf>[number]) => ({
  speaker: s.speaker,
  verb: s.verb,
  line: s.source.line,
  quote: s.quote,
});

describe('quoteSpans', () => {
  it('pairs curly and straight marks, and leaves a quotation open at the paragraph’s end', () => {
    const text = '“One two three,” he said. "Four five six" and “seven eight';
    expect(quoteSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'One two three,',
      'Four five six',
      'seven eight',
    ]);
    expect(quoteSpans(text).at(-1)?.close).toBe(-1);
  });

  it('reads a closing mark with no opening one as a quotation from the paragraph’s start', () => {
    const text = 'Rivers feed the valley," the governor said.';
    expect(quoteSpans(text)).toEqual([{ start: 0, end: 23, open: -1, close: 24 }]);
  });
});

describe('extractStatements', () => {
  it('attributes a quotation to the speaker named after it, and "the Minister" to the one minister named before', () => {
    const found = statementsOf(
      [
        'Chilean Foreign Minister Alberto Vargas met Peruvian President Rosa Quispe in Lima.',
        '',
        '“Our ports will carry twice as much copper next year,” said the Minister.',
        '',
        '"We welcome every investor who builds here," Quispe added.',
      ].join('\n'),
    );
    expect(found.map(brief)).toEqual([
      {
        speaker: 'Alberto Vargas',
        verb: 'said',
        line: 3,
        quote: 'Our ports will carry twice as much copper next year',
      },
      { speaker: 'Rosa Quispe', verb: 'added', line: 5, quote: 'We welcome every investor who builds here' },
    ]);
    expect(found[0]).toMatchObject({
      form: 'direct',
      speakerText: 'the Minister',
      speakerId: 'alberto-vargas',
    });
  });

  it('reads reported speech with "that", "according to" and a speaker at the end', () => {
    const found = statementsOf(
      [
        'Ghanaian Foreign Minister Kofi Mensah opened the fair in Accra.',
        '',
        'Mensah stressed that cocoa exports to Europe had doubled since the new port opened.',
        '',
        'According to the Ghanaian minister, the fair drew four hundred companies this year.',
        '',
        'Tariffs on machinery will fall by half before the harvest, he added.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.verb, s.form, s.quote])).toEqual([
      [
        'Kofi Mensah',
        'stressed',
        'reported',
        'cocoa exports to Europe had doubled since the new port opened',
      ],
      ['Kofi Mensah', 'according to', 'according', 'the fair drew four hundred companies this year'],
      ['Kofi Mensah', 'added', 'reported', 'Tariffs on machinery will fall by half before the harvest'],
    ]);
  });

  it('keeps a quotation over several sentences and paragraphs as one statement citing its first line', () => {
    const found = statementsOf(
      [
        'Norwegian Prime Minister Ingrid Solberg spoke at the harbour.',
        '',
        '“The fleet is ready. The crews are trained.',
        '',
        '“We sail in spring, whatever the weather,” Solberg said.',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: 'Ingrid Solberg', verb: 'said' });
    expect(found[0]?.source.line).toBe(3);
    expect(found[0]?.quote).toBe(
      'The fleet is ready. The crews are trained. We sail in spring, whatever the weather',
    );
    expect(found[0]?.sources.map((s) => s.line)).toEqual([3, 3, 5]);
  });

  it('leaves the speaker null, with the words used, when two people fit the title', () => {
    const found = statementsOf(
      [
        'Danish Foreign Minister Lars Holm met Dutch Foreign Minister Pieter Smit in Oslo.',
        '',
        '“The canal treaty must be signed this autumn,” the minister said.',
      ].join('\n'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ speaker: null, speakerId: null, speakerText: 'the minister' });
  });

  it('does not take a short quoted phrase or a group of people for a statement', () => {
    const found = statementsOf(
      [
        'Kenyan President Amani Otieno described the talks as "very frank".',
        '',
        'The ministers noted that the railway would reach the border by June.',
      ].join('\n'),
    );
    expect(found).toEqual([]);
  });

  it('takes first-person speech without quote marks that ends "…, said X." as one statement', () => {
    const found = statementsOf(
      [
        'Mongolian President Bat Erdene received the delegation.',
        '',
        'We have built three schools in the south. Our next goal is a hospital in every province, said Erdene.',
      ].join('\n'),
    );
    expect(found.map(brief)).toEqual([
      {
        speaker: 'Bat Erdene',
        verb: 'said',
        line: 3,
        quote: 'We have built three schools in the south. Our next goal is a hospital in every province',
      },
    ]);
  });

  it('attributes an interview’s answers to the person interviewed', () => {
    const found = statementsOf(
      [
        'Ambassador Helena Kovac gave an interview to our newspaper.',
        '',
        'Q: How is trade going?',
        '',
        'A: Trade in grain grew strongly this season.',
        '',
        'We expect more rail freight soon.',
        '',
        'Q: And tourism?',
        '',
        'A: Flights from the capital resume in May.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.form, s.source.line, s.quote])).toEqual([
      [
        'Helena Kovac',
        'interview',
        5,
        'Trade in grain grew strongly this season. We expect more rail freight soon.',
      ],
      ['Helena Kovac', 'interview', 11, 'Flights from the capital resume in May.'],
    ]);
  });

  it('takes the interviewee from "X spoke to us at …", not the place after it', () => {
    const found = statementsOf(
      [
        'Uruguay’s Minister of Industry, Carla Pereyra, met her Chilean counterpart in Santiago.',
        'Pereyra spoke to us at the embassy in Montevideo.',
        '',
        'Q: What did you agree?',
        '',
        'A: We agreed on a customs pilot for fruit exports.',
        '',
        'Q: When does it start?',
        '',
        'A: The pilot starts in March at two border posts.',
      ].join('\n'),
    );
    expect(found.filter((s) => s.form === 'interview').map((s) => s.speaker)).toEqual([
      'Carla Pereyra',
      'Carla Pereyra',
    ]);
  });

  it('resolves "he" to the person who just spoke', () => {
    const found = statementsOf(
      [
        'Polish Finance Minister Adam Nowak visited the plant.',
        '',
        '“Steel output rose by a tenth,” Nowak said.',
        '',
        'He added that a second furnace would open in the autumn.',
      ].join('\n'),
    );
    expect(found.map((s) => s.speaker)).toEqual(['Adam Nowak', 'Adam Nowak']);
    expect(found[1]?.speakerText).toBe('He');
  });

  it('splits a quotation interrupted by its attribution into two statements of one speaker', () => {
    const found = statementsOf(
      [
        'Irish Finance Minister Siobhan Byrne toured the port.',
        '',
        '“The new quay will double our capacity,” Byrne said. “Work starts in March and ends before Christmas.”',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.verb, s.quote])).toEqual([
      ['Siobhan Byrne', 'said', 'The new quay will double our capacity'],
      ['Siobhan Byrne', 'said', 'Work starts in March and ends before Christmas.'],
    ]);
  });

  it('reads "…, she said, adding that B" as a second statement with the verb "added"', () => {
    const found = statementsOf(
      [
        'Latvian Foreign Minister Anna Ozola opened the bridge.',
        '',
        '"This bridge joins two old friends," she said, adding that tolls would be dropped for local drivers.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.verb, s.form, s.quote])).toEqual([
      ['Anna Ozola', 'said', 'direct', 'This bridge joins two old friends'],
      ['Anna Ozola', 'added', 'reported', 'tolls would be dropped for local drivers'],
    ]);
  });

  it('takes the name set off by commas as the speaker, and keeps a partial quote inside the reported clause', () => {
    const found = statementsOf(
      [
        'The union held its congress in Turku.',
        '',
        'Its secretary, Oskari Lind, said the agreement "leaves night workers behind" in every sector.',
        '',
        'Paula Virta, who runs a bakery in the harbour, said her costs had tripled since the spring.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.quote])).toEqual([
      ['Oskari Lind', 'the agreement "leaves night workers behind" in every sector'],
      ['Paula Virta', 'her costs had tripled since the spring'],
    ]);
  });

  it('keeps a quotation one statement when the lines it is wrapped over are read as paragraphs', () => {
    const found = statementsOf(
      [
        'Estonian Energy Minister Kalev Tamm spoke in Narva.',
        '',
        '"The plant will close in two years.',
        'Nobody will lose a job because of it," Tamm said.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.source.line])).toEqual([['Kalev Tamm', 3]]);
    expect(found[0]?.quote).toBe('The plant will close in two years. Nobody will lose a job because of it');
  });

  it('gives the answers marked "A:" to the person asked, not a quotation inside an answer nor the article after', () => {
    const found = statementsOf(
      [
        'We asked the mayor of Split, Marko Barić, about the harbour.',
        '',
        'Q: When does the ferry start?',
        '',
        'A: In June. As Minister Ivana Kos told parliament, "the route must pay for itself within five years."',
        '',
        'Q: And the price?',
        '',
        'A: Less than a bus ticket to Zadar.',
        '',
        'After the interview, the mayor left for the coast.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.form, s.source.line, s.quote])).toEqual([
      ['Marko Barić', 'interview', 5, 'In June.'],
      ['Ivana Kos', 'direct', 5, 'the route must pay for itself within five years.'],
      ['Marko Barić', 'interview', 9, 'Less than a bus ticket to Zadar.'],
    ]);
  });

  it('leaves "he" unresolved after a sentence naming a group of people', () => {
    const found = statementsOf(
      [
        'Swiss Economy Minister Reto Meier met Austrian Economy Minister Karl Huber in Bern.',
        '',
        'Both ministers studied in Vienna, and he recalled that the old tunnel plan had failed twice.',
      ].join('\n'),
    );
    expect(found.map((s) => [s.speaker, s.speakerText])).toEqual([[null, 'he']]);
  });
});
