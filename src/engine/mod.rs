//! The document engine: Automerge and the code that reads or writes a
//! workspace's document, in a wasm chunk of its own (`document`) that the
//! app fetches as it starts. The first page — the meetings list, drawn from
//! its first view — needs only the main module, and a phone on a weak
//! network sees it before Automerge has arrived (docs/performance.md,
//! "Size").
//!
//! The main module reaches the document only through [`Engine`], a trait
//! object made in that chunk: what only its vtable reaches is split off with
//! it. Pages in other chunks read and change the document directly (they
//! open once the engine is there); the list page's forms are engine views
//! ([`Part`]).

mod document;

use std::any::Any;
use std::cell::OnceCell;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use radslag_core::{
    DocError, ReadCache, Touched, WorkspaceDoc,
    backup::RestoreError,
    doc::{Deletable, Kind, NewsSince, Seen, Viewer},
    ids::PersonId,
    model::{Group, Person, WorkspaceInfo},
};

use crate::state::{AppState, Workspace};
use crate::sync::Sync;

/// A point in the document's history.
pub type Heads = Vec<automerge::ChangeHash>;

/// What the main module does with a document, done in the engine's chunk.
pub trait Engine {
    /// Loads a stored workspace and makes it the open one (or says why not).
    fn open_stored(&self, ws: Workspace, id: &str);
    /// A new workspace with its first groups and people, opened.
    fn create_workspace(
        &self,
        app: AppState,
        info: WorkspaceInfo,
        groups: Vec<Group>,
        people: Vec<Person>,
    ) -> Result<String, DocError>;
    /// See [`AppState::restore_backup`].
    fn restore_backup(&self, app: AppState, bytes: &[u8]) -> Result<(String, bool), RestoreError>;
    /// See [`AppState::is_other_workspace`].
    fn is_other_workspace(&self, app: AppState, bytes: &[u8]) -> bool;
    /// Stores what is unsaved of the open workspace.
    fn save(&self, ws: Workspace);
    /// Takes in what another tab stored for the open workspace.
    fn absorb(&self, ws: Workspace, key: &str, value: Option<&str>);
    /// Starts syncing with the relay; `shown` is what the views show of it.
    fn start_sync(&self, app: AppState, shown: Sync);
    /// A view that writes to the document.
    fn view(&self, part: Part) -> AnyView;

    fn heads(&self, doc: &mut WorkspaceDoc) -> Heads;
    fn touched_since(&self, doc: &mut WorkspaceDoc, since: &[automerge::ChangeHash]) -> Touched;
    /// Every entry of `kind`, as a `Vec` of its type.
    fn list(&self, cache: &mut ReadCache, doc: &WorkspaceDoc, kind: Kind) -> Box<dyn Any>;
    /// One entry of `kind`, as its type.
    fn get(
        &self,
        cache: &mut ReadCache,
        doc: &WorkspaceDoc,
        kind: Kind,
        id: &str,
    ) -> Option<Box<dyn Any>>;
    fn sign_as(&self, doc: &mut WorkspaceDoc, person: &PersonId) -> Result<(), DocError>;
    fn commit(&self, doc: &mut WorkspaceDoc, at_ms: i64);
    fn delete(
        &self,
        doc: &mut WorkspaceDoc,
        what: &Deletable,
        at_ms: i64,
    ) -> Result<bool, DocError>;
    fn restore(&self, doc: &mut WorkspaceDoc, what: &Deletable) -> Result<bool, DocError>;
    /// The whole document, for a backup.
    fn export(&self, doc: &mut WorkspaceDoc) -> Vec<u8>;
    /// Where the history stands, and this device's actor.
    fn seen_now(&self, doc: &mut WorkspaceDoc) -> (Seen, String);
    /// Follows `news` to the heads; the entries changed, with who changed
    /// them (names).
    fn follow_news(
        &self,
        doc: &mut WorkspaceDoc,
        news: &mut NewsSince,
        viewer: Viewer,
    ) -> HashMap<String, Vec<String>>;
}

/// The views of the main module's pages that write to the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    NewMeetingForm,
    TemplatesEditor,
}

#[wasm_split(document, wasm_split_path = ::leptos::wasm_split, fallible)]
fn document_engine() -> Result<&'static dyn Engine, SplitLoaderError> {
    Ok(&document::Automerge)
}

thread_local! {
    static LOADED: OnceCell<&'static dyn Engine> = const { OnceCell::new() };
}

/// The engine, fetching its chunk the first time; `None` when that fails
/// (a later call tries again).
pub async fn load() -> Option<&'static dyn Engine> {
    if let Some(engine) = loaded() {
        return Some(engine);
    }
    let engine = document_engine().await.ok()?;
    LOADED.with(|cell| *cell.get_or_init(|| engine));
    Some(engine)
}

/// The engine, if its chunk is here.
pub fn loaded() -> Option<&'static dyn Engine> {
    LOADED.with(|cell| cell.get().copied())
}

/// The engine where a document is at hand: only the engine makes one.
pub fn engine() -> &'static dyn Engine {
    loaded().expect("a document exists only once the engine is loaded")
}

/// Whether the engine is here, for views; in context.
#[derive(Clone, Copy)]
pub struct EngineLoaded(pub RwSignal<bool>);

/// Fetches the engine as the app starts, then opens the workspace shown
/// from its first view and starts sync. Said in a notice when it cannot
/// be fetched.
pub fn start(app: AppState, sync: Sync) {
    let ready = RwSignal::new(false);
    provide_context(EngineLoaded(ready));
    leptos::task::spawn_local(async move {
        match load().await {
            Some(engine) => {
                ready.set(true);
                engine.start_sync(app, sync);
                app.workspace.engine_loaded();
            }
            None => app.notify(crate::state::Notice::NotLoaded),
        }
    });
}

/// An engine view, shown once the engine is here.
#[component]
pub fn EngineView(part: Part) -> impl IntoView {
    let ready = expect_context::<EngineLoaded>().0;
    move || ready.get().then(|| engine().view(part))
}
