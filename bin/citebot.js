#!/usr/bin/env node
// `npx citebot ask …`: npm prints nothing of its own around a bin, so `--json` output stays one JSON object.
// It runs the compiled JavaScript in dist/ (built by `npm ci`, rebuilt here when a source changed since);
// when dist/ cannot be built, the TypeScript sources through tsx (a runtime dependency).
import { ensureBuilt } from './build.js';

const ENTRIES = {
  ask: 'src/cli/ask',
  start: 'src/main',
  deploy: 'src/discord/deploy',
  invite: 'scripts/invite',
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
let file;
if (await ensureBuilt()) {
  file = new URL(`../dist/${entry}.js`, import.meta.url);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  file = new URL(`../${entry}.ts`, import.meta.url);
}
// The entry reads its arguments from process.argv, after the script's path, as when run on its own.
process.argv = [process.argv[0], file.pathname, ...args];
await import(file.href);
