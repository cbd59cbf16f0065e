/**
 * Discord's limits on a message body (see ../shared/DISCORD.md), checked
 * independently of src/render/discord.ts so that a test does not trust the
 * renderer's own numbers. Lengths are UTF-16 units, which is never less than
 * what Discord counts.
 */

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
  footer?: { text: string };
  author?: { name: string };
}

interface Button {
  type: number;
  custom_id?: string;
  label?: string;
}

export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: { type: number; components: Button[] }[];
}

/** Every limit a message body breaks, as readable lines; empty when it is within all of them. */
export function limitProblems(body: MessageBody): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what}: ${length} > ${max}`);
  };
  over('content', body.content?.length ?? 0, 2000);
  const embeds = body.embeds ?? [];
  over('embeds', embeds.length, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    over(`embed ${i} title`, embed.title?.length ?? 0, 256);
    over(`embed ${i} description`, embed.description?.length ?? 0, 4096);
    over(`embed ${i} fields`, embed.fields?.length ?? 0, 25);
    over(`embed ${i} footer`, embed.footer?.text.length ?? 0, 2048);
    over(`embed ${i} author`, embed.author?.name.length ?? 0, 256);
    for (const field of embed.fields ?? []) {
      over(`embed ${i} field name`, field.name.length, 256);
      over(`embed ${i} field value`, field.value.length, 1024);
      total += field.name.length + field.value.length;
    }
    total +=
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.author?.name.length ?? 0);
  });
  over('all embeds together', total, 6000);
  if ((body.content ?? '') === '' && embeds.length === 0) problems.push('the message is empty');
  const rows = body.components ?? [];
  over('action rows', rows.length, 5);
  const ids = new Set<string>();
  for (const row of rows) {
    over('buttons in a row', row.components.length, 5);
    if (row.components.length === 0) problems.push('an empty action row');
    for (const button of row.components) {
      const id = button.custom_id ?? '';
      if (id.length < 1 || id.length > 100)
        problems.push(`custom_id length ${id.length}: ${id.slice(0, 120)}`);
      if (ids.has(id)) problems.push(`custom_id used twice: ${id}`);
      ids.add(id);
      over('button label', button.label?.length ?? 0, 80);
    }
  }
  return problems;
}
