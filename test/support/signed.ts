import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** An application key pair as Discord holds it: the public key as the 64 hex digits of the Developer Portal. */
export interface AppKeys {
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function appKeys(): AppKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  // The raw key is the last 32 bytes of its SPKI encoding.
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

export interface PostOptions {
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Signs with this key instead (a forger's). */
  signWith?: KeyObject;
  /** Sends these headers instead of the signature ones. */
  headers?: Record<string, string>;
  /** Sends this body instead of the one signed (a tampered request). */
  bodyInstead?: string;
}

export interface Posted {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, asserted on field by field
  json: () => any;
}

/** POSTs a body to an interactions endpoint, signed as Discord signs it: Ed25519 over timestamp + body. */
export async function postSigned(
  url: string,
  keys: AppKeys,
  body: string | Buffer,
  options: PostOptions = {},
): Promise<Posted> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const signature = sign(
    null,
    Buffer.concat([Buffer.from(timestamp), raw]),
    options.signWith ?? keys.privateKey,
  );
  const headers = options.headers ?? {
    'x-signature-ed25519': signature.toString('hex'),
    'x-signature-timestamp': timestamp,
  };
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: options.bodyInstead ?? raw,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}
