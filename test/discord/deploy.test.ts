import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_OPTION } from '../../src/discord/commands.js';
import { registerCommands } from '../../src/discord/register.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { type CliRun, runCommand } from '../support/runCli.js';

/**
 * `npm run -s deploy`, with these settings (a .env cannot interfere: the environment wins). `-s`
 * keeps npm's own banner and error lines out of what the test reads; npm itself is not silenced.
 */
function npmRunDeploy(env: Record<string, string>): Promise<CliRun> {
  return runCommand('npm', ['run', '-s', 'deploy'], {
    env: { DISCORD_GUILD_ID: '', DISCORD_API_URL: '', ...env },
  });
}

/** Every command in commands/, as a user sees them listed. */
// Slash commands, and the one message command ("Check sources", from commands/check.ts), sorted as JS sorts.
const COMMANDS = [
  'Check sources',
  'about',
  'ask',
  'check',
  'help',
  'meetings',
  'quotes',
  'reload',
  'search',
  'source',
  'trade',
  'treaty',
];

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('npm run deploy', () => {
  it('registers every command in the guild of DISCORD_GUILD_ID, finding the application id itself', async () => {
    const run = await npmRunDeploy({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: '400000000000000009',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Registered 12 commands in server 400000000000000009: .*\/ask.*"Check sources" \(message command\)/,
    );
    const put = fake.calls.find(
      (c) => c.method === 'PUT' && c.path.endsWith('/guilds/400000000000000009/commands'),
    );
    expect(put?.path).toBe(`/applications/${fake.applicationId}/guilds/400000000000000009/commands`);
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    expect(put?.body.map((c: { name: string }) => c.name).sort()).toEqual(COMMANDS);
    const ask = put?.body.find((c: { name: string }) => c.name === 'ask');
    expect(ask.options.map((o: { name: string }) => o.name)).toEqual(['question', PRIVATE_OPTION]);
    expect(fake.calls.some((c) => c.method === 'GET' && c.path === '/applications/@me')).toBe(true);
  });

  it('registers globally without DISCORD_GUILD_ID, and says how to register in one server', async () => {
    const run = await npmRunDeploy({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Registered 12 commands globally.*\n.*DISCORD_GUILD_ID/);
    expect(
      fake.commands
        .get('global')
        ?.map((c) => (c as { name: string }).name)
        .sort(),
    ).toEqual(COMMANDS);
  });

  it('exits 1 with a clear message when DISCORD_TOKEN is missing', async () => {
    const run = await npmRunDeploy({ DISCORD_API_URL: fake.apiUrl });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN is not set.*\n.*\.env/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('registerCommands', () => {
  it('returns a problem, not an exception, when Discord refuses the token', async () => {
    const result = await registerCommands({
      token: 'not.the.right-token-0123456789',
      apiUrl: fake.apiUrl,
      commands: [],
    });
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/refused DISCORD_TOKEN \(401\)/) });
  });
});
