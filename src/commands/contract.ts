import { z } from 'zod';
import type { ReloadOutcome } from '../answer/reload.js';
import type { Answer } from '../answer/types.js';
import type { Engine } from '../engine.js';
import type { FeedbackSummary } from '../feedback/store.js';

/**
 * The longest value a string option takes when its declaration gives no
 * `maxLength`: every text a user types is capped, so no command sees 100k
 * characters.
 */
export const MAX_OPTION_CHARS = 1000;

/** Discord permissions a command can require of a member (names as in discord.js `PermissionFlagsBits`). */
export const PERMISSIONS = ['ManageGuild'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A choice offered while the user types an option (Discord autocomplete). */
export interface Choice {
  name: string;
  value: string;
}

interface OptionBase {
  name: string;
  description: string;
  required?: boolean;
  /** Suggests values from the corpus as the user types (at most 25). */
  autocomplete?: (engine: Engine, typed: string) => Choice[];
}
export interface StringOption extends OptionBase {
  type: 'string';
  maxLength?: number;
}
export interface IntegerOption extends OptionBase {
  type: 'integer';
  min?: number;
  max?: number;
}
export interface BooleanOption extends OptionBase {
  type: 'boolean';
}
export type OptionSpec = StringOption | IntegerOption | BooleanOption;

type ValueOf<O extends OptionSpec> = O extends IntegerOption
  ? number
  : O extends BooleanOption
    ? boolean
    : string;

/** The parsed option values a command's `run` receives, typed from its option list. */
export type OptionValues<Os extends readonly OptionSpec[]> = {
  [O in Os[number] as O['name']]: O['required'] extends true ? ValueOf<O> : ValueOf<O> | undefined;
};

export type RawValues = Readonly<Record<string, string | number | boolean | undefined>>;

/** What a command runs against: the engine, and the other commands (for `help`). */
export interface CommandContext {
  engine: Engine;
  commands: ReadonlyMap<string, Command>;
  /**
   * Rebuilds the index from the corpus folder and swaps it in (see
   * src/reload.ts); absent where nothing outlives one answer (`npm run ask`).
   */
  reload?: (reason: string) => Promise<ReloadOutcome>;
  /**
   * What users said of the answers (see src/feedback): given only to a
   * command with `feedbackSummary`, run by a member with Manage Server.
   */
  feedback?: () => FeedbackSummary | null;
}

/** A file a command sends with its answer on Discord (the trade chart). */
export interface Attachment {
  name: string;
  data: Buffer;
  /** Alt text. */
  description: string;
}

/** One slash command: its declaration and the one core call it maps to. */
export interface Command {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /**
   * A Discord permission a member needs to use the command. Discord hides the
   * command from the others, and it is checked again at every use; such a
   * command always replies privately. The console, run by the operator, does
   * not check it.
   */
  permission?: Permission;
  /**
   * The name of a Discord message command (right-click a message → Apps) that runs this command with
   * the message's text as its first required text option. Up to 32 characters, spaces and capitals allowed.
   */
  messageCommand?: string;
  /** For members with Manage Server, the command gets `context.feedback` and replies privately. */
  feedbackSummary?: true;
  /**
   * Files to send with the answer on Discord (and `npm run ask -- --chart`):
   * made after `run`, only where they are shown, so the console never pays for them.
   */
  files?(answer: Answer): Promise<Attachment[]>;
  run(context: CommandContext, values: RawValues): Answer | Promise<Answer>;
}

/** Declares a command with option values typed from its option list. */
export function defineCommand<const Os extends readonly OptionSpec[]>(command: {
  name: string;
  description: string;
  options: Os;
  permission?: Permission;
  messageCommand?: string;
  feedbackSummary?: true;
  files?(answer: Answer): Promise<Attachment[]>;
  run(context: CommandContext, values: OptionValues<Os>): Answer | Promise<Answer>;
}): Command {
  return command as unknown as Command;
}

const optionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'option names are 1-32 lowercase letters, digits, - or _'),
    description: z.string().min(1).max(100),
    type: z.enum(['string', 'integer', 'boolean']),
    required: z.boolean().optional(),
    maxLength: z.number().int().min(1).max(6000).optional(),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    autocomplete: z.function().optional(),
  })
  .strict();

/** What every command file must export as its default. */
export const commandSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'command names are 1-32 lowercase letters, digits, - or _'),
    description: z.string().min(1).max(100),
    options: z.array(optionSchema).max(25),
    permission: z.enum(PERMISSIONS).optional(),
    messageCommand: z
      .string()
      .regex(
        /^\S(?:.{0,30}\S)?$/,
        'message command names are 1-32 characters, not starting or ending with a space',
      )
      .optional(),
    feedbackSummary: z.literal(true).optional(),
    files: z.function().optional(),
    run: z.function(),
  })
  .strict()
  .superRefine((command, ctx) => {
    if (command.messageCommand && !command.options.some((o) => o.required && o.type === 'string')) {
      ctx.addIssue({
        code: 'custom',
        message: 'a message command needs a required text option for the message',
      });
    }
    const names = command.options.map((o) => o.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) ctx.addIssue({ code: 'custom', message: `option "${twice}" is declared twice` });
    const firstOptional = command.options.findIndex((o) => !o.required);
    if (firstOptional >= 0 && command.options.slice(firstOptional).some((o) => o.required)) {
      ctx.addIssue({ code: 'custom', message: 'required options must come before optional ones' });
    }
  });

/** Autocomplete choices from values: at most 25, each name and value 1-100 characters (Discord's limits). */
export function toChoices(values: readonly string[]): Choice[] {
  const clip = (v: string) => (v.length <= 100 ? v : `${v.slice(0, 99)}…`);
  return values
    .filter((v) => v.trim() !== '')
    .slice(0, 25)
    .map((v) => ({ name: clip(v), value: clip(v) }));
}
