import { performance } from 'node:perf_hooks';
import { type CommandInteraction, MessageFlags } from 'discord.js';
import type { Command, CommandContext, RawValues } from '../commands/contract.js';
import { type RunResult, runCommand } from '../commands/run.js';
import type { Handling, Job } from './reply.js';

/** Discord allows 3 s for the first response; a command still running after this is deferred. */
export const DEFER_AFTER_MS = 1500;
/** More interactions than this under way at once: a new command acknowledges before it works. */
export const BUSY_AT = 4;

/**
 * Whether to acknowledge before the work. A command runs to its end once
 * started, so in a burst the last ones would wait for all the others: with
 * several under way, acknowledge first (that also lets the others
 * acknowledge). While REST is rate limited or queueing, a reply sent after
 * the work could wait past Discord's 3 s in the queue: acknowledge first then
 * too. And a command that was slow last time will be again.
 */
function deferAtOnce(h: Handling, name: string): boolean {
  return (h.lastRunMs.get(name) ?? 0) > h.deferAfterMs || h.active() > BUSY_AT || h.rest.strained;
}

/** Runs a command, deferring the reply when it is (or is known to be) slow. */
export async function runOrDefer(
  h: Handling,
  job: Job,
  interaction: CommandInteraction,
  context: CommandContext,
  command: Command,
  raw: RawValues,
  ephemeral: boolean,
): Promise<RunResult> {
  const defer = async () => {
    if (job.abandoned) return;
    job.log.deferred = true;
    job.acking = h.rest.ack(interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}));
    await job.acking;
    await h.rest.acksFirst();
  };
  if (deferAtOnce(h, command.name)) await defer();
  const started = performance.now();
  // The files (the trade chart) are made inside the deferral's cover too.
  const work = runCommand(context, command, raw, { files: true }).finally(() => {
    h.lastRunMs.set(command.name, performance.now() - started);
  });
  if (interaction.deferred) return work;
  let timer: NodeJS.Timeout | undefined;
  // Counted from the interaction's arrival: the checks before the command took their time too.
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(
      () => resolve('late'),
      Math.max(0, h.deferAfterMs - (performance.now() - job.arrived)),
    );
  });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== 'late') return first;
  await defer();
  return work;
}
