import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { LlmSpec } from './core/chat-model.js';
import type { EmbedderSpec } from './core/embedders.js';
import { createError } from './core/errors.js';
import type { OpenOptions } from './open.js';

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** Settings every command reads: where the corpus and index live, and which embedder builds the index. */
export const BaseConfigSchema = z.object({
  POLICYBOT_SEEDS_DIR: z.string().default('seeds'),
  POLICYBOT_INDEX_DIR: z.string().default('data/index'),
  /** Questions, votes and owed replies: a blank value would mean a temporary database that loses them all. */
  POLICYBOT_DB_PATH: z
    .string()
    .trim()
    .min(1, 'is blank; set it to a file path, or remove the line to use data/policybot.sqlite')
    .default('data/policybot.sqlite'),
  /** A seed file larger than this (5 MB when unset) is reported and skipped: a policy is kilobytes, not a dump. */
  POLICYBOT_MAX_SEED_BYTES: optional(z.coerce.number().int().min(1)),
  /** Extra synonyms (JSON: {"用户说法": "政策用语"}) merged over the bundled table. */
  POLICYBOT_SYNONYMS: optional(z.string()),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** The day a plan's period is judged against ("has it ended?"), YYYY-MM-DD; today when unset. */
  POLICYBOT_TODAY: optional(
    z.iso.date({ error: 'must be a date written YYYY-MM-DD' }).transform((d) => new Date(`${d}T00:00:00Z`)),
  ),
  /** `lexical` works offline; `openai` calls an OpenAI-compatible embeddings endpoint. */
  EMBEDDINGS_PROVIDER: z.enum(['lexical', 'openai']).default('lexical'),
  EMBEDDINGS_BASE_URL: optional(z.url()),
  EMBEDDINGS_API_KEY: optional(z.string()),
  EMBEDDINGS_MODEL: optional(z.string()),
  /** An OpenAI-compatible chat endpoint (vLLM, Ollama…) that reads questions; unset, only the rule reader runs. */
  LLM_BASE_URL: optional(z.url()),
  LLM_MODEL: optional(z.string()),
  LLM_API_KEY: optional(z.string()),
  /** The budget of the model calls for one question; when it runs out, the rule reader's answer goes out. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  /** `on`: the model rewrites the extractive answer into one paragraph, kept only when it passes the grounding check. */
  LLM_PHRASING: z.enum(['on', 'off']).default('off'),
});
export type BaseConfig = z.infer<typeof BaseConfigSchema>;

export const SlackConfigSchema = BaseConfigSchema.extend({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, 'must be a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optional(z.string().min(1)),
  /** When set, the bot uses Socket Mode and needs no public URL. */
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'must be an app-level token starting with xapp-')),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Web API base URL, for a proxy (or a stand-in Slack API in tests); must end with /api/. */
  SLACK_API_URL: optional(z.url().refine((u) => u.endsWith('/api/'), 'must end with /api/')),
  /** Slack allows about one message a second per channel; writes to one channel are paced to this. */
  SLACK_CHANNEL_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** On SIGTERM, how long replies in flight may take before the rest is left owed for the next start. */
  POLICYBOT_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How long a database write may wait for another process's lock before the bot goes on without it. */
  POLICYBOT_DB_BUSY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** When set (HTTP mode), the admin dashboard is served at /admin to whoever presents it; unset, /admin is 404. */
  POLICYBOT_ADMIN_TOKEN: optional(
    z.string().min(16, 'must be at least 16 characters; generate one with `openssl rand -hex 24`'),
  ),
}).refine((c) => c.SLACK_APP_TOKEN !== undefined || c.SLACK_SIGNING_SECRET !== undefined, {
  path: ['SLACK_SIGNING_SECRET'],
  message: 'is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)',
});
export type SlackConfig = z.infer<typeof SlackConfigSchema>;

let dotEnvLoaded = false;

/**
 * Reads and validates the configuration, once per command: the process's environment, filled from `.env` in the
 * working directory (which never overrides it). A caller passing its own `env` has decided what it holds.
 */
export function readConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  if (env === process.env && !dotEnvLoaded && existsSync('.env')) process.loadEnvFile('.env');
  dotEnvLoaded ||= env === process.env;
  return parseConfig(schema, env);
}

export function embedderSpec(config: BaseConfig): EmbedderSpec {
  return {
    provider: config.EMBEDDINGS_PROVIDER,
    baseUrl: config.EMBEDDINGS_BASE_URL,
    apiKey: config.EMBEDDINGS_API_KEY,
    model: config.EMBEDDINGS_MODEL,
  };
}

/** The chat model, when one is configured; a URL without a model (or a model without a URL) stops start-up. */
export function llmSpec(config: BaseConfig): LlmSpec | undefined {
  const { LLM_BASE_URL: baseUrl, LLM_MODEL: model } = config;
  if (baseUrl === undefined && model === undefined) return undefined;
  if (baseUrl === undefined || model === undefined) throw createError('LLM_INCOMPLETE');
  return {
    baseUrl,
    model,
    apiKey: config.LLM_API_KEY,
    timeoutMs: config.LLM_TIMEOUT_MS,
    phrasing: config.LLM_PHRASING === 'on',
  };
}

/**
 * What every command opens the bot with: the configuration, then the command's flags. The default index is built
 * from the seeds on first use; an index named with --index is read as it is, unless --seeds is given too.
 */
export function openOptions(config: BaseConfig, flags: { index?: string; seeds?: string } = {}): OpenOptions {
  return {
    indexDir: flags.index ?? config.POLICYBOT_INDEX_DIR,
    seedsDir: flags.seeds ?? (flags.index ? null : config.POLICYBOT_SEEDS_DIR),
    embedder: embedderSpec(config),
    synonymsFile: config.POLICYBOT_SYNONYMS,
    maxSeedBytes: config.POLICYBOT_MAX_SEED_BYTES,
    today: config.POLICYBOT_TODAY,
    llm: llmSpec(config),
  };
}

/** Parses the environment once; a bad value stops start-up with a message naming the variable and the fix. */
export function parseConfig<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const problem = issue.code === 'invalid_type' && env[name] === undefined ? 'is missing' : issue.message;
    return `  ${name} ${problem}`;
  });
  throw createError('CONFIG_INVALID', lines);
}
