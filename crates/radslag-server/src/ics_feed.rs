//! `GET /ics/<documentId>.ics[?group=<groupId>][&actions=1]`: the annual
//! wheel of a workspace the relay stores, as an iCalendar feed that Outlook
//! and Google Calendar can subscribe to (one group's, or everything; with
//! actions' due dates when asked).
//!
//! The feed is read from the relay's files under `--data-dir` (the NodeFS
//! layout, see [`crate::relay`]) on each request, through radslag-core, so it
//! always shows what members have synced. Whoever knows a document id can
//! already sync the whole workspace from the relay; the feed reveals no more.

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

/// Where the relay keeps documents.
#[derive(Clone)]
pub struct Feeds {
    pub data_dir: Arc<PathBuf>,
}

/// The workspace stored for document `id` (every snapshot and incremental
/// chunk the relay wrote), or `None` when there is none or it is not a
/// workspace.
pub fn load_stored(data_dir: &FsPath, id: &DocumentId) -> Option<WorkspaceDoc> {
    let id = id.to_string();
    let split = id.char_indices().nth(2).map_or(id.len(), |(i, _)| i);
    let dir = data_dir.join(&id[..split]).join(&id[split..]);
    let mut bytes = Vec::new();
    for kind in ["snapshot", "incremental"] {
        let Ok(entries) = std::fs::read_dir(dir.join(kind)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .collect();
        files.sort();
        for file in files {
            if let Ok(data) = std::fs::read(&file) {
                bytes.extend_from_slice(&data);
            }
        }
    }
    if bytes.is_empty() {
        return None;
    }
    let mut doc = automerge::Automerge::new();
    doc.load_incremental(&bytes).ok()?;
    WorkspaceDoc::load(&doc.save()).ok()
}

fn not_found(what: &'static str) -> Response {
    (StatusCode::NOT_FOUND, what).into_response()
}

/// The handler.
pub async fn feed(
    State(feeds): State<Feeds>,
    Path(file): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(id) = file
        .strip_suffix(".ics")
        .and_then(|id| DocumentId::parse(id).ok())
    else {
        return not_found("no such calendar\n");
    };
    let dir = feeds.data_dir.clone();
    let doc = tokio::task::spawn_blocking(move || load_stored(&dir, &id))
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
