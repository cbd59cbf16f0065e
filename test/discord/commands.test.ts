import { describe, expect, it } from 'vitest';
import { type Command, defineCommand } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { CommandShapeError, PRIVATE_OPTION, toDiscordCommands } from '../../src/discord/commands.js';

const meetings = defineCommand({
  name: 'meetings',
  description: 'Meetings between leaders',
  options: [
    { name: 'person', description: 'Who met', type: 'string', required: true, autocomplete: () => [] },
    { name: 'year', description: 'Which year', type: 'integer', min: 1991, max: 2100 },
    { name: 'all', description: 'Every one', type: 'boolean' },
  ],
  run: () => {
    throw new Error('not called');
  },
});

describe('toDiscordCommands', () => {
  it('returns typed, bounded options with autocomplete flags and private last', () => {
    const [json] = toDiscordCommands([meetings]);
    expect(json).toEqual({
      name: 'meetings',
      description: 'Meetings between leaders',
      type: 1,
      options: [
        {
          name: 'person',
          description: 'Who met',
          type: 3,
          required: true,
          autocomplete: true,
          max_length: 1000,
        },
        {
          name: 'year',
          description: 'Which year',
          type: 4,
          required: false,
          min_value: 1991,
          max_value: 2100,
        },
        { name: 'all', description: 'Every one', type: 5, required: false },
        {
          name: PRIVATE_OPTION,
          description: 'Only you see the reply (default: false)',
          type: 5,
          required: false,
        },
      ],
    });
  });

  it('returns a private option on every command of commands/ open to all, within Discord limits', async () => {
    const json = toDiscordCommands((await loadCommands()).values());
    expect(json.map((c) => c.name)).toEqual(
      expect.arrayContaining(['ask', 'search', 'source', 'help', 'about', 'reload']),
    );
    for (const command of json) {
      expect(command.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options?.length).toBeLessThanOrEqual(25);
      if (command.default_member_permissions === undefined) {
        expect(command.options?.at(-1)?.name).toBe(PRIVATE_OPTION);
      }
    }
    const source = json.find((c) => c.name === 'source');
    expect(source?.options?.[0]).toMatchObject({ name: 'file', autocomplete: true, max_length: 300 });
    expect(source?.options?.[1]).toMatchObject({ name: 'line', type: 4, min_value: 1 });
  });

  it('returns /reload for members with Manage Server only, in servers only, without a private option', async () => {
    const reload = toDiscordCommands((await loadCommands()).values()).find((c) => c.name === 'reload');
    expect(reload).toEqual({
      name: 'reload',
      description: expect.any(String),
      type: 1,
      options: [],
      default_member_permissions: '32',
      contexts: [0],
    });
  });

  it('throws, naming the command, when a command declares private itself', () => {
    const clash: Command = { ...meetings, options: [{ name: 'private', description: 'x', type: 'boolean' }] };
    expect(() => toDiscordCommands([clash])).toThrow(CommandShapeError);
    expect(() => toDiscordCommands([clash])).toThrow(/"meetings" declares an option "private"/);
  });
});
