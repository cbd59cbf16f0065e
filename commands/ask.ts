import { ask, MAX_QUESTION_CHARS } from '../src/answer/ask.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'ask',
  description: 'Ask a question; the answer quotes the articles, every quote cited',
  options: [
    {
      name: 'question',
      description: 'Your question, e.g. "What is the trade target?"',
      type: 'string',
      required: true,
      maxLength: MAX_QUESTION_CHARS,
    },
  ],
  run: ({ engine }, { question }) => ask(engine, question),
});
