import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DASHBOARD_SCRIPT, DASHBOARD_STYLE } from './client.js';

export interface Asset {
  path: string;
  contentType: string;
  /** Loaded on first use: a bot whose dashboard nobody opens never reads Chart.js. */
  body(): Buffer;
  /** Goes into the page's URL for the asset, so a cached copy is never stale and may be cached for a year. */
  version(): string;
}

function asset(path: string, contentType: string, load: () => Buffer): Asset {
  let body: Buffer | undefined;
  let version: string | undefined;
  const read = () => (body ??= load());
  return {
    path,
    contentType,
    body: read,
    version: () => (version ??= createHash('sha256').update(read()).digest('hex').slice(0, 12)),
  };
}

/**
 * Chart.js's UMD build from node_modules. Its package exports only its module entries, so the file is found beside
 * the CommonJS entry; resolving from this module works from src/ (tests) and from dist/ alike.
 */
function chartJsFile(): string {
  return join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
}

export const ASSETS = {
  chart: asset('/admin/assets/chart.umd.js', 'text/javascript; charset=utf-8', () => readFileSync(chartJsFile())),
  script: asset('/admin/assets/dashboard.js', 'text/javascript; charset=utf-8', () => Buffer.from(DASHBOARD_SCRIPT)),
  style: asset('/admin/assets/dashboard.css', 'text/css; charset=utf-8', () => Buffer.from(DASHBOARD_STYLE)),
} satisfies Record<string, Asset>;

/** The URL the page links: the path with the content's version. */
export function assetUrl(a: Asset): string {
  return `${a.path}?v=${a.version()}`;
}
