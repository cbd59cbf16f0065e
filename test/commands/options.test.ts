import { describe, expect, it } from 'vitest';
import { defineCommand, MAX_OPTION_CHARS } from '../../src/commands/contract.js';
import { parseValues } from '../../src/commands/options.js';
import { loadCommands } from '../../src/commands/registry.js';
import { toDiscordCommands } from '../../src/discord/commands.js';

describe('parseValues', () => {
  it('returns an error naming the option and its cap for a value one character over, for every text option', async () => {
    const commands = [...(await loadCommands()).values()];
    const capped = commands.flatMap((c) =>
      c.options.filter((o) => o.type === 'string').map((o) => [c, o] as const),
    );
    expect(capped.length).toBeGreaterThan(0);
    for (const [command, option] of capped) {
      const max = (option.type === 'string' && option.maxLength) || MAX_OPTION_CHARS;
      const raw = Object.fromEntries(
        command.options
          .filter((o) => o.required && o.name !== option.name)
          .map((o) => [o.name, o.type === 'integer' ? 1 : 'x']),
      );
      const result = parseValues(command, { ...raw, [option.name]: 'y'.repeat(max + 1) });
      expect(result, `/${command.name} ${option.name}`).toEqual({
        error: `option "${option.name}" is too long (${max + 1} characters; at most ${max})`,
      });
    }
  });

  it('returns an error past MAX_OPTION_CHARS for a text option that declares no cap', () => {
    const command = defineCommand({
      name: 'echo',
      description: 'Echoes',
      options: [{ name: 'text', description: 'What to echo', type: 'string', required: true }],
      run: () => {
        throw new Error('not called');
      },
    });
    expect(parseValues(command, { text: 'z'.repeat(MAX_OPTION_CHARS) })).toEqual({
      values: { text: 'z'.repeat(MAX_OPTION_CHARS) },
    });
    expect(parseValues(command, { text: 'z'.repeat(100_000) })).toEqual({
      error: `option "text" is too long (100000 characters; at most ${MAX_OPTION_CHARS})`,
    });
  });
});

describe('toDiscordCommands', () => {
  it('returns a max_length on every text option, so that Discord refuses a longer value before sending it', async () => {
    for (const command of toDiscordCommands((await loadCommands()).values())) {
      for (const option of command.options ?? []) {
        if (option.type !== 3) continue;
        expect(option.max_length, `/${command.name} ${option.name}`).toBeGreaterThan(0);
        expect(option.max_length, `/${command.name} ${option.name}`).toBeLessThanOrEqual(6000);
      }
    }
  });
});
