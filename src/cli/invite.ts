import { exitOnConfigProblems, loadConfig } from '../config.js';
import { EXIT } from './exitCodes.js';

/** The OAuth2 scopes citebot needs: a bot user in the server, and its slash commands. */
export const INVITE_SCOPES = ['bot', 'applications.commands'] as const;
/**
 * The permissions it asks for: none. citebot only answers interactions (a
 * reply, its edits, follow-ups through the interaction's webhook, "Post to
 * channel" included), which need no channel permission.
 */
export const INVITE_PERMISSIONS = 0n;

const SNOWFLAKE = /^\d{15,21}$/;

/**
 * The application id a bot token carries: its first part is the bot user's
 * id in base64, which for a bot is its application's id. Null when the first
 * part is not one.
 */
export function applicationIdFromToken(token: string): string | null {
  const first = token.trim().split('.')[0] ?? '';
  const id = Buffer.from(first, 'base64').toString('utf8');
  return SNOWFLAKE.test(id) ? id : null;
}

/** The invite link for an application: its scopes and permissions, nothing else. */
export function inviteUrl(applicationId: string, permissions: bigint = INVITE_PERMISSIONS): string {
  const query = [
    `client_id=${applicationId}`,
    `scope=${INVITE_SCOPES.map(encodeURIComponent).join('%20')}`,
    `permissions=${permissions.toString()}`,
  ].join('&');
  return `https://discord.com/oauth2/authorize?${query}`;
}

/** `npm run invite`: prints the invite link, from DISCORD_APP_ID or the token. Never prints the token. */
export function runInvite(): void {
  const loaded = loadConfig();
  if (!loaded.ok) exitOnConfigProblems(loaded.problems);
  const { DISCORD_APP_ID, DISCORD_TOKEN } = loaded.config;
  const id = DISCORD_APP_ID ?? (DISCORD_TOKEN ? applicationIdFromToken(DISCORD_TOKEN) : null);
  if (id === null) {
    process.stderr.write(
      DISCORD_TOKEN
        ? 'citebot invite: the application id cannot be read from DISCORD_TOKEN; set DISCORD_APP_ID ' +
            '(Developer Portal → your application → General Information → Application ID).\n'
        : 'citebot invite: set DISCORD_TOKEN (or DISCORD_APP_ID) in .env first; see .env.example.\n',
    );
    process.exit(EXIT.failed);
  }
  process.stdout.write(
    `${inviteUrl(id)}\n` +
      'Open it as a member with Manage Server to add citebot to that server (scopes: bot, applications.commands; ' +
      'no permissions: it only answers slash commands). Then run npm run deploy.\n',
  );
}
