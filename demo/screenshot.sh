#!/usr/bin/env bash
# `npm run demo:screenshot`: the README's picture of the desk during a demo call (demo/screenshot.ts), taken
# in a fresh network namespace with only loopback (as test/e2e/run.sh does), so WebRTC uses loopback alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ "${LINGXI_SCREENSHOT_IN_NETNS:-}" != 1 ]]; then
  [[ -x /usr/bin/chromium ]] || { echo "demo:screenshot: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }
  if command -v unshare >/dev/null && command -v ip >/dev/null; then
    flags=(--net); [[ $EUID -eq 0 ]] || flags+=(--map-root-user)
    exec env LINGXI_SCREENSHOT_IN_NETNS=1 unshare "${flags[@]}" -- bash "$0" "$@"
  fi
else
  ip link set lo up
fi
exec npx tsx demo/screenshot.ts "$@"
