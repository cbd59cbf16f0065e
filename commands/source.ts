import { source } from '../src/answer/source.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'source',
  description: 'Show a cited line of an article with the paragraph around it',
  options: [
    {
      name: 'file',
      description: 'Article file name, e.g. 000_5c82c171a96e32aa.txt',
      type: 'string',
      required: true,
      maxLength: 300,
    },
    {
      name: 'line',
      description: 'Line number in the file',
      type: 'integer',
      required: true,
      min: 1,
      max: 10_000_000,
    },
  ],
  run: ({ engine }, { file, line }) => source(engine, file, line),
});
