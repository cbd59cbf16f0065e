import { existsSync } from 'node:fs';
import path from 'node:path';
import { config as readDotenv } from 'dotenv';
import { z } from 'zod';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const url = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'http:' || u.protocol === 'https:';
      } catch {
        return false;
      }
    }, `must be an http(s) URL, e.g. ${what}`);

/** A port number; 0 asks for any free one. */
function port(example: string) {
  return z.coerce
    .number({ error: `must be a port number, e.g. ${example}` })
    .int(`must be a whole port number, e.g. ${example}`)
    .min(0, 'must be a port from 1 to 65535 (0: any free port)')
    .max(65535, 'must be a port from 1 to 65535 (0: any free port)');
}

/** A true/false setting, with its default. */
function flag(fallback: boolean) {
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === 'string' ? v.trim().toLowerCase() : v;
    },
    z
      .enum(['true', 'false', 'yes', 'no', '1', '0', 'on', 'off'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => ['true', 'yes', '1', 'on'].includes(v)),
  );
}

/** Every setting, read from the environment and `.env`. Documented in .env.example. */
const configSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{20,}$/, 'does not look like a bot token (Developer Portal → Bot → Reset Token)'),
  ),
  DISCORD_GUILD_ID: optional(
    z
      .string()
      .trim()
      .regex(
        /^\d{15,21}$/,
        'must be a server id: 15-21 digits (Developer Mode → right-click the server → Copy Server ID)',
      ),
  ),
  DISCORD_API_URL: optional(url('https://discord.com/api')),
  CORPUS_DIR: z.preprocess(blankToUndefined, z.string().default('seeds')),
  SOURCE_BASE_URL: optional(url('https://github.com/you/citebot/blob/main/seeds')),
  // No default here: unset, the bot logs at info and the console shows only warnings (src/main.ts).
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  LOG_FILE: optional(z.string().trim()),
  HEALTH_PORT: optional(port('8080')),
  HEALTH_HOST: z.preprocess(blankToUndefined, z.string().trim().default('127.0.0.1')),
  DISCORD_APP_ID: optional(
    z
      .string()
      .trim()
      .regex(
        /^\d{15,21}$/,
        'must be an application id: 15-21 digits (Developer Portal → General Information)',
      ),
  ),
  COOLDOWN_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a number of seconds, e.g. 2 (0 turns the cooldown off)' })
      .min(0, 'must be 0 (no cooldown) or more seconds')
      .max(3600, 'must be at most 3600 seconds')
      .default(2),
  ),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'must be the application public key: 64 hex digits (Developer Portal → General Information)',
      ),
  ),
  HTTP_PORT: optional(port('8080')),
  HTTP_HOST: z.preprocess(blankToUndefined, z.string().trim().default('127.0.0.1')),
  REDIS_URL: optional(
    z
      .string()
      .trim()
      .refine((v) => {
        try {
          const u = new URL(v);
          return u.protocol === 'redis:' || u.protocol === 'rediss:';
        } catch {
          return false;
        }
      }, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379'),
  ),
  REDIS_PREFIX: z.preprocess(blankToUndefined, z.string().trim().default('citebot:')),
  SHARDS: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === 'auto' || /^[1-9]\d{0,3}$/.test(v), 'must be auto or a number of shards, e.g. 2')
      .transform((v): 'auto' | number => (v === 'auto' ? 'auto' : Number(v))),
  ),
  FEEDBACK_DB: z.preprocess(blankToUndefined, z.string().default('.cache/feedback.sqlite')),
  WATCH_CORPUS: flag(true),
  INDEX_SNAPSHOT: flag(true),
});

/** Which shard this process is, when discord.js's ShardingManager spawned it (SHARDING_MANAGER, SHARDS, SHARD_COUNT). */
export interface ShardOf {
  id: number;
  count: number;
}

export type Config = z.infer<typeof configSchema> & { shard?: ShardOf };
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Reads the configuration once: `.env` (if present) under the real
 * environment, which wins, then validates it. Problems come back as a list of
 * readable lines, never as an exception.
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
  envFile: string | null = path.resolve('.env'),
): ConfigResult {
  const fromFile: Record<string, string> = {};
  if (envFile && existsSync(envFile)) readDotenv({ path: envFile, quiet: true, processEnv: fromFile });
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  // In a shard ShardingManager spawned, SHARDS is discord.js's (this shard's id), not the setting.
  const spawned = merged.SHARDING_MANAGER === 'true';
  const shard = spawned ? { id: Number(merged.SHARDS), count: Number(merged.SHARD_COUNT) } : undefined;
  if (spawned) delete merged.SHARDS;
  const parsed = configSchema.safeParse(merged);
  if (parsed.success) return { ok: true, config: shard ? { ...parsed.data, shard } : parsed.data };
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return { ok: false, problems };
}

/** Prints configuration problems with what to do, and exits 1. */
export function exitOnConfigProblems(problems: readonly string[]): never {
  process.stderr.write(
    `citebot: the configuration has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
      'Fix them in .env or the environment (see .env.example), then start again.\n',
  );
  process.exit(1);
}
