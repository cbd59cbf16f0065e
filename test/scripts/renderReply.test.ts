import { describe, expect, it } from 'vitest';
import { escapeXml, messageSvg, QUESTION, rasterise, replyTo, WIDTH } from '../../scripts/render-reply.js';
import type { DiscordMessage } from '../../src/render/discord.js';

/** A message with fields (renderAnswer writes none today), to check that they are drawn. */
const withFields: DiscordMessage = {
  embeds: [
    {
      title: 'Quarterly <grain> & "oil" figures',
      description: 'The **Verlandia** ministry reported [a rise](https://example.org/a) of 12 per cent.',
      color: 0x3b82f6,
      fields: [
        { name: 'Exports', value: '$4.2B in 2031' },
        { name: 'Imports', value: '$1.9B in 2031' },
      ],
      footer: { text: '3 sentences matched' },
    },
  ],
  components: [],
  flags: 0,
  allowedMentions: { parse: [] },
};

describe('scripts/render-reply', () => {
  it('draws the title and each field name, XML-escaped', () => {
    const svg = messageSvg(withFields);
    expect(svg).toContain(escapeXml('Quarterly <grain> & "oil" figures'));
    expect(svg).not.toContain('<grain>');
    for (const name of ['Exports', 'Imports', '$4.2B in 2031']) expect(svg).toContain(name);
    expect(svg).toContain('Verlandia');
    expect(svg).not.toContain('**');
  });

  it('draws the real reply to the README question as a PNG about 1000 px wide', async () => {
    const message = await replyTo(QUESTION);
    const embed = message.embeds[0]!;
    const svg = messageSvg(message);
    expect(svg).toContain(escapeXml(embed.title!));
    expect(svg).toContain(escapeXml(embed.footer!.text));
    for (const field of embed.fields ?? []) expect(svg).toContain(escapeXml(field.name));
    expect(svg).toContain('Show context [1]');

    const png = await rasterise(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(WIDTH);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
  });
});
