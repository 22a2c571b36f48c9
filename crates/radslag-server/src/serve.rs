//! `radslag serve`: the built app over HTTP, with a health check, the
//! sync relay at `/sync` (see [`crate::relay`]) and each stored workspace's
//! annual wheel as a calendar feed at `/ics/<documentId>.ics`
//! (see [`crate::ics_feed`]).
//!
//! Unknown paths answer with `index.html`, because the app's router uses real
//! paths (`/w/…/moten`) that only the browser knows.

use anyhow::Context;
use axum::{Router, http::header, routing::get};
use std::{net::SocketAddr, path::PathBuf};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeaderLayer,
    trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer},
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
    // Sync messages are small and latency matters: no Nagle delay.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router(&options, relay.clone()))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    relay.stop().await;
    tracing::info!("stopped");
    Ok(())
}

pub fn router(options: &Options, relay: crate::relay::Relay) -> Router {
    let app = ServeDir::new(&options.dist)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(options.dist.join("index.html")));
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/sync", get(crate::relay::upgrade).with_state(relay))
        .route(
            "/ics/{file}",
            get(crate::ics_feed::feed).with_state(crate::ics_feed::Feeds {
                data_dir: std::sync::Arc::new(options.data_dir.clone()),
            }),
        )
        .fallback_service(app)
        // The app must never run stale after a deploy: the browser revalidates.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-cache"),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
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
