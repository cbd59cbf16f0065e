import { check, MAX_CHECK_CHARS } from '../src/answer/check.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'check',
  description: 'Check a text against the articles: what supports each claim, what disagrees',
  options: [
    {
      name: 'text',
      description: 'The text to check, e.g. "Trade reached $1.5 billion in 2024."',
      type: 'string',
      required: true,
      maxLength: MAX_CHECK_CHARS,
    },
  ],
  // Right-click a message → Apps → Check sources: the message's text is `text`.
  messageCommand: 'Check sources',
  run: ({ engine }, { text }) => check(engine, text),
});
