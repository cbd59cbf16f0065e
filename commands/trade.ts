import { suggestions, tradeView } from '../src/answer/views.js';
import { defineCommand, toChoices } from '../src/commands/contract.js';
import { tradeChartFiles } from '../src/render/chart.js';

export default defineCommand({
  name: 'trade',
  description: 'Trade between two countries: volume by year, growth, target, rank, exports',
  options: [
    { name: 'year', description: 'Only the volume of this year', type: 'integer', min: 1900, max: 2100 },
    {
      name: 'countries',
      description: 'One or two countries, e.g. "Kazakhstan, Tajikistan"',
      type: 'string',
      maxLength: 100,
      autocomplete: (engine, typed) => toChoices(suggestions(engine, 'countries', typed)),
    },
  ],
  run: ({ engine }, { year, countries }) => tradeView(engine, { year, countries }),
  // The volume by year as a PNG chart, when the answer gives a volume with its year.
  files: tradeChartFiles,
});
