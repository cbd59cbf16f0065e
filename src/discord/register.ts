import { type APIApplication, DiscordAPIError, REST, Routes } from 'discord.js';
import type { Command } from '../commands/contract.js';
import { toDiscordCommands, toMessageCommands } from './commands.js';

export interface RegisterOptions {
  token: string;
  /** API base (`DISCORD_API_URL`); default Discord's own. */
  apiUrl?: string | undefined;
  /** Registers in this server only (instant; for development); without it, globally. */
  guildId?: string | undefined;
  commands: Iterable<Command>;
}

export type RegisterResult =
  | { ok: true; applicationId: string; scope: 'guild' | 'global'; names: string[] }
  | { ok: false; problem: string };

function problemOf(err: unknown, options: RegisterOptions): string {
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) {
      return 'Discord refused DISCORD_TOKEN (401). Reset the token (Developer Portal → your application → Bot → Reset Token) and put it in .env.';
    }
    if (options.guildId && (err.code === 50001 || err.status === 403)) {
      return `the bot cannot register commands in server ${options.guildId} (${err.message}). Invite it there with the "bot" and "applications.commands" scopes, or check DISCORD_GUILD_ID.`;
    }
    return `Discord answered ${err.status} ${err.message} (code ${err.code}).`;
  }
  const cause = (err as { cause?: { code?: string } }).cause?.code;
  return `cannot reach Discord at ${options.apiUrl ?? 'https://discord.com/api'}: ${(err as Error).message}${cause ? ` (${cause})` : ''}.`;
}

/**
 * Registers the slash commands and the message commands, replacing those registered before (so a
 * removed command goes away). The application id comes from the token itself
 * (GET /applications/@me): there is nothing else to configure.
 */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const commands = [...options.commands];
  const body = [...toDiscordCommands(commands), ...toMessageCommands(commands)];
  const api = options.apiUrl?.replace(/\/+$/, '');
  const rest = new REST({ ...(api ? { api } : {}), retries: 2, timeout: 15_000 }).setToken(options.token);
  try {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    const route = options.guildId
      ? Routes.applicationGuildCommands(app.id, options.guildId)
      : Routes.applicationCommands(app.id);
    const registered = (await rest.put(route, { body })) as { name: string }[];
    return {
      ok: true,
      applicationId: app.id,
      scope: options.guildId ? 'guild' : 'global',
      names: registered.map((c) => c.name),
    };
  } catch (err) {
    return { ok: false, problem: problemOf(err, options) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
