//! `radslag serve`: the built app over HTTP, with a health check, the
//! sync relay at `/sync` (see [`crate::relay`]) and each stored workspace's
//! annual wheel as a calendar feed at `/ics/<token>.ics`
//! (see [`crate::ics_feed`]).
//!
//! Unknown paths without a file extension answer with `index.html`, because
//! the app's router uses real paths (`/w/…/moten`) that only the browser
//! knows; a missing file with an extension (`/x.wasm`) is a 404.
//!
//! Every answer carries a Content-Security-Policy that the app passes (its
//! wasm needs `'wasm-unsafe-eval'`; each inline script of `index.html` is
//! allowed by its SHA-256, computed at start from the served file),
//! `frame-ancestors 'none'`, `X-Content-Type-Options: nosniff` and
//! `Referrer-Policy: no-referrer` (every app path carries the workspace's
//! id, which is its key).

use anyhow::Context;
use axum::{
    Router,
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use std::{net::SocketAddr, path::PathBuf, time::Duration};
use tower::ServiceExt as _;
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

#[derive(clap::Args, Debug)]
pub struct Options {
    /// Address to listen on. Loopback by default: exposing it is a deliberate choice.
    #[arg(long, default_value = "127.0.0.1:8080", env = "RADSLAG_ADDR")]
    pub addr: SocketAddr,
    /// The built app (Trunk's output).
    #[arg(long, default_value = "dist", env = "RADSLAG_DIST")]
    pub dist: PathBuf,
    /// Where the relay keeps workspace documents.
    #[arg(long, default_value = "radslag-data", env = "RADSLAG_DATA_DIR")]
    pub data_dir: PathBuf,
    /// A client must send its request's headers within this many seconds.
    #[arg(long, default_value_t = 10, env = "RADSLAG_HEADER_TIMEOUT_SECS")]
    pub header_timeout_secs: u64,
    #[command(flatten)]
    pub limits: crate::relay::Limits,
}

pub fn run(options: Options) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "radslag=info,tower_http=info".into()),
        )
        .init();
    // Panics are logged (and, with the server profile's unwinding, end only
    // the task or the document that panicked).
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(target: "radslag::panic", "panic at {location}: {what}");
    }));
    tokio::runtime::Runtime::new()?.block_on(serve(options))
}

async fn serve(options: Options) -> anyhow::Result<()> {
    let index = options.dist.join("index.html");
    if !index.is_file() {
        tracing::warn!(
            "{} is missing: build the app first (trunk build --release), or pass --dist",
            index.display()
        );
    }
    std::fs::create_dir_all(&options.data_dir).with_context(|| {
        format!(
            "cannot create the data directory {}",
            options.data_dir.display()
        )
    })?;

    let relay = crate::relay::Relay::start(&options.data_dir, options.limits.clone()).await?;

    let listener = tokio::net::TcpListener::bind(options.addr)
        .await
        .with_context(|| format!("cannot listen on {}", options.addr))?;
    tracing::info!(
        "Rådslag is served at http://{} (app from {}, data in {})",
        listener.local_addr()?,
        options.dist.display(),
        options.data_dir.display()
    );
    let app = router(&options, relay.clone());
    accept_loop(
        listener,
        app,
        Duration::from_secs(options.header_timeout_secs.max(1)),
    )
    .await;
    relay.stop().await;
    tracing::info!("stopped");
    Ok(())
}

/// Serves HTTP/1.1 (with WebSocket upgrades) until Ctrl-C or SIGTERM, with a
/// time-out on reading a request's headers (axum's own `serve` has none, so
/// a client sending its headers a byte a minute would hold a connection
/// open for ever).
async fn accept_loop(listener: tokio::net::TcpListener, app: Router, header_timeout: Duration) {
    use hyper_util::{
        rt::{TokioExecutor, TokioIo, TokioTimer},
        server::{conn::auto, graceful::GracefulShutdown},
        service::TowerToHyperService,
    };
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout);
    let graceful = GracefulShutdown::new();
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // E.g. out of file descriptors: wait, do not spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Sync messages are small and latency matters: no Nagle delay.
        let _ = tcp.set_nodelay(true);
        let app = app
            .clone()
            .map_request(move |mut request: Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(tcp), TowerToHyperService::new(app))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("connection from {peer}: {e}");
            }
        });
    }
    if tokio::time::timeout(Duration::from_secs(5), graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("open HTTP connections did not finish in 5 s");
    }
}

/// The Content-Security-Policy for the app in `dist`: its inline scripts
/// (Trunk injects one that loads the wasm) by their hashes, no other inline
/// script. Inline styles are allowed: the printed minutes set their page
/// label (`Sida x (n)`, translated) in a `<style>` element the app writes,
/// and the wheel's SVG carries style attributes.
pub fn content_security_policy(index_html: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = String::new();
    let mut rest = index_html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let tag = &rest[..open_end];
        let body_and_more = &rest[open_end + 1..];
        let Some(close) = body_and_more.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = sha2::Sha256::digest(&body_and_more.as_bytes()[..close]);
            hashes.push_str(&format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &body_and_more[close..];
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
         worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

#[derive(Clone)]
struct Health {
    relay: crate::relay::Relay,
}

async fn healthz(State(health): State<Health>) -> Response {
    match health.relay.degraded() {
        None => "ok".into_response(),
        Some(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("degraded: {why}\n"),
        )
            .into_response(),
    }
}

/// The app's files; an unknown path without an extension is an app route
/// (index.html), with one it is a missing file (404). A file's brotli or
/// gzip copy beside it (`x.wasm.br`, `x.wasm.gz`, written by
/// `scripts/precompress.mjs` at build time) goes to a browser that accepts
/// it: a phone on a weak network fetches a third of the bytes, and no
/// request costs the relay compression work.
async fn app_file(State(dist): State<std::sync::Arc<PathBuf>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    let files = ServeDir::new(dist.as_path())
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip();
    let response = match files.oneshot(request).await {
        Ok(r) => r.map(Body::new),
        Err(e) => match e {},
    };
    if response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    let last = path.rsplit('/').next().unwrap_or_default();
    if last.contains('.') {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    }
    let index = ServeFile::new(dist.join("index.html"));
    match index.oneshot(Request::new(Body::empty())).await {
        Ok(r) => r.map(Body::new),
        Err(e) => match e {},
    }
}

pub fn router(options: &Options, relay: crate::relay::Relay) -> Router {
    let csp = content_security_policy(
        &std::fs::read_to_string(options.dist.join("index.html")).unwrap_or_default(),
    );
    let csp = HeaderValue::from_str(&csp).expect("the policy is ASCII");
    let feeds = crate::ics_feed::Feeds {
        relay: relay.clone(),
        tokens: std::sync::Arc::new(crate::ics_feed::FeedTokens::new(&options.data_dir)),
        allowed_origin: std::sync::Arc::new(options.limits.allowed_origin.clone()),
    };
    Router::new()
        .route(
            "/healthz",
            get(healthz).with_state(Health {
                relay: relay.clone(),
            }),
        )
        .route("/sync", get(crate::relay::upgrade).with_state(relay))
        .route(
            "/ics/{file}",
            get(crate::ics_feed::feed).with_state(feeds.clone()),
        )
        .route(
            "/ics/feeds",
            axum::routing::post(crate::ics_feed::token).with_state(feeds),
        )
        .fallback(app_file)
        .with_state(std::sync::Arc::new(options.dist.clone()))
        // The app must never run stale after a deploy: the browser revalidates.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(
            // The path is not logged: app paths, feeds and invitations
            // carry a workspace's id, which is its key.
            TraceLayer::new_for_http()
                .make_span_with(
                    |request: &Request| tracing::info_span!("request", method = %request.method()),
                )
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}

async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_scripts_are_allowed_by_hash_and_others_not() {
        let html = r#"<script type="module">import init from '/a.js';init('/a_bg.wasm');</script>
<script src="/x.js"></script><script>
  x()
</script>"#;
        let csp = super::content_security_policy(html);
        assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
        // echo -n "import init from '/a.js';init('/a_bg.wasm');" | sha256sum | xxd -r -p | base64
        assert!(csp.contains("'wasm-unsafe-eval'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!script_src.contains("unsafe-inline"), "{csp}");
    }
}
