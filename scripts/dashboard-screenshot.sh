#!/usr/bin/env bash
# Refreshes docs/dashboard.png, the README's picture of the admin dashboard: the browser test seeds a database,
# logs in with headless chromium and saves the page; pngquant (apt-get install pngquant), when present, cuts the
# PNG to about a third. Needs /usr/bin/chromium and a Chinese font (fonts-wqy-microhei or fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/dashboard.png
POLICYBOT_SCREENSHOT="$out" npx vitest run test/admin/browser.test.ts
if command -v pngquant >/dev/null; then
  pngquant --quality 80-95 --speed 1 --strip --force --output "$out" "$out"
fi
echo "$out: $(wc -c <"$out") bytes"
