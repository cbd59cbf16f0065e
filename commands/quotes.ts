import { quotesView, speakerSuggestions } from '../src/answer/quotes.js';
import { defineCommand, toChoices } from '../src/commands/contract.js';

export default defineCommand({
  name: 'quotes',
  description: 'What someone said: their statements, on a topic if given, each quoted with its source',
  options: [
    {
      name: 'person',
      description: 'Who spoke, e.g. "Muhriddin"',
      type: 'string',
      required: true,
      maxLength: 100,
      autocomplete: (engine, typed) => toChoices(speakerSuggestions(engine, typed)),
    },
    { name: 'topic', description: 'What about, e.g. "trade"', type: 'string', maxLength: 200 },
  ],
  run: ({ engine }, { person, topic }) => quotesView(engine, { person, topic }),
});
