//! `GET /ics/<token>.ics[?group=<groupId>][&actions=1]`: the annual wheel
//! of a workspace the relay stores, as an iCalendar feed that Outlook and
//! Google Calendar can subscribe to (one group's, or everything; with
//! actions' due dates when asked).
//!
//! The URL carries a feed token of its own, never the document id (which is
//! the read-write key of the whole workspace): a calendar service that
//! leaks the URL leaks the calendar and nothing else. `POST /ics/feeds` with
//! a document id as its body answers the document's current token
//! (`{"token": …, "path": "/ics/<token>.ics"}`, made on first use);
//! `POST /ics/feeds?renew=1` replaces it, and the old URL answers 404. Only
//! whoever knows the document id can do either. Tokens live under
//! `<data-dir>/.feeds/`, named by hashes, and are never logged.
//!
//! The feed is read from the relay's store on each request, through
//! radslag-core, so it always shows what members have synced.

use std::{
    collections::HashMap,
    path::{Path as FsPath, PathBuf},
    sync::Arc,
    time::{SystemTime, UNIX_EPOCH},
};

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use radslag_core::{
    WorkspaceDoc, ids::GroupId, model::Group, sync::DocumentId, wheel::sources::workspace_ics_at_ms,
};

/// The relay that stores the documents, and the feed tokens.
#[derive(Clone)]
pub struct Feeds {
    pub relay: crate::relay::Relay,
    pub tokens: Arc<FeedTokens>,
    /// Browser origins allowed to ask for tokens (as for `/sync`).
    pub allowed_origin: Arc<Vec<String>>,
}

/// Feed tokens: `<dir>/d-<sha256 of the document id>` holds a document's
/// current token, `<dir>/t-<sha256 of the token>` the document id of a token.
pub struct FeedTokens {
    dir: PathBuf,
    lock: std::sync::Mutex<()>,
}

fn hex_sha256(s: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_file(path: &FsPath, text: &str) -> std::io::Result<()> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, text)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, path)
}

impl FeedTokens {
    pub fn new(data_dir: &FsPath) -> Self {
        FeedTokens {
            dir: data_dir.join(".feeds"),
            lock: std::sync::Mutex::new(()),
        }
    }

    /// The document's token (a new one when `renew`, or when it has none).
    pub fn token(&self, doc: &DocumentId, renew: bool) -> std::io::Result<String> {
        use base64::Engine as _;
        let _guard = self.lock.lock().unwrap();
        std::fs::create_dir_all(&self.dir)?;
        let doc_file = self.dir.join(format!("d-{}", hex_sha256(&doc.to_string())));
        let current = std::fs::read_to_string(&doc_file).ok();
        if let Some(token) = current.as_ref().filter(|_| !renew) {
            return Ok(token.clone());
        }
        // 244 random bits (two v4 uuids, from the OS's generator).
        let mut bytes = uuid::Uuid::new_v4().into_bytes().to_vec();
        bytes.extend(uuid::Uuid::new_v4().into_bytes());
        let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        write_file(
            &self.dir.join(format!("t-{}", hex_sha256(&token))),
            &doc.to_string(),
        )?;
        write_file(&doc_file, &token)?;
        if let Some(old) = current {
            // Revoked: the old URL is not found from now on.
            let _ = std::fs::remove_file(self.dir.join(format!("t-{}", hex_sha256(&old))));
        }
        Ok(token)
    }

    /// The document a token stands for.
    pub fn document(&self, token: &str) -> Option<DocumentId> {
        if token.len() != 43 {
            return None;
        }
        let text =
            std::fs::read_to_string(self.dir.join(format!("t-{}", hex_sha256(token)))).ok()?;
        DocumentId::parse(text.trim()).ok()
    }
}

/// The workspace the relay stores for document `id`, or `None` when there is
/// none or it is not a workspace (blocking: it reads the files).
fn load_stored(relay: &crate::relay::Relay, id: &DocumentId) -> Option<WorkspaceDoc> {
    WorkspaceDoc::load(&relay.stored_document(id)?.save()).ok()
}

fn not_found(what: &'static str) -> Response {
    (StatusCode::NOT_FOUND, what).into_response()
}

/// `POST /ics/feeds[?renew=1]` with a document id as the body: the
/// document's feed token.
pub async fn token(
    State(feeds): State<Feeds>,
    Query(query): Query<HashMap<String, String>>,
    headers: axum::http::HeaderMap,
    body: String,
) -> Response {
    if !crate::relay::origin_allowed(&headers, &feeds.allowed_origin) {
        return (StatusCode::FORBIDDEN, "this origin may not ask for feeds\n").into_response();
    }
    let Ok(id) = DocumentId::parse(body.trim()) else {
        return not_found("no such workspace\n");
    };
    if !feeds.relay.stores(&id) {
        return not_found("no such workspace\n");
    }
    let renew = query.get("renew").is_some_and(|v| v == "1" || v == "true");
    let tokens = feeds.tokens.clone();
    match tokio::task::spawn_blocking(move || tokens.token(&id, renew)).await {
        Ok(Ok(token)) => {
            if renew {
                tracing::info!(document = %crate::relay::redact(&id.to_string()), "calendar feed renewed");
            }
            (
                [(header::CONTENT_TYPE, "application/json")],
                serde_json::json!({ "token": token, "path": format!("/ics/{token}.ics") })
                    .to_string(),
            )
                .into_response()
        }
        _ => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "cannot store the feed token\n",
        )
            .into_response(),
    }
}

/// `GET /ics/<token>.ics`: the feed.
pub async fn feed(
    State(feeds): State<Feeds>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(id) = file
        .strip_suffix(".ics")
        .and_then(|token| feeds.tokens.document(token))
    else {
        return not_found("no such calendar\n");
    };
    let relay = feeds.relay.clone();
    let doc = tokio::task::spawn_blocking(move || load_stored(&relay, &id))
        .await
        .ok()
        .flatten();
    let Some(doc) = doc else {
        return not_found("no such calendar\n");
    };
    let group = query
        .get("group")
        .map(|g| g.trim())
        .filter(|g| !g.is_empty())
        .map(GroupId::from);
    if group
        .as_ref()
        .is_some_and(|g| doc.get::<Group>(g).is_none())
    {
        return not_found("no such group in this workspace\n");
    }
    let actions = query
        .get("actions")
        .is_some_and(|v| v == "1" || v == "true");
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(0));
    let text = workspace_ics_at_ms(&doc, group.as_ref(), actions, now_ms);
    (
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        text,
    )
        .into_response()
}
