import { type Client, Events, type Interaction } from 'discord.js';

/**
 * discord.js builds an Interaction from a gateway payload in its
 * InteractionCreate action (`client.actions`, private in its typings); it is
 * the only builder that picks the right class for every kind and caches the
 * channel as the gateway path does. This file is the one place that reaches
 * for it, and `checkActions` says so at start-up if a discord.js upgrade
 * moves it.
 */
interface Actions {
  InteractionCreate: { handle(data: unknown): void };
}

function actionsOf(client: Client): Actions | undefined {
  return (client as unknown as { actions?: Actions }).actions;
}

/** Throws, saying what is missing, when discord.js no longer has the action this file uses. */
export function checkActions(client: Client): void {
  if (typeof actionsOf(client)?.InteractionCreate?.handle !== 'function') {
    throw new Error(
      'http/fromPayload: discord.js has no client.actions.InteractionCreate.handle; HTTP interactions need it (check the discord.js version)',
    );
  }
}

/** The discord.js Interaction for a raw payload, built as the gateway would; undefined for a kind discord.js skips. */
export function interactionFromPayload(client: Client, payload: unknown): Interaction | undefined {
  let built: Interaction | undefined;
  const take = (interaction: Interaction) => {
    built = interaction;
  };
  // The action emits the interaction synchronously; no other listener is on this client.
  client.on(Events.InteractionCreate, take);
  try {
    actionsOf(client)!.InteractionCreate.handle(payload);
  } finally {
    client.off(Events.InteractionCreate, take);
  }
  return built;
}
