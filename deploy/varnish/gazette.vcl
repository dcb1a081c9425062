vcl 4.1;
# Varnish 7 in front of one or more Gazette instances (docs/scaling.md, "Edge cache and purge by
# tag"). Needs varnish-modules for xkey (Debian: apt-get install varnish varnish-modules).
#
# What it keeps mirrors gateway/page-cache.mjs: GETs for documents, outside the newsroom and the
# API, from readers without a newsroom session; for as long as the instance's Cache-Control says
# (s-maxage, then stale-while-revalidate as grace). Each page carries the cache tags of what it
# shows in its `xkey` header (gateway/edge-keys.mjs); every expiry in any instance sends
# `PURGE` with `xkey: tag1 tag2 ...` here (server/edge-purge.ts, GAZETTE_PURGE_URLS), which drops
# exactly the pages with one of those tags.

import std;
import directors;
import xkey;

# One backend per instance (`npm run serve`); a sick instance is skipped.
probe gazette_health {
    .url = "/api/health";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
}

backend gazette_1 {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = gazette_health;
}

backend gazette_2 {
    .host = "127.0.0.1";
    .port = "3001";
    .probe = gazette_health;
}

# Who may purge: the Gazette instances (GAZETTE_PURGE_URLS points here). Add their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new gazette = directors.round_robin();
    gazette.add_backend(gazette_1);
    gazette.add_backend(gazette_2);
}

sub vcl_recv {
    set req.backend_hint = gazette.backend();

    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey) {
            # A hard purge: the next reader gets the page as it is now, never the old one (a
            # correction or an unpublish must not linger in grace).
            set req.http.x-purged = xkey.purge(req.http.xkey);
            return (synth(200, "Purged " + req.http.x-purged + " objects"));
        }
        # Without xkey: the one URL asked for.
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # Server actions (POST), the view beacon and the newsroom API.
        return (pass);
    }

    # The newsroom, the API (beacon, health, sign-in), previews and Next's client-router data.
    if (req.url ~ "^/(admin|api|login|preview)([/?]|$)" || req.url ~ "^/_next/data/") {
        return (pass);
    }

    # Client-router payloads and prefetches, server actions, credentials: never the shared document.
    if (req.http.rsc || req.http.next-router-prefetch || req.http.next-router-segment-prefetch ||
        req.http.next-router-state-tree || req.http.next-action || req.http.Authorization) {
        return (pass);
    }

    # The only cookies the site reads: the newsroom session (Auth.js, plain, __Secure-/__Host- and
    # chunked) and Next's draft mode. Any other cookie (analytics, consent, A/B) changes no public
    # page, so it is dropped and the reader shares the cache.
    if (req.http.Cookie ~ "(^|;)\s*(__Secure-|__Host-)?authjs\.session-token(\.[0-9]+)?=" ||
        req.http.Cookie ~ "(^|;)\s*(__prerender_bypass|__next_preview_data)=") {
        return (pass);
    }
    unset req.http.Cookie;

    return (hash);
}

sub vcl_backend_response {
    # Varnish takes the TTL from s-maxage (before max-age); a page past it is served while one
    # request fetches it again for as long as stale-while-revalidate allows.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1") + "s", 0s);
    } else {
        set beresp.grace = 0s;
    }

    # A made-up address may become an article at the next publish, and a 404 carries no tags to
    # purge it by: keep it briefly.
    if (beresp.status == 404 || beresp.status == 410) {
        if (beresp.ttl > 10s) {
            set beresp.ttl = 10s;
        }
        set beresp.grace = 0s;
    }

    # Anything else Next marks private, no-store or no-cache, or that sets a cookie, is not kept
    # (the built-in VCL, which runs after this, decides that).
}

sub vcl_deliver {
    # Keys are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
}
