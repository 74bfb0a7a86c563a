/** One catalogue of the errors this project raises, each with a stable code and a message naming the offending value. */
export const ErrorCode = {
  SeedEmpty: 'SEED_EMPTY',
  SeedBinary: 'SEED_BINARY',
  SeedUnreadable: 'SEED_UNREADABLE',
  SeedDuplicateSection: 'SEED_DUPLICATE_SECTION',
  SeedsMissing: 'SEEDS_MISSING',
  /** A seed's `NAME.meta.json` is not JSON or breaks its schema: the seed is ingested with the facts its text gives. */
  SeedMetadataInvalid: 'SEED_METADATA_INVALID',
  /** A `NAME.meta.json` with no seed `NAME.*` beside it. */
  SeedMetadataOrphan: 'SEED_METADATA_ORPHAN',
  IndexMissing: 'INDEX_MISSING',
  IndexCorrupt: 'INDEX_CORRUPT',
  ConfigInvalid: 'CONFIG_INVALID',
  InputInvalid: 'INPUT_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class PolicyBotError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PolicyBotError';
  }
}

/** Where in a seed file a problem is, in the form every ingest message uses. */
export function at(file: string, line: number | null): string {
  return line === null ? `seed file ${file}` : `seed file ${file} line ${line}`;
}
