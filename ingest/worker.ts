import { Worker } from 'node:worker_threads';

/**
 * Starts one of the ingest's workers by its module name ('hnsw-worker', 'segment-worker'): the compiled .js beside
 * this file; run from TypeScript sources (tests, the bench), it registers tsx inside itself, since workers do not
 * inherit the parent's loader hooks.
 */
export function startWorker(name: string): Worker {
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(`./${name}${compiled ? '.js' : '.ts'}`, import.meta.url);
  if (compiled) return new Worker(entry);
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true },
  );
}
