import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Choice, OptionSpec } from '../commands/contract.js';
import { trimAtWord } from '../render/discord.js';
import { loggableOptions } from './log.js';
import type { Handling, Job } from './reply.js';

/** Autocomplete: Discord shows at most 25 choices of 1-100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;
/** What an autocomplete function is given of a long typed value: no choice is longer. */
const MAX_TYPED_CHARS = 200;

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

/**
 * Choices for the option being typed, from the command's own autocomplete.
 * Autocomplete cannot be deferred and passes no check: it only reads the corpus.
 */
export async function handleAutocomplete(
  h: Handling,
  job: Job,
  interaction: AutocompleteInteraction,
): Promise<void> {
  const context = h.context();
  const { log } = job;
  log.command = interaction.commandName;
  const focused = interaction.options.getFocused(true);
  log.options = loggableOptions({ [focused.name]: focused.value });
  const option = context.commands.get(interaction.commandName)?.options.find((o) => o.name === focused.name);
  // Discord sends what is typed as text; anything else (a crafted request) completes nothing.
  const value: unknown = focused.value;
  const typed =
    typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, MAX_TYPED_CHARS) : '';
  const choices = option?.autocomplete ? choicesFor(option, option.autocomplete(context.engine, typed)) : [];
  log.outcome = 'choices';
  log.choices = choices.length;
  await h.rest.track(interaction.respond(choices));
}
