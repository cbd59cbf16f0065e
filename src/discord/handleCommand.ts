import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';
import { PRIVATE_OPTION } from './commands.js';
import { runOrDefer } from './deferral.js';
import { loggableOptions } from './log.js';
import { firstRefusal, hasPermission, offCooldown } from './preconditions.js';
import { type Handling, type Job, showAnswer, tell } from './reply.js';

/** A slash command: read its options, check who may run it now, run it (deferring if slow), answer. */
export async function handleCommand(
  h: Handling,
  job: Job,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  let context = h.context();
  const { log } = job;
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
    const known = [...context.commands.keys()].sort().map((n) => `/${n}`);
    await tell(
      h,
      job,
      'unknown_command',
      `citebot has no /${interaction.commandName} command (it may be left over from an older version). ` +
        `Its commands: ${known.join(', ') || 'none'}.`,
    );
    return;
  }
  // The cooldown goes last, and only when the rest pass: taking it starts the user's next one.
  let refusal = firstRefusal(() => hasPermission(command, interaction));
  if (!refusal) {
    const cooled = await offCooldown(h.cooldown, interaction.user.id);
    if (!cooled.ok) refusal = cooled;
  }
  if (refusal) {
    await tell(h, job, refusal.outcome, refusal.message);
    return;
  }
  // What users said of the answers is the staff's to read, privately.
  if (command.feedbackSummary && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    isPrivate = true;
    context = { ...context, feedback: () => h.feedback().summary() };
  }
  const result = await runOrDefer(h, job, interaction, context, command, raw, isPrivate);
  if ('error' in result) {
    await tell(h, job, 'bad_option', result.error);
    return;
  }
  if (result.filesError) log.filesError = result.filesError;
  await showAnswer(h, job, result.answer, isPrivate, result.files);
}
