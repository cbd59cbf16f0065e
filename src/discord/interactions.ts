import { performance } from 'node:perf_hooks';
import type { Interaction } from 'discord.js';
import type { CommandContext } from '../commands/contract.js';
import { type FeedbackStore, noFeedback } from '../feedback/store.js';
import type { Logger } from '../logger.js';
import { NO_MENTIONS } from '../render/discord.js';
import type { Store } from '../store/types.js';
import type { Cooldown } from './cooldown.js';
import { DEFER_AFTER_MS } from './deferral.js';
import { handleAutocomplete } from './handleAutocomplete.js';
import { handleCommand } from './handleCommand.js';
import { handleComponent } from './handleComponent.js';
import { handleMessageCommand } from './handleMessageCommand.js';
import { handleModal } from './handleModal.js';
import { describeError, errorRef, type InteractionLog } from './log.js';
import { type Handling, type Job, RESTARTING, tell, turnAway } from './reply.js';
import { RestWatch } from './restWatch.js';
import { ShownAnswers } from './shown.js';

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
  /** Where answers and votes are kept; nothing is kept when absent. */
  feedback?: () => FeedbackStore;
}

/**
 * What a transport (the gateway bot, HTTP interactions) is given for its
 * handlers: the handler's options but the REST watch, which the transport
 * makes itself, and the store of interactions already taken.
 */
export interface TransportHandlerOptions extends Omit<InteractionHandlerOptions, 'rest'> {
  /** Ids of interactions already taken, by this process or another sharing the store; default memory. */
  answered?: Store;
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

function kindOf(interaction: Interaction): InteractionLog['kind'] {
  if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) return 'command';
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  if (interaction.isModalSubmit()) return 'modal';
  return 'other';
}

/** Hands an interaction to the handler of its kind: one file each, src/discord/handle*.ts. */
async function dispatch(h: Handling, job: Job): Promise<void> {
  const { interaction } = job;
  if (interaction.isChatInputCommand()) await handleCommand(h, job, interaction);
  else if (interaction.isMessageContextMenuCommand()) await handleMessageCommand(h, job, interaction);
  else if (interaction.isAutocomplete()) await handleAutocomplete(h, job, interaction);
  else if (interaction.isButton()) await handleComponent(h, job, interaction);
  else if (interaction.isModalSubmit()) await handleModal(h, job, interaction);
  else if (interaction.isRepliable()) {
    await tell(h, job, 'unsupported', 'citebot does not handle this kind of interaction.');
  }
}

async function tellError(h: Handling, job: Job, ref: string): Promise<void> {
  const { interaction } = job;
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  await tell(
    h,
    job,
    'error',
    `Something went wrong (ref ${ref}). Try again; if it keeps happening, tell the bot's owner the ref.`,
  );
}

/** Tells one waiting user that citebot is restarting, once any deferral under way is through. */
async function tellRestarting(h: Handling, job: Job): Promise<void> {
  await job.acking?.catch(() => {});
  const { interaction } = job;
  if (!interaction.isRepliable()) return;
  if (interaction.deferred || interaction.replied) {
    await h.rest.track(
      interaction.editReply({
        content: RESTARTING,
        embeds: [],
        components: [],
        allowedMentions: NO_MENTIONS,
      }),
    );
  } else await h.rest.track(turnAway(interaction));
}

/**
 * Answers every interaction citebot gets: slash commands, autocomplete and its
 * buttons. It never throws: a failure is logged with a ref, and the user is told
 * that ref. Every interaction gets exactly one log line.
 */
export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { logger } = options;
  const none = noFeedback();
  const jobs = new Set<Job>();
  const h: Handling = {
    context: options.context,
    shown: options.shown ?? new ShownAnswers(),
    rest: options.rest ?? new RestWatch(),
    cooldown: options.cooldown,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    lastRunMs: new Map(),
    active: () => jobs.size,
    feedback: options.feedback ?? (() => none),
  };

  async function abandon(): Promise<number> {
    const told: Promise<void>[] = [];
    for (const job of jobs) {
      if (job.finalStarted || job.abandoned || !job.interaction.isRepliable()) continue;
      job.abandoned = true;
      told.push(tellRestarting(h, job));
    }
    await Promise.allSettled(told);
    return told.length;
  }

  async function handleInteraction(interaction: Interaction): Promise<void> {
    const arrived = performance.now();
    const log: InteractionLog = {
      kind: kindOf(interaction),
      userId: interaction.user.id,
      guildId: interaction.guildId,
    };
    const job: Job = { interaction, arrived, log, finalStarted: false, abandoned: false };
    jobs.add(job);
    try {
      await dispatch(h, job);
    } catch (err) {
      log.ref = errorRef();
      log.outcome = 'error';
      log.err = describeError(err);
      try {
        await tellError(h, job, log.ref);
      } catch (replyErr) {
        // Past the deadline or already answered: the log line still carries the ref.
        log.err = { handler: log.err, reply: describeError(replyErr) };
      }
    } finally {
      jobs.delete(job);
      if (job.abandoned) log.outcome = 'restarting';
      log.latencyMs = Number((performance.now() - arrived).toFixed(2));
      if (log.ref) logger.error(log, 'interaction failed');
      else logger.info(log, 'interaction');
    }
  }

  return Object.assign(handleInteraction, { abandon });
}
