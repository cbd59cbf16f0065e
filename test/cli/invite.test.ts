import { describe, expect, it } from 'vitest';
import { applicationIdFromToken, inviteUrl } from '../../src/cli/invite.js';
import { runScript } from '../support/runCli.js';

const APP_ID = '730000000000000123';
/** A token of the real shape for APP_ID: base64 id, timestamp, HMAC (made up). */
const TOKEN = `${Buffer.from(APP_ID).toString('base64').replace(/=+$/, '')}.Zq1w2e.${'h'.repeat(27)}`;

describe('applicationIdFromToken', () => {
  it('returns the id in the first part of a bot token', () => {
    expect(applicationIdFromToken(TOKEN)).toBe(APP_ID);
  });

  it('returns null when the first part is not an id', () => {
    expect(applicationIdFromToken(`${Buffer.from('hello').toString('base64')}.a.b`)).toBeNull();
    expect(applicationIdFromToken('')).toBeNull();
  });
});

describe('inviteUrl', () => {
  it('returns the authorize link with the bot and applications.commands scopes and no permissions', () => {
    const url = new URL(inviteUrl(APP_ID));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe(APP_ID);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('0');
  });
});

describe('npm run invite', () => {
  it('prints the invite link from the token, and never the token', async () => {
    const run = await runScript('scripts/invite.ts', [], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(inviteUrl(APP_ID));
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
    expect(run.stdout + run.stderr).not.toContain(TOKEN.split('.')[2]);
  }, 60_000);

  it('prefers DISCORD_APP_ID, and exits 1 saying what to set when there is neither', async () => {
    const byId = await runScript('scripts/invite.ts', [], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: '740000000000000456' },
    });
    expect(byId.stdout).toContain('client_id=740000000000000456&');
    const none = await runScript('scripts/invite.ts', [], { env: { DISCORD_APP_ID: '' } });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/set DISCORD_TOKEN \(or DISCORD_APP_ID\)/);
  }, 60_000);
});
