#!/usr/bin/env bash
# Proves deploy/nginx/gazette.conf on this machine: `nginx -t` on the committed file (a throwaway
# certificate and cache folder in its own working directory), then nginx on 127.0.0.1:8088 in
# front of two stand-in instances, showing that
#   - requests alternate between the instances;
#   - with one instance stopped, no GET is lost (nginx tries the other), and a POST that never
#     reached it is sent to the other one;
#   - with an instance that fails after it has read a request, a GET is tried again on the other
#     but a POST is answered 502 at once and never sent twice.
# Stops everything it started; listens on 127.0.0.1 only; each request is bounded by curl's
# --max-time and each wait by a loop count.
#   deploy/nginx/check-failover.sh      (needs nginx, node, curl, openssl)
#   BACKEND_PORTS="13000 13001" NGINX_PORT=8088 deploy/nginx/check-failover.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
read -r port_a port_b <<<"${BACKEND_PORTS:-13000 13001}"
nginx_port="${NGINX_PORT:-8088}"
work="$(mktemp -d /tmp/gazette-nginx.XXXXXX)"
# nginx's workers drop to an unprivileged user, which must reach the temp and cache folders.
chmod 755 "$work"
mkdir "$work/cache"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

# The stand-in instance: `ok` answers with its port, method and path; `crash` reads the whole
# request and then drops the connection, as an instance that dies mid-request would. Each logs
# the requests it read.
cat >"$work/backend.mjs" <<'JS'
import http from 'node:http';
import fs from 'node:fs';
const [port, mode, log] = process.argv.slice(2);
http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    fs.appendFileSync(log, `${req.method} ${req.url}\n`);
    if (mode === 'crash') return req.socket.destroy();
    res.setHeader('content-type', 'text/plain');
    res.end(`${port} ${req.method} ${req.url}\n`);
  });
}).listen(Number(port), '127.0.0.1');
JS
start_backend() { # port mode
  node "$work/backend.mjs" "$1" "$2" "$work/backend-$1.log" & pids+=($!)
  eval "pid_$1=$!"
  for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null && break; sleep 0.1; done
  : >"$work/backend-$1.log"
}
stop_backend() { # port
  local var="pid_$1"
  kill "${!var}"; wait "${!var}" 2>/dev/null || true
}

# 1. The committed file as it is, with only its certificate and cache paths moved here.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=news.example.org \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/news.example.org/fullchain.pem#$work/cert.pem#" \
    -e "s#/etc/letsencrypt/live/news.example.org/privkey.pem#$work/key.pem#" \
    -e "s#/var/cache/nginx/#$work/cache/#" \
    "$here/gazette.conf" >"$work/gazette-verbatim.conf"
# 2. The copy that runs here: plain http on loopback, the stand-ins' ports.
sed -e "s/127\.0\.0\.1:3000 /127.0.0.1:$port_a /" -e "s/127\.0\.0\.1:3001 /127.0.0.1:$port_b /" \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$nginx_port;/" -e "s/listen 80;/listen 127.0.0.1:$((nginx_port + 1));/" \
    -e '/listen \[::\]/d' -e '/ssl_certificate/d' -e "s#/var/cache/nginx/#$work/cache/#" \
    "$here/gazette.conf" >"$work/gazette.conf"
main_conf() { # included file
  cat <<CONF
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/client_body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $1;
}
CONF
}
main_conf "$work/gazette-verbatim.conf" >"$work/nginx-verbatim.conf"
main_conf "$work/gazette.conf" >"$work/nginx.conf"
echo '# nginx -t on deploy/nginx/gazette.conf (certificate and cache paths moved), then on the test copy'
for conf in nginx-verbatim.conf nginx.conf; do
  if ! out="$(nginx -t -c "$work/$conf" -p "$work" 2>&1)"; then echo "$out"; exit 1; fi
  echo "$out" | grep -E 'syntax is ok|test is successful|\[warn\]' | sed "s#$work/##"
done

start_backend "$port_a" ok
start_backend "$port_b" ok
# In the foreground of a background job, so this script owns it and stops it.
nginx -g 'daemon off;' -c "$work/nginx.conf" -p "$work" & pids+=($!)
nginx_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done

# "status seconds" and, from a stand-in, its answer (nginx's own error pages are left out).
fetch() { # curl arguments...
  local status
  status="$(curl -sS -o "$work/body" -w '%{http_code} %{time_total}s' --max-time 5 "$@" || true)"
  if [ "${status%% *}" = 200 ]; then echo "$status $(tr -d '\n' <"$work/body")"; else echo "$status"; fi
}
get() { fetch "http://127.0.0.1:$nginx_port$1"; }
post() { fetch -X POST -d x=1 "http://127.0.0.1:$nginx_port$1"; }

echo "# both instances up ($port_a, $port_b): requests alternate"
for i in 1 2 3 4; do echo "GET /a$i -> $(get "/a$i")"; done

echo "# instance $port_b stopped: every GET is answered (nginx tries $port_a)"
stop_backend "$port_b"
lost=0
for i in $(seq 1 10); do
  line="$(get "/b$i")"; [ "${line%% *}" = 200 ] || lost=$((lost + 1))
  [ "$i" -le 3 ] && echo "GET /b$i -> $line"
done
echo "GETs lost: $lost of 10"
echo "# a POST that never reached the stopped instance (connection refused) goes to $port_a: nothing was sent twice"
kill -HUP "$nginx_pid"; sleep 1
for i in 1 2; do echo "POST /save$i -> $(post "/save$i")"; done
grep 'Connection refused' "$work/error.log" | grep -o 'request: "POST [^ ]*' | sed "s/request: \"/$port_b refused /" || true

echo "# instance $port_b back, but failing after it has read each request"
start_backend "$port_b" crash
# A reload starts workers that have not yet counted $port_b's failures, so it is tried at once.
kill -HUP "$nginx_pid"; sleep 1
: >"$work/backend-$port_a.log"
: >"$work/error.log"
for i in 1 2 3 4; do echo "POST /publish$i -> $(post "/publish$i")"; done
for i in 1 2; do echo "GET /c$i -> $(get "/c$i")"; done
echo "# nginx's log: the GET $port_b dropped was answered by $port_a above; the POSTs it dropped were not sent on"
grep 'prematurely closed' "$work/error.log" | grep -o 'request: "[A-Z]* [^ ]*' | sed "s/request: \"/$port_b dropped /" || true
echo "# which instance read each POST: a 502 was read by $port_b only, never sent on to $port_a"
echo "$port_b read: $(grep -h POST "$work/backend-$port_b.log" | tr '\n' ' ')"
echo "$port_a read: $(grep -h POST "$work/backend-$port_a.log" | tr '\n' ' ')"
twice="$(sort "$work/backend-$port_a.log" "$work/backend-$port_b.log" | grep POST | uniq -d | wc -l)"
echo "POSTs read by both instances: $twice"
[ "$lost" = 0 ] && [ "$twice" = 0 ]
