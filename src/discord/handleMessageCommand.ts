import type { Message, MessageContextMenuCommandInteraction } from 'discord.js';
import { commandOfMessageCommand } from './commands.js';
import { runOrDefer } from './deferral.js';
import { loggableOptions } from './log.js';
import { offCooldown } from './preconditions.js';
import { type Handling, type Job, showAnswer, tell } from './reply.js';

/** What a message without text holds, for telling the user why there is nothing to check. */
function withoutText(message: Message): string {
  if (message.attachments.size > 0) return 'only an attachment or an image';
  if (message.embeds.length > 0) return 'only an embed';
  if (message.stickers.size > 0) return 'only a sticker';
  return 'no text';
}

/**
 * A message command (right-click a message → Apps → "Check sources"): runs the command declaring it
 * with the message's text as its first required text option. The reply is private, with Post to channel:
 * the person checking a message decides whether the channel sees the verdict.
 */
export async function handleMessageCommand(
  h: Handling,
  job: Job,
  interaction: MessageContextMenuCommandInteraction,
): Promise<void> {
  const context = h.context();
  const { log } = job;
  log.command = interaction.commandName;
  const command = commandOfMessageCommand(context.commands.values(), interaction.commandName);
  const option = command?.options.find((o) => o.required && o.type === 'string');
  if (!command || !option) {
    await tell(
      h,
      job,
      'unknown_command',
      `citebot has no "${interaction.commandName}" message command (it may be left over from an older version).`,
    );
    return;
  }
  const message = interaction.targetMessage;
  const text = message.content.trim();
  log.options = loggableOptions({ [option.name]: text, message: message.id });
  const refusal = await offCooldown(h.cooldown, interaction.user.id);
  if (!refusal.ok) {
    await tell(h, job, refusal.outcome, refusal.message);
    return;
  }
  if (text === '') {
    await tell(h, job, 'bad_option', `There is nothing to check: that message has ${withoutText(message)}.`);
    return;
  }
  const result = await runOrDefer(h, job, interaction, context, command, { [option.name]: text }, true);
  if ('error' in result) {
    await tell(h, job, 'bad_option', result.error);
    return;
  }
  await showAnswer(h, job, result.answer, true);
}
