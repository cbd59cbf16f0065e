import { type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Command, Permission } from '../commands/contract.js';
import type { Cooldown } from './cooldown.js';
import type { ShownAnswer } from './shown.js';

/**
 * A check before an interaction runs: ok, or why not (the log's outcome and
 * what the user is told, privately). A refusal is a value, never an exception.
 */
export type Check = { ok: true } | { ok: false; outcome: string; message: string };

const OK: Check = { ok: true };

/** A permission as Discord's own settings name it. */
const PERMISSION_NAMES: Record<Permission, string> = { ManageGuild: 'Manage Server' };

/** The first refusal of the checks, run in order (a check with a side effect, the cooldown, goes last). */
export function firstRefusal(...checks: (() => Check)[]): Extract<Check, { ok: false }> | null {
  for (const check of checks) {
    const result = check();
    if (!result.ok) return result;
  }
  return null;
}

/**
 * A command limited to a permission is run only by members who have it.
 * Discord hides such a command from other members, but a stale client or a
 * crafted request may still send it.
 */
export function hasPermission(command: Command, interaction: Interaction): Check {
  const needed = command.permission;
  if (!needed || interaction.memberPermissions?.has(PermissionFlagsBits[needed])) return OK;
  return {
    ok: false,
    outcome: 'forbidden',
    message:
      `/${command.name} is for members with the ${PERMISSION_NAMES[needed]} permission` +
      `${interaction.inGuild() ? '' : ', in a server'}.`,
  };
}

/** One command per user per cooldown (in every process sharing the store); passing starts the user's next cooldown. */
export async function offCooldown(cooldown: Cooldown | undefined, userId: string): Promise<Check> {
  const allowed = (await cooldown?.take(userId)) ?? { ok: true };
  if (allowed.ok) return OK;
  const seconds = Math.max(1, Math.ceil(allowed.retryAfterMs / 1000));
  return {
    ok: false,
    outcome: 'cooldown',
    message: `One command at a time, please: you can run another in ${seconds} second${seconds === 1 ? '' : 's'}.`,
  };
}

/** Only the person who asked may page a shown answer or post it. */
export function isAsker(shown: ShownAnswer, userId: string, action: 'page' | 'post'): Check {
  if (shown.userId === userId) return OK;
  const what = action === 'page' ? 'turn these pages' : 'post this answer';
  return {
    ok: false,
    outcome: 'refused',
    message: `Only the person who asked can ${what}. Run the command yourself to browse.`,
  };
}
