import { suggestions, treatyView } from '../src/answer/views.js';
import { defineCommand, toChoices } from '../src/commands/contract.js';

export default defineCommand({
  name: 'treaty',
  description: 'Treaties and agreements: status, signatories, place, date, sources',
  options: [
    {
      name: 'name',
      description: 'Part of the name, e.g. "allied relations"',
      type: 'string',
      maxLength: 200,
      autocomplete: (engine, typed) => toChoices(suggestions(engine, 'agreement', typed)),
    },
  ],
  run: ({ engine }, { name }) => treatyView(engine, { name }),
});
