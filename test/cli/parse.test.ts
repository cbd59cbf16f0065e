import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../src/cli/parse.js';
import { loadCommands, type Registry } from '../../src/commands/registry.js';

let registry: Registry;
beforeAll(async () => {
  registry = await loadCommands();
});

const raw = (input: string) => {
  const parsed = parseInput(input, registry);
  return 'error' in parsed ? parsed : { command: parsed.command.name, raw: parsed.raw };
};

describe('parseInput', () => {
  it('sends a free question to /ask', () => {
    expect(raw('What is the trade target?')).toEqual({
      command: 'ask',
      raw: { question: 'What is the trade target?' },
    });
  });

  it('reads option values up to the next option name, colons and spaces included', () => {
    expect(raw('/source file:000_5c82c171a96e32aa.txt line:23')).toEqual({
      command: 'source',
      raw: { file: '000_5c82c171a96e32aa.txt', line: '23' },
    });
    expect(raw('/ask question:Time: what happened at 10:30?')).toEqual({
      command: 'ask',
      raw: { question: 'Time: what happened at 10:30?' },
    });
  });

  it('takes unnamed text as the only required text option', () => {
    expect(raw('/search allied relations')).toEqual({
      command: 'search',
      raw: { query: 'allied relations' },
    });
  });

  it('reports an unknown command or option', () => {
    expect(raw('/nosuch x')).toEqual({ error: expect.stringMatching(/unknown command "\/nosuch"/) });
    expect(raw('/source color:red')).toEqual({ error: expect.stringMatching(/no option "color"/) });
  });
});
