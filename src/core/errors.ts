/** Where in a seed file a problem is, in the form every ingest message uses. */
export function at(file: string, line: number | null): string {
  return line === null ? `seed file ${file}` : `seed file ${file} line ${line}`;
}

const reindex = 'run `policybot ingest --force`';

/**
 * Every error and ingest issue this project raises: a stable code beside the template of its message, which names
 * the offending value and, where there is one, the fix. Codes anywhere else are types over this catalogue.
 */
const CATALOGUE = {
  SEED_EMPTY: (file: string) => `${at(file, null)}: the file is empty`,
  SEED_BINARY: (file: string, control: number) =>
    `${at(file, null)}: not a text file (${control} control or undecodable characters); seeds must be UTF-8 or GBK text`,
  SEED_UNREADABLE: (file: string, reason: string) => `${at(file, null)}: cannot be read (${reason})`,
  SEED_TOO_LARGE: (file: string, bytes: number, limit: number) =>
    `${at(file, null)}: ${bytes} bytes, over the limit of ${limit} bytes a seed; the file is skipped (raise POLICYBOT_MAX_SEED_BYTES to ingest it)`,
  SEED_DUPLICATE_SECTION: (file: string, line: number, section: string, heading: string, first: number) =>
    `${at(file, line)}: duplicate section ${section} (${heading}), first at line ${first}`,
  SEED_SKIPPED_SECTION: (file: string, line: number, section: string, marker: string, expected: number) =>
    `${at(file, line)}: section ${section} (${marker}) follows number ${expected - 1}; expected ${expected}`,
  SEED_NO_STRUCTURE: (file: string) =>
    `${at(file, null)}: no section markers (一、 （一） 1. 第X条) found, so it is not read as a policy; the file is skipped`,
  SEED_METADATA_INVALID: (file: string, line: number | null, problem: string) =>
    `metadata file ${file}${line === null ? '' : ` line ${line}`}: ${problem}; the file is ignored and the facts are read from the seed's text`,
  SEED_METADATA_ORPHAN: (file: string, id: string) =>
    `metadata file ${file}: there is no seed ${id}.* beside it; the file is ignored`,
  SEEDS_MISSING: (dir: string) => `seeds directory ${dir} cannot be read; pass --seeds DIR or set POLICYBOT_SEEDS_DIR`,
  SEEDS_EMPTY: (dir: string) => `seeds directory ${dir} holds no seed files`,
  INDEX_MISSING: (dir: string) => `no index in ${dir}: run \`policybot ingest --out ${dir}\``,
  INDEX_UNREADABLE: (file: string, reason: string) => `index file ${file} cannot be read (${reason}); ${reindex}`,
  INDEX_INVALID: (file: string, where: string, problem: string, version: number) =>
    `index file ${file} is invalid at ${where}: ${problem}; ${reindex} (this build reads schema version ${version})`,
  INDEX_DIMENSIONS: (file: string, found: number, expected: number) =>
    `index file ${file} holds ${found}-dimension vectors, but the manifest says ${expected}; ${reindex}`,
  INDEX_EMBEDDER_STATE: (file: string) => `${file} does not hold a lexical embedder state; ${reindex}`,
  INDEX_COUNTS: (file: string, found: number, what: string, expected: number) =>
    `index file ${file} holds ${found} ${what}, but the manifest says ${expected}; ${reindex}`,
  INDEX_REBUILT: (dir: string, seeds: string, damage: string) =>
    `index ${dir} was damaged or outdated and is rebuilt from the seeds in ${seeds}: ${damage}`,
  INDEX_UNWRITABLE: (dir: string, reason: string) =>
    `index ${dir} cannot be written (${reason}); choose a writable directory with --out or POLICYBOT_INDEX_DIR`,
  INGEST_LOCKED: (dir: string, holder: string, seconds: number, lock: string) =>
    `another ingest (${holder}) is writing ${dir}; waited ${seconds} s: try again when it ends, or delete ${lock} if no ingest is running`,
  INDEX_OUTDATED: (dir: string, built: string, current: string) =>
    `index ${dir} was built by an earlier version of policybot (embedder ${built}; this one uses ${current}); ${reindex}`,
  INDEX_SETTINGS_MISMATCH: (dir: string, setting: string, built: string, wanted: string, fix: string) =>
    `index ${dir} was built with ${setting} ${built}, not ${wanted}: ${fix}`,
  CONFIG_INVALID: (lines: readonly string[]) =>
    `configuration error:\n${lines.join('\n')}\nSet these in the environment or in .env (see .env.example).`,
  CONFIG_FILE_INVALID: (kind: string, file: string, problem: string) => `${kind} file ${file} ${problem}`,
  DB_UNUSABLE: (path: string, reason: string) =>
    `POLICYBOT_DB_PATH=${path} cannot hold the bot's database (${reason}); point it at a writable file`,
  SLACK_AUTH_FAILED: (reason: string) =>
    `Slack refused SLACK_BOT_TOKEN (${reason}); copy the Bot User OAuth Token (xoxb-…) of the installed app`,
  SLACK_API_UNREACHABLE: (url: string, reason: string) =>
    `cannot reach Slack's Web API at ${url} (${reason}); check the network, or SLACK_API_URL if it is set`,
  PORT_IN_USE: (port: number) => `PORT=${port} is already in use; stop what listens there or set PORT to a free port`,
  EMBEDDER_INCOMPLETE: () => 'EMBEDDINGS_PROVIDER=openai needs EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL',
  LLM_INCOMPLETE: () =>
    'configuration error: LLM_BASE_URL and LLM_MODEL go together; set both to use a model, or neither to run without one',
  USAGE: (problem: string) => problem,
  INPUT_UNREADABLE: (kind: string, file: string, reason: string) => `${kind} file ${file} cannot be read: ${reason}`,
  INPUT_INVALID: (kind: string, file: string, line: number, problem: string) =>
    `${kind} file ${file} line ${line}: ${problem}`,
} as const satisfies Record<string, (...args: never[]) => string>;

type Catalogue = typeof CATALOGUE;
export type ErrorCode = keyof Catalogue;
export const ERROR_CODES = Object.keys(CATALOGUE) as [ErrorCode, ...ErrorCode[]];
/** The codes by name, for code that compares them: `ErrorCode.SEED_EMPTY`. */
export const ErrorCode = Object.fromEntries(ERROR_CODES.map((c) => [c, c])) as { readonly [C in ErrorCode]: C };

export class PolicyBotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyBotError';
  }
}

/** The error of a code, its message built from the catalogue's template. */
export function createError<C extends ErrorCode>(code: C, ...args: Parameters<Catalogue[C]>): PolicyBotError {
  return new PolicyBotError(code, messageOf(code, ...args));
}

export function messageOf<C extends ErrorCode>(code: C, ...args: Parameters<Catalogue[C]>): string {
  return (CATALOGUE[code] as (...a: Parameters<Catalogue[C]>) => string)(...args);
}
