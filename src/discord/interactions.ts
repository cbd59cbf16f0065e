import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import { source } from '../answer/source.js';
import type { Answer } from '../answer/types.js';
import type { Choice, CommandContext, OptionSpec, Permission } from '../commands/contract.js';
import { type RunResult, runCommand } from '../commands/run.js';
import type { Logger } from '../logger.js';
import { parseCustomId } from '../render/customId.js';
import {
  type DiscordMessage,
  NO_MENTIONS,
  renderAnswer,
  renderNotice,
  trimAtWord,
} from '../render/discord.js';
import { PRIVATE_OPTION } from './commands.js';
import type { Cooldown } from './cooldown.js';
import { RestWatch } from './restWatch.js';
import { ShownAnswers } from './shown.js';

/** Discord allows 3 s for the first response; a command still running after this is deferred. */
export const DEFER_AFTER_MS = 1500;
/** More interactions than this under way at once: a new command acknowledges before it works. */
export const BUSY_AT = 4;
/** Autocomplete: Discord shows at most 25 choices of 1-100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
/** What an autocomplete function is given of a long typed value: no choice is longer. */
const MAX_TYPED_CHARS = 200;
/** Option values in the log are cut to this. */
const LOGGED_VALUE_CHARS = 100;
/** What a user is told when citebot stops before it could answer them. */
export const RESTARTING = 'citebot is restarting: ask again in a moment.';

export interface InteractionHandlerOptions {
  /** The commands and the engine, read at every interaction so that a reload can swap them at once. */
  context: () => CommandContext;
  logger: Logger;
  /** Answers on show, for paging and posting. */
  shown?: ShownAnswers;
  /** Defer a command still running after this many ms. */
  deferAfterMs?: number;
  /** Per-user pause between commands; none when absent. */
  cooldown?: Cooldown;
  /** citebot's REST traffic: while it is rate limited or queueing, commands acknowledge at once. */
  rest?: RestWatch;
}

/** A permission as Discord's own settings name it. */
const PERMISSION_NAMES: Record<Permission, string> = { ManageGuild: 'Manage Server' };

/** The one log line of an interaction. */
interface InteractionLog {
  kind: 'command' | 'autocomplete' | 'button' | 'other';
  command?: string;
  /** What a button did: page, post, context. */
  action?: string;
  options?: Record<string, unknown>;
  customId?: string;
  userId: string;
  guildId: string | null;
  latencyMs?: number;
  outcome?: string;
  found?: boolean;
  citations?: number;
  choices?: number;
  deferred?: boolean;
  ref?: string;
  err?: unknown;
}

export interface InteractionHandler {
  (interaction: Interaction): Promise<void>;
  /**
   * For a shutdown: everyone still waiting whose answer is not on its way
   * yet is told that citebot is restarting (a deferral's "thinking…" is
   * edited into it), and is sent nothing more. Resolves, with how many were
   * told, once Discord has those messages.
   */
  abandon(): Promise<number>;
}

/** One interaction being answered, as far as a shutdown needs to know. */
interface Job {
  interaction: Interaction;
  /** Its final message is on its way: a shutdown leaves it alone. */
  finalStarted: boolean;
  /** A shutdown told the user to ask again: nothing more is sent. */
  abandoned: boolean;
  /** A deferral under way: a shutdown waits for it before it edits. */
  acking?: Promise<unknown>;
}

/** Turns an interaction away during a shutdown: autocomplete gets no choices, the rest a private "restarting". */
export async function turnAway(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) {
    await interaction.reply({
      content: RESTARTING,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
}

/** A short id that ties what a user is told to the log line about it. */
export function errorRef(): string {
  return randomBytes(4).toString('hex');
}

function loggable(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= LOGGED_VALUE_CHARS) return value;
  return `${value.slice(0, LOGGED_VALUE_CHARS)}… (${value.length} chars)`;
}

function loggableOptions(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, loggable(v)]));
}

/** The error for the log: what and where, never the request (its URL holds the interaction token). */
function describeError(err: unknown): unknown {
  if (!(err instanceof Error)) return String(err);
  const { code, status } = err as { code?: unknown; status?: unknown };
  return { type: err.name, message: err.message, code, status, stack: err.stack };
}

/** Discord's shape for one autocomplete choice; anything else would make it refuse the whole list. */
function choicesFor(option: OptionSpec, choices: readonly Choice[]): ApplicationCommandOptionChoiceData[] {
  const seen = new Set<string | number>();
  const valid: ApplicationCommandOptionChoiceData[] = [];
  for (const choice of choices) {
    if (valid.length >= MAX_CHOICES) break;
    const name = trimAtWord(String(choice.name).replace(/\s+/g, ' ').trim(), MAX_CHOICE_CHARS);
    const text = String(choice.value);
    const value = option.type === 'integer' ? Number(text) : text;
    const fits =
      typeof value === 'number'
        ? Number.isSafeInteger(value) && /^\s*-?\d+\s*$/.test(text)
        : value.length >= 1 && value.length <= MAX_CHOICE_CHARS;
    if (name === '' || !fits || seen.has(value)) continue;
    seen.add(value);
    valid.push({ name, value });
  }
  return valid;
}

/** Sends a message as the response the interaction is ready for: reply, edit of a deferral, or follow-up. */
async function send(interaction: RepliableInteraction, message: DiscordMessage): Promise<void> {
  const ephemeral = (message.flags & MessageFlags.Ephemeral) !== 0;
  const body = {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
  };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({
      ...body,
      ...(message.content !== undefined ? { content: message.content } : {}),
      flags: message.flags as MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds,
    });
    return;
  }
  const edit = {
    ...body,
    content: message.content ?? '',
    flags: message.flags & MessageFlags.SuppressEmbeds,
  };
  if (interaction.deferred && !interaction.replied) {
    if (!ephemeral || interaction.ephemeral) {
      await interaction.editReply(edit);
      return;
    }
    // The "thinking…" message of a public deferral can only become public, and
    // the first follow-up would edit it: settle it, follow up privately, remove it.
    await interaction.editReply({
      content: '…',
      embeds: [],
      components: [],
      allowedMentions: body.allowedMentions,
    });
    await interaction.followUp({ ...edit, flags: MessageFlags.Ephemeral | edit.flags });
    await interaction.deleteReply();
    return;
  }
  await interaction.followUp({ ...edit, flags: message.flags as MessageFlags.Ephemeral });
}

/**
 * Answers every interaction citebot gets: slash commands, autocomplete and its
 * buttons. It never throws: a failure is logged with a ref, and the user is told
 * that ref. Every interaction gets exactly one log line.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { logger } = options;
  const shown = options.shown ?? new ShownAnswers();
  const deferAfterMs = options.deferAfterMs ?? DEFER_AFTER_MS;
  const rest = options.rest ?? new RestWatch();
  const jobs = new Set<Job>();
  /** How long each command took last time, so that one known to be slow is deferred at once. */
  const lastRunMs = new Map<string, number>();
  /** Interactions being handled now: many at once is a burst, where each waits for the others' work. */
  let active = 0;

  /** Sends an interaction's final message (unless a shutdown has told the user to ask again). */
  async function final(job: Job, call: () => Promise<unknown>): Promise<void> {
    if (job.abandoned) return;
    job.finalStarted = true;
    await rest.track(call());
  }

  function deliver(job: Job, message: DiscordMessage): Promise<void> {
    return final(job, () => send(job.interaction as RepliableInteraction, message));
  }

  /** Runs a command, deferring the reply when it is (or is known to be) slow. */
  async function runOrDefer(
    job: Job,
    interaction: ChatInputCommandInteraction,
    context: CommandContext,
    raw: Record<string, string | number | boolean>,
    ephemeral: boolean,
    log: InteractionLog,
    arrived: number,
  ): Promise<RunResult> {
    const name = interaction.commandName;
    const defer = async () => {
      if (job.abandoned) return;
      log.deferred = true;
      job.acking = rest.ack(interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
      await job.acking;
      await rest.acksFirst();
    };
    // A command runs to its end once started, so in a burst the last ones would wait for all the
    // others: with several under way, acknowledge first (that also lets the others acknowledge).
    // While REST is rate limited or queueing, a reply sent after the work could wait past Discord's
    // 3 s in the queue: acknowledge first then too.
    if ((lastRunMs.get(name) ?? 0) > deferAfterMs || active > BUSY_AT || rest.strained) await defer();
    const command = context.commands.get(name)!;
    const started = performance.now();
    const work = runCommand(context, command, raw).finally(() => {
      lastRunMs.set(name, performance.now() - started);
    });
    if (interaction.deferred) return work;
    let timer: NodeJS.Timeout | undefined;
    // Counted from the interaction's arrival: the checks before the command took their time too.
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), Math.max(0, deferAfterMs - (performance.now() - arrived)));
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== 'late') return first;
    await defer();
    return work;
  }

  async function showAnswer(
    job: Job,
    answer: Answer,
    isPrivate: boolean,
    log: InteractionLog,
  ): Promise<void> {
    log.found = answer.found;
    log.citations = answer.citations.length;
    if (!answer.found) {
      log.outcome = 'not_found';
      await deliver(job, renderNotice(answer.answer));
      return;
    }
    log.outcome = 'answered';
    const key = shown.put(answer, job.interaction.user.id);
    await deliver(job, renderAnswer(answer, { key, private: isPrivate }));
  }

  async function onCommand(
    job: Job,
    interaction: ChatInputCommandInteraction,
    log: InteractionLog,
    arrived: number,
  ): Promise<void> {
    const context = options.context();
    log.command = interaction.commandName;
    const command = context.commands.get(interaction.commandName);
    const raw: Record<string, string | number | boolean> = {};
    // A command limited to a permission is for the server's staff: its replies are theirs alone.
    let isPrivate = command?.permission !== undefined;
    for (const option of interaction.options.data) {
      if (option.name === PRIVATE_OPTION && typeof option.value === 'boolean' && !isPrivate) {
        isPrivate = option.value;
      } else if (option.value !== undefined) raw[option.name] = option.value;
    }
    log.options = loggableOptions({ ...raw, ...(isPrivate ? { [PRIVATE_OPTION]: true } : {}) });

    if (!command) {
      log.outcome = 'unknown_command';
      const known = [...context.commands.keys()].sort().map((n) => `/${n}`);
      await deliver(
        job,
        renderNotice(
          `citebot has no /${interaction.commandName} command (it may be left over from an older version). ` +
            `Its commands: ${known.join(', ') || 'none'}.`,
        ),
      );
      return;
    }
    // Discord hides such a command from other members, but a stale client or a crafted request may still send it.
    if (command.permission && !interaction.memberPermissions?.has(PermissionFlagsBits[command.permission])) {
      log.outcome = 'forbidden';
      await deliver(
        job,
        renderNotice(
          `/${command.name} is for members with the ${PERMISSION_NAMES[command.permission]} permission` +
            `${interaction.inGuild() ? '' : ', in a server'}.`,
        ),
      );
      return;
    }
    const allowed = options.cooldown?.take(interaction.user.id) ?? { ok: true };
    if (!allowed.ok) {
      log.outcome = 'cooldown';
      const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
      await deliver(
        job,
        renderNotice(
          `One command at a time, please: you can run another in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        ),
      );
      return;
    }
    const result = await runOrDefer(job, interaction, context, raw, isPrivate, log, arrived);
    if ('error' in result) {
      log.outcome = 'bad_option';
      await deliver(job, renderNotice(result.error));
      return;
    }
    await showAnswer(job, result.answer, isPrivate, log);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, log: InteractionLog): Promise<void> {
    const context = options.context();
    log.command = interaction.commandName;
    const focused = interaction.options.getFocused(true);
    log.options = loggableOptions({ [focused.name]: focused.value });
    const option = context.commands
      .get(interaction.commandName)
      ?.options.find((o) => o.name === focused.name);
    // Discord sends what is typed as text; anything else (a crafted request) completes nothing.
    const value: unknown = focused.value;
    const typed =
      typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, MAX_TYPED_CHARS) : '';
    const choices = option?.autocomplete
      ? choicesFor(option, option.autocomplete(context.engine, typed))
      : [];
    log.outcome = 'choices';
    log.choices = choices.length;
    await rest.track(interaction.respond(choices));
  }

  async function onButton(job: Job, interaction: ButtonInteraction, log: InteractionLog): Promise<void> {
    log.customId = interaction.customId;
    const action = parseCustomId(interaction.customId);
    if (!action) {
      log.outcome = 'unknown_button';
      await deliver(
        job,
        renderNotice('This button is from an older version of citebot: run the command again.'),
      );
      return;
    }
    log.action = action.kind;
    if (action.kind === 'context') {
      log.command = 'source';
      log.options = loggableOptions({ file: action.file, line: action.line });
      await showAnswer(job, source(options.context().engine, action.file, action.line), true, log);
      return;
    }
    const entry = shown.get(action.key);
    if (!entry) {
      log.outcome = 'expired';
      await deliver(job, renderNotice('These results have expired: run the command again.'));
      return;
    }
    log.command = entry.answer.command;
    log.found = entry.answer.found;
    log.citations = entry.answer.citations.length;
    if (entry.userId !== interaction.user.id) {
      log.outcome = 'refused';
      const what = action.kind === 'page' ? 'turn these pages' : 'post this answer';
      await deliver(
        job,
        renderNotice(`Only the person who asked can ${what}. Run the command yourself to browse.`),
      );
      return;
    }
    if (action.kind === 'page') {
      log.outcome = 'paged';
      const isPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
      const page = renderAnswer(entry.answer, { key: action.key, page: action.page, private: isPrivate });
      await final(job, () =>
        interaction.update({
          content: '',
          embeds: page.embeds,
          components: page.components,
          allowedMentions: page.allowedMentions,
        }),
      );
      return;
    }
    if (entry.posted) {
      log.outcome = 'already_posted';
      await deliver(job, renderNotice('This answer is already posted in the channel.'));
      return;
    }
    entry.posted = true;
    log.outcome = 'posted';
    await deliver(job, renderAnswer(entry.answer, { key: action.key, page: action.page, private: false }));
  }

  async function tellError(job: Job, ref: string): Promise<void> {
    const { interaction } = job;
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    await deliver(
      job,
      renderNotice(
        `Something went wrong (ref ${ref}). Try again; if it keeps happening, tell the bot's owner the ref.`,
      ),
    );
  }

  /** Tells one waiting user that citebot is restarting, once any deferral under way is through. */
  async function tellRestarting(job: Job): Promise<void> {
    await job.acking?.catch(() => {});
    const { interaction } = job;
    if (!interaction.isRepliable()) return;
    if (interaction.deferred || interaction.replied) {
      await rest.track(
        interaction.editReply({
          content: RESTARTING,
          embeds: [],
          components: [],
          allowedMentions: NO_MENTIONS,
        }),
      );
    } else await rest.track(turnAway(interaction));
  }

  async function abandon(): Promise<number> {
    const told: Promise<void>[] = [];
    for (const job of jobs) {
      if (job.finalStarted || job.abandoned || !job.interaction.isRepliable()) continue;
      job.abandoned = true;
      told.push(tellRestarting(job));
    }
    await Promise.allSettled(told);
    return told.length;
  }

  async function handleInteraction(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const job: Job = { interaction, finalStarted: false, abandoned: false };
    jobs.add(job);
    active++;
    const log: InteractionLog = {
      kind: interaction.isChatInputCommand()
        ? 'command'
        : interaction.isAutocomplete()
          ? 'autocomplete'
          : interaction.isButton()
            ? 'button'
            : 'other',
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    try {
      if (interaction.isChatInputCommand()) await onCommand(job, interaction, log, started);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction, log);
      else if (interaction.isButton()) await onButton(job, interaction, log);
      else if (interaction.isRepliable()) {
        log.outcome = 'unsupported';
        await deliver(job, renderNotice('citebot does not handle this kind of interaction.'));
      }
    } catch (err) {
      log.ref = errorRef();
      log.outcome = 'error';
      log.err = describeError(err);
      try {
        await tellError(job, log.ref);
      } catch (replyErr) {
        // Past the deadline or already answered: the log line still carries the ref.
        log.err = { handler: log.err, reply: describeError(replyErr) };
      }
    } finally {
      active--;
      jobs.delete(job);
      if (job.abandoned) log.outcome = 'restarting';
      log.latencyMs = Number((performance.now() - started).toFixed(2));
      if (log.ref) logger.error(log, 'interaction failed');
      else logger.info(log, 'interaction');
    }
  }

  return Object.assign(handleInteraction, { abandon });
}
