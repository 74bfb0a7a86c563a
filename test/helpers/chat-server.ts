import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the stand-in answers one chat request with. */
export type Script =
  | { reading: unknown; via?: 'json' | 'tool' }
  | { text: string }
  | { raw: string }
  | { status: number }
  | { delayMs: number; reply: Script };

export interface ChatRequest {
  messages: { role: string; content: string }[];
  structured: boolean;
}

/**
 * A stand-in OpenAI-compatible chat-completions endpoint on loopback. `respond` scripts each request: a structured
 * reading (as JSON content or as a tool call, whichever the request asks for), plain text, malformed content, an
 * HTTP error, or any of these after a delay. Every request is recorded.
 */
export async function chatServer(respond: (request: ChatRequest) => Script) {
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const parsed = JSON.parse(body) as {
        messages: ChatRequest['messages'];
        tools?: unknown;
        response_format?: unknown;
      };
      const request = { messages: parsed.messages, structured: Boolean(parsed.tools || parsed.response_format) };
      requests.push(request);
      const reply = (script: Script): void => {
        if ('delayMs' in script) {
          setTimeout(() => reply(script.reply), script.delayMs);
          return;
        }
        if ('status' in script) {
          res.statusCode = script.status;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ error: { message: `scripted ${script.status}`, type: 'server_error' } }));
          return;
        }
        const toolCall = 'reading' in script && (script.via === 'tool' || parsed.tools !== undefined);
        const content =
          'reading' in script ? JSON.stringify(script.reading) : 'text' in script ? script.text : script.raw;
        const message = toolCall
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'query', arguments: content } }],
            }
          : { role: 'assistant', content };
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion',
            created: 0,
            model: 'stand-in',
            choices: [{ index: 0, message, finish_reason: toolCall ? 'tool_calls' : 'stop' }],
            usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          }),
        );
      };
      reply(respond(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A corpus question the rule reader refuses (test t16) that a model reads as the 加氢站 target. */
export const PARAPHRASE = '氢燃料电池汽车加氢设施规划数量';

/** The reading a model gives PARAPHRASE: the fields of the typed query a model may fill. */
export const HYDROGEN_READING = {
  ask: 'value',
  subjects: ['加氢站'],
  units: [],
  places: [],
  years: [],
  comparison: null,
  aspects: [],
};
