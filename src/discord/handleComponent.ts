import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { Attachment } from '../commands/contract.js';
import { runCommand } from '../commands/run.js';
import { type ButtonAction, parseCustomId } from '../render/customId.js';
import { renderAnswer, renderNotice, renderReasonModal } from '../render/discord.js';
import { loggableOptions } from './log.js';
import { firstRefusal, hasPermission, isAsker } from './preconditions.js';
import { deliver, final, type Handling, type Job, showAnswer, tell } from './reply.js';
import type { ShownAnswer } from './shown.js';

/**
 * The command a context button runs: "Show context" is `/source file line`,
 * privately, so it gets that command's option checks. Buttons are not
 * commands a user typed: they pass no cooldown.
 */
const CONTEXT_COMMAND = 'source';

/** A button this version cannot run: its id, or the command it needs, is gone. */
const OLD_BUTTON = 'This button is from an older version of citebot: run the command again.';

/** What a page or post button says while the shared store (Redis) cannot be reached. */
export const PAGING_UNAVAILABLE =
  'Paging is unavailable right now (citebot cannot reach its shared store): run the command again to see the answer anew.';

type Action<K extends ButtonAction['kind']> = Extract<ButtonAction, { kind: K }>;

/** Show context: the paragraph around a cited line, through the /source command. */
async function showContext(h: Handling, job: Job, action: Action<'context'>): Promise<void> {
  const context = h.context();
  const { log } = job;
  log.command = CONTEXT_COMMAND;
  const raw = { file: action.file, line: action.line };
  log.options = loggableOptions(raw);
  const command = context.commands.get(CONTEXT_COMMAND);
  if (!command) {
    await tell(h, job, 'unknown_button', OLD_BUTTON);
    return;
  }
  const refusal = firstRefusal(() => hasPermission(command, job.interaction));
  if (refusal) {
    await tell(h, job, refusal.outcome, refusal.message);
    return;
  }
  const result = await runCommand(context, command, raw);
  if ('error' in result) {
    await tell(h, job, 'bad_option', result.error);
    return;
  }
  await showAnswer(h, job, result.answer, true);
}

/** Prev / Next and Post to channel, on an answer still on show, by the person who asked. */
async function onShown(
  h: Handling,
  job: Job,
  interaction: ButtonInteraction,
  action: Action<'page' | 'post'>,
): Promise<void> {
  const { log } = job;
  const found = await h.shown.get(action.key);
  if (!found.ok) {
    if (found.why === 'expired') {
      await tell(h, job, 'expired', 'These results have expired: run the command again.');
      return;
    }
    log.store = found.detail;
    await tell(h, job, 'store_unavailable', PAGING_UNAVAILABLE);
    return;
  }
  const entry = found.shown;
  log.command = entry.answer.command;
  log.found = entry.answer.found;
  log.citations = entry.answer.citations.length;
  const refusal = firstRefusal(() => isAsker(entry, interaction.user.id, action.kind));
  if (refusal) {
    await tell(h, job, refusal.outcome, refusal.message);
    return;
  }
  if (action.kind === 'page') {
    log.outcome = 'paged';
    const isPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
    // The chart stays on the message (an edit keeps its files): the new page shows the same image.
    const page = renderAnswer(entry.answer, {
      key: action.key,
      page: action.page,
      private: isPrivate,
      feedbackId: entry.feedbackId ?? null,
      image: interaction.message.embeds[0]?.image?.url ?? null,
    });
    await final(h, job, () =>
      interaction.update({
        content: '',
        embeds: page.embeds,
        components: page.components,
        allowedMentions: page.allowedMentions,
      }),
    );
    return;
  }
  if (!(await h.shown.claimPost(action.key))) {
    await tell(h, job, 'already_posted', 'This answer is already posted in the channel.');
    return;
  }
  log.outcome = 'posted';
  const files = await filesOf(h, job, entry.answer);
  await deliver(
    h,
    job,
    renderAnswer(entry.answer, {
      key: action.key,
      page: action.page,
      private: false,
      feedbackId: entry.feedbackId ?? null,
      files,
    }),
  );
}

/** The files of an answer's command (the chart), made again for a new message; none when they fail. */
async function filesOf(h: Handling, job: Job, answer: ShownAnswer['answer']): Promise<Attachment[]> {
  const command = h.context().commands.get(answer.command);
  if (!command?.files) return [];
  try {
    return await command.files(answer);
  } catch (err) {
    job.log.filesError = (err as Error).message;
    return [];
  }
}

/**
 * 👍 / 👎 on an answer, by anyone who sees it. The vote is kept at once (a 👎 without a reason
 * is a vote too); a 👎 then opens the reason form. When the vote cannot be kept, the user is
 * thanked all the same: the warning is the operator's, in the log.
 */
async function onVote(h: Handling, job: Job, interaction: ButtonInteraction, action: Action<'vote'>) {
  job.log.outcome = action.vote === 'up' ? 'voted_up' : 'voted_down';
  job.log.kept = h.feedback().vote(action.id, interaction.user.id, action.vote);
  if (action.vote === 'down') {
    await final(h, job, () => interaction.showModal(renderReasonModal(action.id)));
    return;
  }
  await deliver(h, job, renderNotice('Thanks for the feedback.'));
}

/** A button: parse its custom id, then run what it says. */
export async function handleComponent(h: Handling, job: Job, interaction: ButtonInteraction): Promise<void> {
  job.log.customId = interaction.customId;
  const action = parseCustomId(interaction.customId);
  if (!action) {
    await tell(h, job, 'unknown_button', OLD_BUTTON);
    return;
  }
  job.log.action = action.kind;
  if (action.kind === 'context') await showContext(h, job, action);
  else if (action.kind === 'vote') await onVote(h, job, interaction, action);
  else await onShown(h, job, interaction, action);
}
