import { CommandLoadError, loadCommands } from '../commands/registry.js';
import { exitOnConfigProblems, loadConfig } from '../config.js';
import { CommandShapeError } from './commands.js';
import { registerCommands } from './register.js';

/** `npm run deploy`: registers the slash commands in DISCORD_GUILD_ID's server, or globally without it. */
async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const config = loaded.config;
  if (!config.DISCORD_TOKEN) {
    process.stderr.write(
      'citebot deploy: DISCORD_TOKEN is not set, so there is no bot to register the commands for.\n' +
        'Put the bot token in .env (Developer Portal → your application → Bot → Reset Token; see .env.example),\n' +
        'and DISCORD_GUILD_ID too to register them in one server instantly while developing.\n',
    );
    process.exit(1);
  }
  const commands = await loadCommands();
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    apiUrl: config.DISCORD_API_URL,
    guildId: config.DISCORD_GUILD_ID,
    commands: commands.values(),
  });
  if (!result.ok) {
    process.stderr.write(`citebot deploy: ${result.problem}\n`);
    process.exit(1);
  }
  // A message command's name has capitals or spaces ("Check sources"); a slash command's never does.
  const names = result.names
    .map((n) => (/^[a-z0-9_-]+$/.test(n) ? `/${n}` : `"${n}" (message command)`))
    .join(', ');
  process.stdout.write(
    result.scope === 'guild'
      ? `Registered ${result.names.length} commands in server ${config.DISCORD_GUILD_ID}: ${names}.\n`
      : `Registered ${result.names.length} commands globally: ${names}.\n` +
          'Global commands can take a while to show up; set DISCORD_GUILD_ID to register them in one server at once.\n',
  );
}

main().catch((err: unknown) => {
  const known = err instanceof CommandLoadError || err instanceof CommandShapeError;
  process.stderr.write(
    `citebot deploy: ${known ? (err as Error).message : `unexpected error: ${(err as Error).message ?? String(err)}`}\n`,
  );
  process.exit(1);
});
