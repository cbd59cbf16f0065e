import { InteractionResponseType, MessageFlags, type REST, type RESTOptions, Routes } from 'discord.js';

/** The first response to an interaction, as the answer to Discord's POST. */
export interface FirstResponse {
  /** JSON text of the interaction callback. */
  json: string;
}

/** One interaction whose POST is waiting for its answer. */
interface Waiting {
  applicationId: string;
  token: string;
  respond: (response: FirstResponse) => void;
  /** The callback type the POST was answered with, once answered. */
  answeredWith: InteractionResponseType | null;
}

/** What came after the POST was answered by the safety net, and what it becomes. */
type Late = { route: 'edit' | 'followUp'; data: Record<string, unknown> } | null;

// biome-ignore lint/suspicious/noExplicitAny: an interaction callback body, read field by field
type Callback = { type: InteractionResponseType; data?: any };

const CALLBACK_PATH = /\/interactions\/(\d+)\/([^/]+)\/callback(?:\?|$)/;

/** A response discord.js reads as Discord's 204 to a callback. */
function noContent(): Response {
  return new Response(null, { status: 204 });
}

/**
 * What a callback sent after the POST was already answered (by a deferral of
 * the safety net) has to become: a message for a deferred command edits the
 * "thinking…" message, one for a deferred button is a follow-up, an update
 * edits the button's message. Anything else has nothing left to do.
 */
function lateRoute(first: InteractionResponseType, callback: Callback): Late {
  const data = (callback.data ?? {}) as Record<string, unknown>;
  if (callback.type === InteractionResponseType.ChannelMessageWithSource) {
    return first === InteractionResponseType.DeferredMessageUpdate
      ? { route: 'followUp', data }
      : { route: 'edit', data };
  }
  if (callback.type === InteractionResponseType.UpdateMessage) return { route: 'edit', data };
  return null;
}

/**
 * HTTP interactions are answered in the response to Discord's POST, but
 * citebot's handlers answer through discord.js, which sends every interaction
 * callback over REST. The responder sits in discord.js's REST request function:
 * a callback for an interaction whose POST is waiting becomes that POST's
 * answer (and discord.js gets the 204 Discord would have given); everything
 * else (edits, follow-ups) goes on to Discord's REST as usual. A callback with
 * files cannot be a POST's answer: the POST gets a deferral and the message,
 * files and all, edits it.
 */
export class Responder {
  readonly #waiting = new Map<string, Waiting>();
  #rest: REST | null = null;

  /** The REST client edits and follow-ups go through (the client's own). */
  useRest(rest: REST): void {
    this.#rest = rest;
  }

  /**
   * Waits for the first response to an interaction; `respond` gets it once.
   * Returns a function to call when the POST is answered otherwise (the safety
   * net), with the callback type it was answered with.
   */
  expect(
    id: string,
    applicationId: string,
    token: string,
    respond: (response: FirstResponse) => void,
  ): { answeredBy: (type: InteractionResponseType) => void; done: () => void } {
    const waiting: Waiting = { applicationId, token, respond, answeredWith: null };
    this.#waiting.set(id, waiting);
    return {
      answeredBy: (type) => {
        waiting.answeredWith = type;
      },
      done: () => this.#waiting.delete(id),
    };
  }

  /** Wraps discord.js's request function. */
  makeRequest(next: RESTOptions['makeRequest']): RESTOptions['makeRequest'] {
    return async (url, init) => {
      const match = init.method === 'POST' ? CALLBACK_PATH.exec(url) : null;
      const waiting = match ? this.#waiting.get(match[1]!) : undefined;
      if (!match || !waiting || waiting.token !== decodeURIComponent(match[2]!)) return next(url, init);
      if (waiting.answeredWith !== null) {
        await this.#late(waiting, await callbackOf(init.body));
        return noContent();
      }
      if (typeof init.body === 'string') {
        waiting.answeredWith = (JSON.parse(init.body) as Callback).type;
        waiting.respond({ json: init.body });
        return noContent();
      }
      await this.#withFiles(waiting, init.body as FormData);
      return noContent();
    };
  }

  /** A message with files: the POST gets a deferral (private if the message is), then the message edits it. */
  async #withFiles(waiting: Waiting, form: FormData): Promise<void> {
    const callback = await callbackOf(form);
    const ephemeral = ((callback.data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    const deferral = {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    };
    waiting.answeredWith = deferral.type;
    waiting.respond({ json: JSON.stringify(deferral) });
    await this.#send(waiting, { route: 'edit', data: callback.data ?? {} }, form);
  }

  async #late(waiting: Waiting, callback: Callback): Promise<void> {
    const late = lateRoute(waiting.answeredWith!, callback);
    if (late) await this.#send(waiting, late);
  }

  async #send(waiting: Waiting, late: NonNullable<Late>, form?: FormData): Promise<void> {
    const rest = this.#rest;
    if (!rest) throw new Error('http/responder: useRest() was not called');
    const files = form ? await filesOf(form) : [];
    const options = { body: late.data, auth: false, ...(files.length ? { files } : {}) };
    if (late.route === 'edit') {
      await rest.patch(Routes.webhookMessage(waiting.applicationId, waiting.token, '@original'), options);
    } else {
      await rest.post(Routes.webhook(waiting.applicationId, waiting.token), options);
    }
  }
}

/** The callback a request body carries: JSON, or the `payload_json` part of a multipart body. */
async function callbackOf(body: unknown): Promise<Callback> {
  if (typeof body === 'string') return JSON.parse(body) as Callback;
  const payload = (body as FormData).get('payload_json');
  return JSON.parse(typeof payload === 'string' ? payload : '{}') as Callback;
}

/** The file parts of a multipart body, as @discordjs/rest takes files. */
async function filesOf(form: FormData): Promise<{ name: string; data: Buffer; contentType: string }[]> {
  const files: { name: string; data: Buffer; contentType: string }[] = [];
  for (const [, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()), contentType: value.type });
  }
  return files;
}
