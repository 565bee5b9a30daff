#!/usr/bin/env bash
# Installs what the browser test of the web page needs (deriv.web.BrowserTest): Debian's Chromium,
# Node and npm, and playwright-core from web-e2e/package-lock.json. Idempotent, and tolerant of
# failure: whatever cannot be installed makes BrowserTest skip with a message, not fail.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "ci-install-browser: installing ${need[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || echo "ci-install-browser: apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || echo "ci-install-browser: could not install ${need[*]}; the browser test will be skipped"
fi

if command -v npm >/dev/null && [ ! -d web-e2e/node_modules/playwright-core ]; then
  echo "ci-install-browser: npm ci in web-e2e"
  (cd web-e2e && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "ci-install-browser: npm ci failed; the browser test will be skipped"
fi
exit 0
