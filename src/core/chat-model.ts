import type { ChatOpenAI } from '@langchain/openai';

/** A chat model the organisation runs behind an OpenAI-compatible endpoint (vLLM, Ollama): chosen in `.env`. */
export interface LlmSpec {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** The budget of all model calls for one question, in milliseconds. */
  timeoutMs: number;
  /** Whether the model rewrites the extractive answer into one paragraph (kept only when grounded). */
  phrasing: boolean;
  /**
   * When both readers succeed and disagree: `support` follows the reading the policy answers better (the rules win
   * ties); `model` always follows the model, so `eval --compare` can score the model reader on its own.
   */
  prefer?: 'support' | 'model';
}

/** What the model did, counted per bot: failures and rejections are also logged, one line each. */
export interface ModelUsage {
  reads: number;
  /** Reads that failed (timeout, HTTP error, malformed or invalid output), by reason: the rule reader answered. */
  readFailures: Record<string, number>;
  /** Questions where the readers disagreed, and how many of those followed the model. */
  disagreements: number;
  followedModel: number;
  rewrites: number;
  /** Rewrites dropped for stating something the cited quotes and the document's facts do not hold. */
  rewritesRejected: number;
  rewriteFailures: Record<string, number>;
}

/** A configured model with its counters and log: what the answering engine is given. */
export interface LanguageModel {
  spec: LlmSpec;
  chat(): Promise<ChatOpenAI>;
  usage: ModelUsage;
  log(line: string): void;
}

export function languageModel(spec: LlmSpec, log: (line: string) => void = stderrLog): LanguageModel {
  let client: Promise<ChatOpenAI> | undefined;
  return {
    spec,
    // Loaded only when configured, so the default install never touches the OpenAI client.
    chat: () => {
      client ??= import('@langchain/openai').then(
        ({ ChatOpenAI }) =>
          new ChatOpenAI({
            model: spec.model,
            apiKey: spec.apiKey ?? 'unused',
            configuration: { baseURL: spec.baseUrl },
            temperature: 0,
            // The budget is the retry policy: a 429 or 500 falls back to the rules at once rather than waiting.
            maxRetries: 0,
            timeout: spec.timeoutMs,
          }),
      );
      return client;
    },
    usage: {
      reads: 0,
      readFailures: {},
      disagreements: 0,
      followedModel: 0,
      rewrites: 0,
      rewritesRejected: 0,
      rewriteFailures: {},
    },
    log,
  };
}

function stderrLog(line: string): void {
  process.stderr.write(`policybot model: ${line}\n`);
}

/** A few words for why a model call failed, for the counters and the log. */
export function failureReason(error: unknown): string {
  const e = error as { name?: string; status?: number; message?: string };
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || /timed? ?out|aborted/i.test(e?.message ?? ''))
    return 'timeout';
  if (typeof e?.status === 'number') return `http ${e.status}`;
  if (e?.name === 'ZodError' || e?.name === '$ZodError') return 'invalid';
  if (e?.name === 'OutputParserException' || e?.name === 'SyntaxError') return 'malformed';
  return 'error';
}

/** Counts one failure under its reason. */
export function count(tally: Record<string, number>, reason: string): void {
  tally[reason] = (tally[reason] ?? 0) + 1;
}
