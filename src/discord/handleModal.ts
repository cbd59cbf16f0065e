import type { ModalSubmitInteraction } from 'discord.js';
import { parseModalId } from '../render/customId.js';
import { REASON_FIELD } from '../render/discord.js';
import { type Handling, type Job, tell } from './reply.js';

/** A form sent back: the reason of a 👎, kept with the vote; the user is thanked whether or not it could be kept. */
export async function handleModal(h: Handling, job: Job, interaction: ModalSubmitInteraction): Promise<void> {
  job.log.customId = interaction.customId;
  const form = parseModalId(interaction.customId);
  if (!form) {
    await tell(
      h,
      job,
      'unknown_modal',
      'This form is from an older version of citebot: run the command again.',
    );
    return;
  }
  job.log.action = 'reason';
  let reason = '';
  try {
    reason = interaction.fields.getTextInputValue(REASON_FIELD);
  } catch {
    // A form without the field (an older form): the 👎 stands without a reason.
  }
  job.log.kept = h.feedback().vote(form.id, interaction.user.id, 'down', reason);
  await tell(
    h,
    job,
    'reason',
    reason.trim() === '' ? 'Thanks: your 👎 is noted.' : 'Thanks: your 👎 and its reason are noted.',
  );
}
