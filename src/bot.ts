import type { ModelUsage } from './core/chat-model.js';
import type { Clause, DocumentMeta, Target } from './core/schema.js';
import type { Answer, AskOptions } from './answer/types.js';

/** The runtime's one entry point: a loaded index that answers questions. Slack and the CLI only talk to this. */
export interface PolicyBot {
  readonly documents: readonly DocumentMeta[];
  readonly clauses: readonly Clause[];
  readonly targets: readonly Target[];
  /** What the configured chat model did (reads, failures, rejected rewrites); undefined without one. */
  readonly modelUsage?: ModelUsage;
  /** Never throws on user input: empty, oversized or odd questions get a plain answer. */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  clause(doc: string, section: string): Clause | undefined;
  /** Every clause whose 责任单位 include `unit` (matched leniently: "科技厅" finds "省科技厅"), in document order. */
  clausesForUnit(unit: string): { unit: string | null; clauses: Clause[] };
  /** Targets whose subject, quote or heading mention the keyword; all targets when it is empty. */
  findTargets(keyword?: string): Target[];
}
