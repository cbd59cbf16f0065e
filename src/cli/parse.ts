import type { Command, RawValues } from '../commands/contract.js';
import type { Registry } from '../commands/registry.js';

export type Parsed = { command: Command; raw: RawValues } | { error: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads one input line: a free question (answered by `/ask`), or a slash
 * command in Discord's own syntax, `/name option:value option:value`. A value
 * runs until the next `name:` of one of the command's options, so it may hold
 * spaces and colons. Text before the first option goes to the command's only
 * required text option (`/ask What is…` works too).
 */
export function parseInput(input: string, registry: Registry): Parsed {
  const text = input.trim();
  if (!text.startsWith('/')) {
    const ask = registry.get('ask');
    if (!ask) return { error: 'no /ask command is loaded' };
    return { command: ask, raw: { question: text } };
  }
  const m = /^\/([^\s]*)\s*([\s\S]*)$/.exec(text);
  const name = (m?.[1] ?? '').toLowerCase();
  const rest = m?.[2] ?? '';
  const command = registry.get(name);
  if (!command) {
    const known = [...registry.keys()].map((k) => `/${k}`).join(', ');
    return { error: `unknown command "/${name}"; commands: ${known}` };
  }
  const names = command.options.map((o) => escapeRegExp(o.name));
  const marker = names.length > 0 ? new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'gi') : null;
  const marks = marker ? [...rest.matchAll(marker)] : [];
  const raw: Record<string, string> = {};
  const lead = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  if (lead !== '') {
    const unknown = /^([a-z0-9_-]+):/i.exec(lead);
    const free = command.options.filter((o) => o.required && o.type === 'string');
    if (unknown) {
      const known = command.options.map((o) => o.name).join(', ') || 'none';
      return { error: `/${command.name} has no option "${unknown[1]}" (options: ${known})` };
    }
    if (free.length !== 1 || free[0] === undefined) {
      return {
        error: `/${command.name}: name each option, e.g. /${command.name} ${command.options.map((o) => `${o.name}:…`).join(' ')}`,
      };
    }
    raw[free[0].name] = lead;
  }
  marks.forEach((mark, i) => {
    const option = mark[1]!.toLowerCase();
    const start = mark.index + mark[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    raw[option] = rest.slice(start, end).trim();
  });
  return { command, raw };
}
