import { randomBytes } from 'node:crypto';
import type { FakeDiscord } from './fakeDiscord.js';
import { snowflake } from './fakeDiscord.js';

/**
 * INTERACTION_CREATE payloads as Discord sends them, with the fields
 * discord.js 14.28 needs (see ../shared/DISCORD.md).
 */

export interface Who {
  id: string;
  username: string;
  /** The member's permissions in the channel, as Discord sends them: a decimal bit field. */
  permissions?: string;
}

/** Discord's MANAGE_GUILD ("Manage Server") permission bit. */
export const MANAGE_GUILD = 1n << 5n;

export const ALICE: Who = { id: '300000000000000001', username: 'alice' };
export const BOB: Who = { id: '300000000000000002', username: 'bob' };
/** A member with Manage Server. */
export const ADMIN: Who = { id: '300000000000000003', username: 'admin', permissions: String(MANAGE_GUILD) };
export const GUILD_ID = '400000000000000001';
const CHANNEL_ID = '500000000000000001';

export type OptionValue = string | number | boolean;

export interface Interaction {
  id: string;
  token: string;
  [field: string]: unknown;
}

// Discord's option types: STRING 3, INTEGER 4, BOOLEAN 5.
function optionType(value: OptionValue): number {
  return typeof value === 'string' ? 3 : typeof value === 'number' ? 4 : 5;
}

function base(fake: FakeDiscord, type: number, data: unknown, who: Who): Interaction {
  return {
    id: snowflake(),
    application_id: fake.applicationId,
    type,
    token: `itoken-${randomBytes(12).toString('hex')}`,
    version: 1,
    data,
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0 },
    member: {
      user: {
        id: who.id,
        username: who.username,
        discriminator: '0',
        global_name: who.username,
        avatar: null,
      },
      roles: [],
      permissions: who.permissions ?? '0',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

/** A slash command: `/name option:value …`. */
export function chatInput(
  fake: FakeDiscord,
  name: string,
  options: Record<string, OptionValue> = {},
  who: Who = ALICE,
): Interaction {
  return base(
    fake,
    2,
    {
      id: snowflake(),
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: Object.entries(options).map(([n, value]) => ({ name: n, type: optionType(value), value })),
    },
    who,
  );
}

/** Autocomplete while the user types `focused` (always sent as text, as Discord does). */
export function autocomplete(
  fake: FakeDiscord,
  name: string,
  focused: { name: string; value: string },
  others: Record<string, OptionValue> = {},
  who: Who = ALICE,
): Interaction {
  return base(
    fake,
    4,
    {
      id: snowflake(),
      name,
      type: 1,
      guild_id: GUILD_ID,
      options: [
        ...Object.entries(others).map(([n, value]) => ({ name: n, type: optionType(value), value })),
        { name: focused.name, type: 3, value: focused.value, focused: true },
      ],
    },
    who,
  );
}

/** The message a reply created, as Discord would attach it to a button press on it. */
export interface ShownMessage {
  embeds?: unknown[];
  components?: unknown[];
  content?: string;
  flags?: number;
}

/** A click on a button with `customId` of `message`. */
export function button(
  fake: FakeDiscord,
  customId: string,
  message: ShownMessage,
  who: Who = ALICE,
): Interaction {
  return {
    ...base(fake, 3, { custom_id: customId, component_type: 2 }, who),
    message: fake.messageObject({ ...message }, { type: 20, channel_id: CHANNEL_ID }),
  };
}

/** A form sent back (MODAL_SUBMIT): `fields` are the text inputs' custom ids and values. */
export function modalSubmit(
  fake: FakeDiscord,
  customId: string,
  fields: Record<string, string>,
  who: Who = ALICE,
): Interaction {
  return base(
    fake,
    5,
    {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
    who,
  );
}

/** The custom ids of the buttons in a message body's components. */
export function customIds(body: { components?: { components: { custom_id?: string }[] }[] }): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

/** What a message the user right-clicks holds. */
export interface TargetMessage {
  content?: string;
  attachments?: unknown[];
  embeds?: unknown[];
}

/**
 * A message command (right-click a message → Apps → `name`), as Discord sends it: an application
 * command of type 3 with the message in `resolved.messages`, keyed by `target_id`.
 */
export function messageCommand(
  fake: FakeDiscord,
  name: string,
  target: TargetMessage,
  who: Who = ALICE,
): Interaction {
  const message = fake.messageObject(
    { content: target.content ?? '', embeds: target.embeds ?? [] },
    {
      channel_id: CHANNEL_ID,
      author: {
        id: BOB.id,
        username: BOB.username,
        discriminator: '0',
        global_name: BOB.username,
        avatar: null,
      },
      attachments: target.attachments ?? [],
    },
  );
  return base(
    fake,
    2,
    {
      id: snowflake(),
      name,
      type: 3,
      guild_id: GUILD_ID,
      target_id: message.id,
      resolved: { messages: { [String(message.id)]: message } },
    },
    who,
  );
}
