import { meetingsView, suggestions } from '../src/answer/views.js';
import { defineCommand, toChoices } from '../src/commands/contract.js';

export default defineCommand({
  name: 'meetings',
  description: 'Who met whom, where and when: a timeline',
  options: [
    {
      name: 'person',
      description: 'Someone who took part, e.g. "Muhriddin"',
      type: 'string',
      maxLength: 100,
      autocomplete: (engine, typed) => toChoices(suggestions(engine, 'person', typed)),
    },
    { name: 'year', description: 'Only meetings in this year', type: 'integer', min: 1900, max: 2100 },
    {
      name: 'place',
      description: 'City or country, e.g. "Dushanbe"',
      type: 'string',
      maxLength: 100,
      autocomplete: (engine, typed) => toChoices(suggestions(engine, 'place', typed)),
    },
  ],
  run: ({ engine }, { person, year, place }) => meetingsView(engine, { person, year, place }),
});
