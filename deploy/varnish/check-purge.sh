#!/usr/bin/env bash
# Proves deploy/varnish/gazette.vcl on this machine: Varnish (port 6091, its own working
# directory) in front of a stand-in backend that answers pages with xkey headers, then a PURGE
# with one key must drop only the pages carrying it. Stops everything it started.
#   deploy/varnish/check-purge.sh        (needs varnishd with varnish-modules, node, curl)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d /tmp/gazette-varnish.XXXXXX)"
# varnishd drops to its own user, which must read the VCL.
chmod 755 "$work"
backend_port=18080
varnish_port=6091
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/varnishd.pid" ] && kill "$(cat "$work/varnishd.pid")" 2>/dev/null || true
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

# The stand-in: each page's xkey is in its path (/a/article:1/article-lists shows those two keys);
# every answer counts the renders, so a HIT is the same count and a refetch a new one.
cat >"$work/backend.mjs" <<'JS'
import http from 'node:http';
let renders = 0;
http.createServer((req, res) => {
  if (req.url === '/api/health') return res.end('ok');
  const keys = decodeURIComponent(req.url).split('/').slice(2).join(' ');
  res.setHeader('cache-control', 's-maxage=300, stale-while-revalidate=3300');
  res.setHeader('xkey', keys);
  res.setHeader('surrogate-key', keys);
  res.end(`render ${++renders} of ${req.url}\n`);
}).listen(Number(process.argv[2]), '127.0.0.1');
JS
node "$work/backend.mjs" "$backend_port" & pids+=($!)

# The committed VCL, with its backends pointed at the stand-in.
sed -e "s/\"3000\"/\"$backend_port\"/" -e "s/\"3001\"/\"$backend_port\"/" "$here/gazette.vcl" >"$work/gazette.vcl"
varnishd -n "$work/varnish" -a "127.0.0.1:$varnish_port" -f "$work/gazette.vcl" -s malloc,32m -P "$work/varnishd.pid"
# Wait for the probe to find the backend healthy.
for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$varnish_port/p/warm" >/dev/null 2>&1 && break; sleep 0.2; done

get() { curl -sS -D - -o - "http://127.0.0.1:$varnish_port$1" | tr -d '\r' | grep -E '^(X-Edge-Cache|render)' | tr '\n' ' '; echo; }
pages=(/p/article:1/article-lists /p/article:2/article-lists /p/section:3)
echo '# first visits (MISS), then again (HIT)'
for p in "${pages[@]}"; do echo "$p: $(get "$p")"; done
for p in "${pages[@]}"; do echo "$p: $(get "$p")"; done
echo '# PURGE from a stranger is refused; this ACL allows 127.0.0.1 only'
curl -sS -o /dev/null -w '%{http_code}\n' -X PURGE -H 'xkey: article:1' --interface 127.0.0.2 "http://127.0.0.1:$varnish_port/" || true
echo '# PURGE xkey: article:1'
curl -sS -X PURGE -H 'xkey: article:1' "http://127.0.0.1:$varnish_port/" | grep -o 'Purged [0-9]* objects' | head -1
for p in "${pages[@]}"; do echo "$p: $(get "$p")"; done
echo '# PURGE xkey: article-lists'
curl -sS -X PURGE -H 'xkey: article-lists' "http://127.0.0.1:$varnish_port/" | grep -o 'Purged [0-9]* objects' | head -1
for p in "${pages[@]}"; do echo "$p: $(get "$p")"; done
echo '# a reader with an analytics cookie shares the cache; a newsroom session does not'
echo "_ga: $(curl -sS -D - -H 'Cookie: _ga=GA1.1.1' "http://127.0.0.1:$varnish_port/p/section:3" | tr -d '\r' | grep -E '^(X-Edge-Cache|render)' | tr '\n' ' ')"
echo "session: $(curl -sS -D - -H 'Cookie: authjs.session-token=x' "http://127.0.0.1:$varnish_port/p/section:3" | tr -d '\r' | grep -E '^(X-Edge-Cache|render)' | tr '\n' ' ')"
