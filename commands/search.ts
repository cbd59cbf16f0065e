import { MAX_QUESTION_CHARS, search } from '../src/answer/ask.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'search',
  description: 'List the sentences that match some words, best first',
  options: [
    {
      name: 'query',
      description: 'Words to look for, e.g. "Treaty on Allied Relations"',
      type: 'string',
      required: true,
      maxLength: MAX_QUESTION_CHARS,
    },
  ],
  run: ({ engine }, { query }) => search(engine, query),
});
