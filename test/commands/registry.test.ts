import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CommandLoadError, loadCommands } from '../../src/commands/registry.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

describe('loadCommands', () => {
  it('loads every command of commands/, each named after its file', async () => {
    const registry = await loadCommands();
    expect([...registry.keys()]).toEqual(
      expect.arrayContaining(['ask', 'search', 'source', 'help', 'about']),
    );
  });

  it('loads a valid command file', async () => {
    const registry = await loadCommands(fixture('commands-good'));
    expect([...registry.keys()]).toEqual(['ping']);
  });

  it('refuses to start on a bad command file, saying which and why', async () => {
    const error = await loadCommands(fixture('commands-bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandLoadError);
    expect((error as Error).message).toMatch(/broken\.ts: not a valid command/);
    expect((error as Error).message).toMatch(/name/);
  });
});
