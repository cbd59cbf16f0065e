import { helpAnswer } from '../src/answer/about.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'help',
  description: 'What citebot can do, and how to ask',
  options: [],
  run: ({ commands }) => helpAnswer(commands),
});
