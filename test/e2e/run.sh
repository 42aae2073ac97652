#!/usr/bin/env bash
# End-to-end tests (default: `playwright test`) or the bench (`--bench`: `tsx test/bench/run.ts`, one JSON
# object on stdout) inside a fresh network namespace that has only loopback, so WebRTC never touches
# the machine's other interfaces. Extra arguments pass through.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

fail() { echo "test/e2e/run.sh: $*" >&2; exit 2; }

if [[ "${LINGXI_E2E_IN_NETNS:-}" != 1 ]]; then
  command -v kamailio >/dev/null || fail "kamailio is missing (apt-get install kamailio kamailio-websocket-modules)"
  [[ -e /usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so ]] \
    || fail "kamailio's websocket module is missing (apt-get install kamailio-websocket-modules)"
  [[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing (apt-get install chromium)"
  command -v sox >/dev/null || fail "sox is missing (apt-get install sox)"
  command -v unshare >/dev/null || fail "unshare is missing (util-linux)"
  command -v ip >/dev/null || fail "ip is missing (apt-get install iproute2)"
  # Call-quality spec and bench: loopback loss/jitter via iptables (+ python3 NFQUEUE) where the kernel lacks netem.
  command -v iptables >/dev/null || fail "iptables is missing (apt-get install iptables)"
  command -v python3 >/dev/null || fail "python3 is missing (apt-get install python3)"
  netns=(unshare --net)
  [[ $EUID -eq 0 ]] || netns+=(--map-root-user)
  shards=${LINGXI_E2E_SHARDS:-1}
  if [[ "${1:-}" == --bench || "$shards" -le 1 ]]; then
    exec env LINGXI_E2E_IN_NETNS=1 "${netns[@]}" -- bash "$0" "$@"
  fi
  # Sharded suite: each shard in its own loopback-only namespace (so Kamailio, the peers and the doubles
  # keep their fixed ports without meeting), run side by side; one merged report and summary at the end.
  npx tsx test/fixtures/global-setup.ts
  blobs=test/.run/blobs-$$
  rm -rf "$blobs" && mkdir -p "$blobs/merged"
  pids=()
  for ((i = 1; i <= shards; i++)); do
    { env LINGXI_E2E_IN_NETNS=1 LINGXI_E2E_SETUP_DONE=1 PLAYWRIGHT_BLOB_OUTPUT_DIR="$blobs/$i" \
        "${netns[@]}" -- bash "$0" --shard="$i/$shards" --output="test-results/shard-$i" --reporter=list,blob "$@" \
        && echo 0 >"$blobs/rc-$i" || echo 1 >"$blobs/rc-$i"; } 2>&1 | sed -u "s/^/[shard $i\/$shards] /" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  rc=0
  for ((i = 1; i <= shards; i++)); do [[ "$(cat "$blobs/rc-$i" 2>/dev/null)" == 0 ]] || rc=1; done
  cp "$blobs"/*/*.zip "$blobs/merged/" 2>/dev/null || true
  echo
  echo "--- all shards ---"
  npx playwright merge-reports --reporter=list "$blobs/merged" || rc=1
  rm -rf "$blobs"
  exit "$rc"
fi

# Inside the namespace: loopback up, IPv6 off, and nothing but lo.
ip link set lo up
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.lo.disable_ipv6=1
others=$(ip -o link show | awk -F': ' '$2 != "lo" { print $2 }')
[[ -z "$others" ]] || fail "not in a loopback-only namespace (found: $others)"

if [[ "${1:-}" == --bench ]]; then
  shift
  exec npx tsx test/bench/run.ts "$@"
fi
exec npx playwright test "$@"
