# The app servers behind Varnish: one backend each (gunicorn), health-probed, in a round-robin
# director named `app` that nbsite.vcl uses. Copy to backends.vcl next to nbsite.vcl and adjust.
probe app_health {
    # A cheap page every app server answers; Host must be in ALLOWED_HOSTS, and the https
    # header keeps SECURE_SSL_REDIRECT from answering a redirect instead.
    .request = "GET /robots.txt HTTP/1.1"
        "Host: www.clinicnb.com"
        "X-Forwarded-Proto: https"
        "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 {
    .host = "10.0.0.11";
    .port = "8000";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

backend app2 {
    .host = "10.0.0.12";
    .port = "8000";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}
