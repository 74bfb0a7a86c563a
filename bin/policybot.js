#!/usr/bin/env node
// The `policybot` command: compiled JavaScript, built by `npm ci` (the prepare script) or `npm run build`.
try {
  await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/src/cli/main.js')) throw error;
  process.stderr.write('policybot: not built yet: run `npm run build` (npm ci does it)\n');
  process.exitCode = 2;
}
