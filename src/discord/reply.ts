import { randomBytes } from 'node:crypto';
import { type Interaction, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Answer } from '../answer/types.js';
import type { Attachment, CommandContext } from '../commands/contract.js';
import type { FeedbackStore } from '../feedback/store.js';
import { type DiscordMessage, NO_MENTIONS, renderAnswer, renderNotice } from '../render/discord.js';
import type { Cooldown } from './cooldown.js';
import type { InteractionLog } from './log.js';
import type { RestWatch } from './restWatch.js';
import type { ShownAnswers } from './shown.js';

/** What a user is told when citebot stops before it could answer them. */
export const RESTARTING = 'citebot is restarting: ask again in a moment.';

/** What every kind of handler shares, set up once per bot. */
export interface Handling {
  /** The commands and the engine, read at every interaction so that a reload can swap them at once. */
  context: () => CommandContext;
  shown: ShownAnswers;
  rest: RestWatch;
  cooldown: Cooldown | undefined;
  /** Defer a command still running after this many ms. */
  deferAfterMs: number;
  /** How long each command took last time, so that one known to be slow is deferred at once. */
  lastRunMs: Map<string, number>;
  /** Interactions being handled now: many at once is a burst, where each waits for the others' work. */
  active: () => number;
  /** Where answers shown and votes on them are kept (read at each use: it opens once the bot is up). */
  feedback: () => FeedbackStore;
}

/** One interaction being answered, as far as its handler and a shutdown need to know. */
export interface Job {
  interaction: Interaction;
  /** When it arrived (performance.now()): the deferral deadline counts from here. */
  arrived: number;
  log: InteractionLog;
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

/** Sends a message as the response the interaction is ready for: reply, edit of a deferral, or follow-up. */
async function send(interaction: RepliableInteraction, message: DiscordMessage): Promise<void> {
  const ephemeral = (message.flags & MessageFlags.Ephemeral) !== 0;
  const body = {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: message.allowedMentions,
    ...(message.files
      ? {
          files: message.files.map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
        }
      : {}),
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

/** Sends an interaction's final message (unless a shutdown has told the user to ask again). */
export async function final(h: Handling, job: Job, call: () => Promise<unknown>): Promise<void> {
  if (job.abandoned) return;
  job.finalStarted = true;
  await h.rest.track(call());
}

export function deliver(h: Handling, job: Job, message: DiscordMessage): Promise<void> {
  return final(h, job, () => send(job.interaction as RepliableInteraction, message));
}

/** A short private message, logged with its outcome. */
export function tell(h: Handling, job: Job, outcome: string, text: string): Promise<void> {
  job.log.outcome = outcome;
  return deliver(h, job, renderNotice(text));
}

/** The id of a shown answer in the feedback database, as its 👍 / 👎 buttons carry it. */
export function feedbackId(): string {
  return randomBytes(9).toString('base64url');
}

/**
 * An answer: "not found" as a short private notice, anything else as embeds its buttons can page,
 * with the command's files (the trade chart). Either way with 👍 / 👎, and kept in the feedback
 * database (a failed write is logged there, and the answer goes out all the same).
 */
export async function showAnswer(
  h: Handling,
  job: Job,
  answer: Answer,
  isPrivate: boolean,
  files: readonly Attachment[] = [],
): Promise<void> {
  job.log.found = answer.found;
  job.log.citations = answer.citations.length;
  const id = feedbackId();
  h.feedback().recordAnswer({
    id,
    command: answer.command,
    question: answer.query,
    found: answer.found,
    citations: answer.citations.map((c) => `${c.file}:${c.line}`),
    userId: job.interaction.user.id,
  });
  if (!answer.found) {
    job.log.outcome = 'not_found';
    await deliver(h, job, renderAnswer(answer, { feedbackId: id }));
    return;
  }
  job.log.outcome = 'answered';
  const key = await h.shown.put(answer, job.interaction.user.id, id);
  // The answer goes out without paging buttons: the log says why.
  if (key === null) job.log.store = 'unavailable: answer shown without paging';
  await deliver(h, job, renderAnswer(answer, { key, private: isPrivate, feedbackId: id, files }));
}
