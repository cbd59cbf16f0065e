#!/usr/bin/env node
// `npx citebot ask …`: npm prints nothing of its own around a bin, so `--json` output stays one JSON object.
// The sources are TypeScript, run through tsx (a runtime dependency), as `npm start` does.
import { register } from 'tsx/esm/api';

const ENTRIES = {
  ask: '../src/cli/ask.ts',
  start: '../src/main.ts',
  deploy: '../src/discord/deploy.ts',
  invite: '../scripts/invite.ts',
};
const USAGE = `usage: citebot <${Object.keys(ENTRIES).join('|')}> [arguments]
  citebot ask "What is the trade target?"       one answer (add --json for JSON)
  citebot start                                 the bot, or the offline console without DISCORD_TOKEN
  citebot deploy                                register the slash commands
  citebot invite                                print the bot's invite link`;

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(name === undefined ? 2 : 0);
}
const entry = Object.hasOwn(ENTRIES, name) ? ENTRIES[name] : undefined;
if (entry === undefined) {
  process.stderr.write(`citebot: unknown command "${name}"\n${USAGE}\n`);
  process.exit(2);
}
// The entry reads its arguments from process.argv, after the script's path, as when run on its own.
process.argv = [process.argv[0], new URL(entry, import.meta.url).pathname, ...args];
register();
await import(new URL(entry, import.meta.url).href);
