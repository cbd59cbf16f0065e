import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import { type Command, MAX_OPTION_CHARS, type OptionSpec } from '../commands/contract.js';

/** The option the Discord layer adds to every command: reply privately (ephemeral). */
export const PRIVATE_OPTION = 'private';

/** Discord's own bound on integer option values (±2^53). */
const INTEGER_BOUND = Number.MAX_SAFE_INTEGER;

/** A command that cannot be registered on Discord as declared. */
export class CommandShapeError extends Error {
  override name = 'CommandShapeError';
}

function optionJson(option: OptionSpec): APIApplicationCommandBasicOption {
  const base = {
    name: option.name,
    description: option.description,
    required: option.required === true,
  };
  switch (option.type) {
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        // Discord's client then refuses a longer value before it is sent.
        max_length: option.maxLength ?? MAX_OPTION_CHARS,
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: Math.max(option.min, -INTEGER_BOUND) } : {}),
        ...(option.max !== undefined ? { max_value: Math.min(option.max, INTEGER_BOUND) } : {}),
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
  }
}

/**
 * Whether the Discord layer adds the `private` option to a command: when it has
 * room for it, and the command does not always reply privately anyway (one
 * limited to a permission does).
 */
export function hasPrivateOption(command: Command): boolean {
  return command.options.length < 25 && command.permission === undefined;
}

/**
 * The slash command JSON of every command, as `npm run deploy` registers it:
 * the command's own options, typed and bounded, then `private`. A command that
 * declares `private` itself would clash with it: that is refused, naming the
 * command, since a half-registered command set would be worse.
 */
export function toDiscordCommands(
  commands: Iterable<Command>,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  for (const command of commands) {
    if (command.options.some((o) => o.name === PRIVATE_OPTION)) {
      throw new CommandShapeError(
        `discord: the command "${command.name}" declares an option "${PRIVATE_OPTION}", which the Discord layer adds to every command; rename it`,
      );
    }
    const options = command.options.map(optionJson);
    if (hasPrivateOption(command)) {
      options.push({
        name: PRIVATE_OPTION,
        description: 'Only you see the reply (default: false)',
        type: ApplicationCommandOptionType.Boolean,
        required: false,
      });
    }
    json.push({
      name: command.name,
      description: command.description,
      type: ApplicationCommandType.ChatInput,
      options,
      // Discord shows such a command only to members with the permission, in
      // servers only: a DM has no member permissions to check.
      ...(command.permission
        ? {
            default_member_permissions: String(PermissionFlagsBits[command.permission]),
            contexts: [InteractionContextType.Guild],
          }
        : {}),
    });
  }
  return json;
}

/**
 * The message commands (right-click a message → Apps) that commands declare, registered beside the
 * slash commands: a name only, since Discord refuses a description or options on them.
 */
export function toMessageCommands(
  commands: Iterable<Command>,
): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  const json: RESTPostAPIContextMenuApplicationCommandsJSONBody[] = [];
  for (const command of commands) {
    if (command.messageCommand)
      json.push({ name: command.messageCommand, type: ApplicationCommandType.Message });
  }
  return json;
}

/** The command a message command runs, by the message command's name. */
export function commandOfMessageCommand(commands: Iterable<Command>, name: string): Command | undefined {
  for (const command of commands) if (command.messageCommand === name) return command;
  return undefined;
}
