# Varnish 7 (Debian's varnish) in front of nbsite's app servers (README "Production").
#
# Caches what the site says shared caches may keep (anonymous HTML sends s-maxage, /static/ its
# long max-age); everything else goes to the app servers: the admin, POSTs, the 상담 forms,
# signed-in editors. Wagtail's frontend_cache (FRONTEND_CACHE_URL) sends a PURGE on publish,
# unpublish, move, delete and settings save; each one bans every page of that host, since the
# menu and the clinic settings appear on every page. While the app servers are down, pages
# already cached keep being served for up to 6 hours (grace).
vcl 4.1;

import cookie;
import directors;
import std;

# The app servers and the round-robin director `app` over them: backends.vcl (on vcl_path;
# deploy/varnish/backends.example.vcl shows one, deploy/prod_local.py writes its own).
include "backends.vcl";

# Who may purge: Wagtail on the app servers, straight to Varnish (not through a proxy).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app.backend();

    if (req.method == "PURGE" || req.method == "BAN") {
        # Varnish appends the peer's address to X-Forwarded-For: anything more is a request
        # relayed by a proxy in front, whose own address would otherwise pass the ACL.
        if (!(client.ip ~ purgers) || req.http.X-Forwarded-For != "" + client.ip) {
            return (synth(403, "Forbidden"));
        }
        if (std.ban("obj.http.X-Host == " + req.http.host)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/static/") {
        unset req.http.Cookie;
        return (hash);
    }
    # The admin (and its previews), and the 상담 forms, which read the visitor's CSRF cookie.
    if (req.url ~ "^/(admin|consultation)(/|$)" || req.http.Authorization) {
        return (pass);
    }
    # Only Django's own cookies matter; analytics and ad cookies are dropped.
    cookie.parse(req.http.Cookie);
    cookie.keep("sessionid,csrftoken");
    set req.http.Cookie = cookie.get_string();
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);  # a signed-in editor: never a cached page
    }
    # An anonymous page is the same for everyone (the site is in Korean only).
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    # A stale copy is served for 10 s past its time while a new one is fetched; when no app
    # server is healthy, for as long as the object's grace (6 h).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # Bans match on the object (the ban lurker can then drop banned objects in the background).
    set beresp.http.X-Host = bereq.http.host;
    set beresp.grace = 6h;
    if (bereq.url !~ "^/static/" && beresp.http.Cache-Control !~ "s-maxage") {
        # Kept only when the site says so: private pages, documents, search suggestions,
        # anything without s-maxage goes to the app servers every time.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The built-in rules follow: a response that sets a cookie is never kept.
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.X-Host;
}
