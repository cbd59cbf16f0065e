import { aboutAnswer } from '../src/answer/about.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'about',
  description: 'What is in the corpus: files, sentences, facts, dates covered',
  options: [],
  run: ({ engine }) => aboutAnswer(engine),
});
