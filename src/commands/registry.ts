import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Command, commandSchema } from './contract.js';

/** The project's `commands/` folder. */
export const COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

export type Registry = ReadonlyMap<string, Command>;

/** A command file that cannot be used: start-up stops with this message. */
export class CommandLoadError extends Error {
  override name = 'CommandLoadError';
}

/**
 * Loads every command file (one per command, named after it), validates its
 * default export, and refuses a bad or duplicate one: a half-loaded command
 * set would answer some commands and silently not others.
 */
export async function loadCommands(dir: string = COMMANDS_DIR): Promise<Registry> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const registry = new Map<string, Command>();
  const problems: string[] = [];
  for (const file of files) {
    let exported: unknown;
    try {
      exported = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown }).default;
    } catch (err) {
      problems.push(`${file}: cannot be loaded (${(err as Error).message})`);
      continue;
    }
    const checked = commandSchema.safeParse(exported);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => `${i.path.join('.') || 'default export'}: ${i.message}`);
      problems.push(`${file}: not a valid command (${issues.join('; ')})`);
      continue;
    }
    const command = exported as Command;
    const expected = file.replace(/\.(ts|js|mjs)$/, '');
    if (command.name !== expected) {
      problems.push(`${file}: declares the command "${command.name}"; the file must be named after it`);
    } else if (registry.has(command.name)) {
      problems.push(`${file}: duplicate command "${command.name}"`);
    } else {
      registry.set(command.name, command);
    }
  }
  if (problems.length > 0) {
    throw new CommandLoadError(`commands: refusing to start:\n- ${problems.join('\n- ')}`);
  }
  return registry;
}
