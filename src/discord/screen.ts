import {
  type Client,
  GatewayDispatchEvents,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
} from 'discord.js';
import type { Logger } from '../logger.js';

// biome-ignore lint/suspicious/noExplicitAny: a raw gateway payload, checked field by field
type Payload = any;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a list of options (and their sub-options), in words for the user; null when nothing. */
function optionsProblem(options: unknown): string | null {
  if (options === undefined) return null;
  if (!Array.isArray(options)) return 'its options are not a list';
  for (const option of options) {
    if (!isObject(option) || typeof option.name !== 'string') return 'one of its options has no name';
    const nested = 'options' in option ? optionsProblem(option.options) : null;
    if (nested) return nested;
  }
  return null;
}

/**
 * What is wrong with an INTERACTION_CREATE payload that would make
 * discord.js throw before citebot's handler sees it (and leave the user with
 * no reply); null when nothing is.
 */
export function payloadProblem(d: Payload): string | null {
  if (!isObject(d)) return 'it is not an object';
  const member = d.member;
  const user = isObject(member) ? member.user : d.user;
  if (!isObject(user) || typeof user.id !== 'string') return 'it names no user';
  if (d.data !== undefined && !isObject(d.data)) return 'its data is not an object';
  return optionsProblem(d.data?.options);
}

/** The private error a payload discord.js cannot read gets (no choices, for autocomplete). */
export function malformedReply(type: unknown, problem: string): Record<string, unknown> {
  return type === InteractionType.ApplicationCommandAutocomplete
    ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
    : {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: {
          content: `citebot could not read this interaction: ${problem}. Run the command again; if this keeps happening, tell the bot's owner.`,
          flags: MessageFlags.Ephemeral,
          allowed_mentions: { parse: [] },
        },
      };
}

/**
 * Screens interactions as they come off the gateway, before discord.js builds
 * them: a payload discord.js would fail on gets a clear private error,
 * straight through REST, and discord.js is then told to skip it: the gateway event is seen
 * here first (`client.ws` emits each dispatch before discord.js handles it),
 * and an interaction type it does not know is one it ignores.
 */
export function screenInteractions(client: Client, logger: Logger): void {
  const skip = (d: Payload) => {
    d.type = 0;
  };
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (d: Payload) => {
    try {
      const id = isObject(d) && typeof d.id === 'string' ? d.id : undefined;
      const problem = payloadProblem(d);
      if (problem === null) return;
      const type = isObject(d) ? d.type : undefined;
      if (isObject(d)) skip(d);
      logger.warn({ kind: 'other', outcome: 'malformed', problem, interactionId: id }, 'interaction');
      const token = isObject(d) ? d.token : undefined;
      if (id === undefined || typeof token !== 'string') return;
      const body = malformedReply(type, problem);
      client.rest
        .post(Routes.interactionCallback(id, token), { body, auth: false })
        .catch((err: unknown) =>
          logger.warn(
            { interactionId: id, err: (err as Error).message },
            'could not tell about a malformed interaction',
          ),
        );
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'screening an interaction failed');
    }
  });
}
