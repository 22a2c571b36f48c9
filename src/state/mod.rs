//! Application state, provided as context: the workspaces on this device, the
//! open workspace's document, and notices for the user. Views read and change
//! the document only through [`Workspace`]; storage stays in [`storage`].

pub mod download;
pub mod file_reader;
pub mod lookups;
pub mod storage;

use leptos::prelude::*;
use radslag_core::{
    DocError, Entity, ReadCache, Touched, WorkspaceDoc,
    backup::RestoreError,
    first_view::{FirstView, StoredStamp},
    ids::PersonId,
    model::{Group, Meeting, Person, Template, WorkspaceInfo},
    sync::DocumentId,
};
use std::collections::HashMap;
use std::time::Duration;
use storage::{DocStore, Opened, WorkspaceEntry, WriteError};

use crate::engine::{self, engine};

/// Saves are gathered for this long, so typing writes once, not per key.
const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Typed text shows itself in its field; the views that read what was typed
/// re-read once typing pauses this long, or at the latest every
/// [`TYPING_TELL_EVERY_MS`], not on every key (docs/performance.md).
const TYPING_PAUSE: Duration = Duration::from_millis(250);
const TYPING_TELL_EVERY_MS: i64 = 1000;

/// The meetings list's first view is written once saving has been still
/// this long (and when the page or workspace is left), not on every save:
/// it reads every meeting, a few milliseconds that typing would feel.
const FIRST_VIEW_WHEN_STILL: Duration = Duration::from_secs(1);

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Something the user must know about storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The quota is used up; changes are kept in memory only.
    StorageFull,
    /// A stored value could not be read and was kept under a backup key.
    Unreadable { backup_key: Option<String> },
    /// A new version of the app is cached and starts at the next reload.
    UpdateReady,
    /// A change could not be read: the workspace shows its last readable
    /// state. Who made it (a person's name, if the device said) and when.
    HeldBack {
        by: Option<String>,
        at_ms: i64,
        newer_schema: Option<u64>,
    },
    /// The document engine could not be fetched: nothing can be changed.
    NotLoaded,
}

/// Where the open workspace stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenState {
    Closed,
    /// Shown from its first view (`radslag_core::first_view`) while the
    /// document loads, just after the first paint: only the meetings list
    /// can show, and only to read.
    Opening,
    Ready,
    Missing,
    Unreadable {
        backup_key: Option<String>,
        reason: String,
    },
    Newer,
    /// Fetching a workspace by its invitation link; it opens when it arrives.
    Joining,
    /// The relay has no workspace with the invitation's id.
    NotFound,
}

/// Signals every part of the state shares: the workspaces on this device and
/// the notices shown to the user.
#[derive(Clone, Copy)]
pub struct Shared {
    pub workspaces: RwSignal<Vec<WorkspaceEntry>>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl Shared {
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|notices| {
            if !notices.contains(&notice) {
                notices.push(notice);
            }
        });
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.notices
            .update(|notices| notices.retain(|n| n != notice));
    }

    fn save_registry(&self) {
        if let Err(WriteError::Full) = storage::save_registry(&self.workspaces.get_untracked()) {
            self.notify(Notice::StorageFull);
        }
    }

    /// Keeps the switcher's entry in step with the document: its name
    /// (renamed here or by another member) and, when given, its origin.
    fn sync_registry_entry(&self, id: &str, name: &str, origin: Option<String>) {
        let differs =
            |e: &WorkspaceEntry| e.name != name || (origin.is_some() && e.origin != origin);
        let stale = self
            .workspaces
            .with_untracked(|list| list.iter().any(|e| e.id == id && differs(e)));
        if stale {
            self.workspaces.update(|list| {
                for entry in list.iter_mut().filter(|e| e.id == id) {
                    entry.name = name.to_owned();
                    entry.origin = origin.clone().or(entry.origin.take());
                }
            });
            self.save_registry();
        }
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspaces: RwSignal<Vec<WorkspaceEntry>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub workspace: Workspace,
}

impl AppState {
    pub fn new() -> AppState {
        let shared = Shared {
            workspaces: RwSignal::new(storage::registry(now_ms())),
            notices: RwSignal::new(Vec::new()),
        };
        AppState {
            workspaces: shared.workspaces,
            notices: shared.notices,
            workspace: Workspace::new(shared),
        }
    }

    fn shared(&self) -> Shared {
        self.workspace.shared
    }

    pub fn notify(&self, notice: Notice) {
        self.shared().notify(notice);
    }

    pub fn dismiss(&self, notice: &Notice) {
        self.shared().dismiss(notice);
    }

    /// Creates a workspace, stores it and makes it the open one (called by
    /// the engine).
    pub(crate) fn create_workspace(
        &self,
        info: WorkspaceInfo,
        fill: impl FnOnce(&mut WorkspaceDoc) -> Result<(), DocError>,
    ) -> Result<String, DocError> {
        let mut doc = WorkspaceDoc::create(&info)?;
        fill(&mut doc)?;
        // The local id is also the document's automerge-repo id, for sync,
        // and the document keeps it, for backups.
        let id = DocumentId::random().to_string();
        doc.set_document_id(&id)?;
        doc.commit(now_ms());
        let origin = doc.origin();
        self.workspaces.update(|list| {
            list.push(WorkspaceEntry {
                id: id.clone(),
                name: info.name.clone(),
                origin,
            })
        });
        self.shared().save_registry();
        self.workspace.install(id.clone(), doc, DocStore::new(&id));
        self.workspace.flush();
        Ok(id)
    }

    /// Opens a stored workspace (after saving the one that was open). One
    /// with a first view shows it at once and loads just after the paint.
    pub fn open_workspace(&self, id: &str) {
        if self.workspace.id.get_untracked().as_deref() == Some(id) {
            return;
        }
        storage::set_last_workspace(id);
        match storage::first_view(id) {
            Some(view) => self.workspace.show_first_view(id, view),
            None => self.workspace.show_opening(id),
        }
    }

    /// Restores a backup file: merged into the workspace it belongs to when
    /// that is on this device, else added as a workspace of its own. Returns
    /// the workspace's id and whether the backup brought anything new.
    pub(crate) fn restore_backup(&self, bytes: &[u8]) -> Result<(String, bool), RestoreError> {
        let mut backup = WorkspaceDoc::load(bytes)?;
        let origin = backup.origin();
        let open_matches = self.workspace.change(|doc| Ok(doc.origin())).ok().flatten() == origin;
        if open_matches && let Some(id) = self.workspace.id.get_untracked() {
            let brought_news = self
                .workspace
                .change(|doc| Ok(radslag_core::backup::merge_backup(doc, bytes)))?;
            return Ok((id, brought_news?));
        }
        let elsewhere = self
            .workspaces
            .get_untracked()
            .into_iter()
            .find(|entry| entry.origin == origin);
        if let Some(entry) = elsewhere {
            self.open_workspace(&entry.id);
            let brought_news = self
                .workspace
                .change(|doc| Ok(radslag_core::backup::merge_backup(doc, bytes)))?;
            return Ok((entry.id, brought_news?));
        }
        // The id it syncs under comes along, so a restored workspace keeps
        // syncing with the council (unless this device uses it already).
        let taken = |id: &String| {
            self.workspaces
                .with_untracked(|list| list.iter().any(|e| &e.id == id))
        };
        let id = backup
            .document_id()
            .filter(|id| !taken(id))
            .unwrap_or_else(|| DocumentId::random().to_string());
        let name = backup.info().name;
        self.workspaces.update(|list| {
            list.push(WorkspaceEntry {
                id: id.clone(),
                name,
                origin: origin.clone(),
            })
        });
        self.shared().save_registry();
        self.workspace
            .install(id.clone(), backup, DocStore::new(&id));
        self.workspace.flush();
        Ok((id, true))
    }

    /// Whether a backup file is of another workspace than the open one
    /// (restoring it then adds a workspace rather than merging).
    pub(crate) fn is_other_workspace(&self, bytes: &[u8]) -> bool {
        let Ok(mut backup) = WorkspaceDoc::load(bytes) else {
            return false;
        };
        let open = self.workspace.change_untracked(|doc| doc.origin());
        open.is_some() && open != Some(backup.origin())
    }

    /// Starts joining a workspace from an invitation: it has no document
    /// here yet; sync fetches it and [`Self::adopt_joined`] opens it.
    pub fn begin_join(&self, id: &str) {
        self.workspace.set_state(id, OpenState::Joining);
    }

    /// A joined workspace arrived: keep it on this device and open it.
    pub fn adopt_joined(&self, id: &str, mut doc: WorkspaceDoc) {
        let (name, origin) = (doc.info().name, doc.origin());
        if !self
            .workspaces
            .with_untracked(|list| list.iter().any(|e| e.id == id))
        {
            self.workspaces.update(|list| {
                list.push(WorkspaceEntry {
                    id: id.to_owned(),
                    name,
                    origin,
                })
            });
            self.shared().save_registry();
        }
        storage::set_last_workspace(id);
        self.workspace
            .install(id.to_owned(), doc, DocStore::new(id));
        self.workspace.flush();
    }

    /// A workspace synced in the background was saved under this name
    /// (perhaps renamed by another member): the switcher follows.
    pub fn note_workspace_name(&self, id: &str, name: &str) {
        self.shared().sync_registry_entry(id, name, None);
    }

    /// Another tab stored something: take in its changes to the open
    /// workspace and its list of workspaces.
    pub fn absorb_storage_event(&self, key: &str, value: Option<String>) {
        if storage::is_registry(key) {
            self.workspaces.set(storage::registry(now_ms()));
        } else {
            self.workspace.absorb(key, value.as_deref());
        }
    }
}

/// A workspace that was open, as it was saved.
pub struct Closed {
    pub id: String,
    pub doc: WorkspaceDoc,
    pub store: DocStore,
}

/// The open workspace. Views re-render when what they read changes: reading
/// a kind of entry ([`Self::list`], [`Self::get`], [`Self::read_in`]) tracks
/// that collection, [`Self::read`] every change. Changing commits, tells the
/// views what changed and schedules a save.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub id: RwSignal<Option<String>>,
    pub state: RwSignal<OpenState>,
    /// Whom this device writes for, chosen from the people register.
    pub me: RwSignal<Option<PersonId>>,
    /// Whether this replica has recorded `me` in the document this session.
    signed: StoredValue<bool>,
    revision: RwSignal<u64>,
    /// Notified on every change, local or remote, as it is made: sync sends
    /// typed letters right away even while the views wait for a pause.
    edits: Trigger,
    /// What typing touched that the views have not been told yet, since when.
    untold: StoredValue<Option<(Touched, i64)>>,
    /// Keystrokes so far: a pause is a wait with no new one.
    keystrokes: StoredValue<u64>,
    /// Per collection (root key), notified when changes touch it.
    collections: StoredValue<HashMap<String, ArcTrigger>>,
    /// The heads views have been told about.
    seen: StoredValue<engine::Heads>,
    /// Entries read, until changes touch them.
    cache: StoredValue<ReadCache, LocalStorage>,
    doc: StoredValue<Option<WorkspaceDoc>, LocalStorage>,
    store: StoredValue<Option<DocStore>, LocalStorage>,
    /// What the lists show while the document loads ([`OpenState::Opening`]).
    first_view: StoredValue<Option<FirstView>, LocalStorage>,
    /// The stored document the stored first view was made from.
    first_view_stamp: StoredValue<Option<StoredStamp>, LocalStorage>,
    /// Saves so far: saving is still when a wait sees no new one.
    saves: StoredValue<u64>,
    /// The workspace this one replaced, saved, for sync to keep syncing in
    /// the background (see [`Self::take_closed`]).
    closed: StoredValue<Option<Closed>, LocalStorage>,
    save_scheduled: StoredValue<bool>,
    shared: Shared,
}

impl Workspace {
    fn new(shared: Shared) -> Workspace {
        Workspace {
            id: RwSignal::new(None),
            state: RwSignal::new(OpenState::Closed),
            me: RwSignal::new(None),
            signed: StoredValue::new(false),
            revision: RwSignal::new(0),
            edits: Trigger::new(),
            untold: StoredValue::new(None),
            keystrokes: StoredValue::new(0),
            collections: StoredValue::new(HashMap::new()),
            seen: StoredValue::new(Vec::new()),
            cache: StoredValue::new_local(ReadCache::default()),
            doc: StoredValue::new_local(None),
            store: StoredValue::new_local(None),
            first_view: StoredValue::new_local(None),
            first_view_stamp: StoredValue::new_local(None),
            saves: StoredValue::new(0),
            closed: StoredValue::new_local(None),
            save_scheduled: StoredValue::new(false),
            shared,
        }
    }

    /// Saves the open workspace and lets it go, when another takes its place.
    fn close_for(&self, next: &str) {
        let Some(id) = self.id.get_untracked().filter(|id| id != next) else {
            self.flush();
            return;
        };
        self.save_before_leaving();
        let doc = self.doc.try_update_value(Option::take).flatten();
        let store = self.store.try_update_value(Option::take).flatten();
        if let (Some(doc), Some(store)) = (doc, store) {
            self.closed.set_value(Some(Closed { id, doc, store }));
        }
    }

    /// The workspace closed last, if nobody took it yet.
    pub fn take_closed(&self) -> Option<Closed> {
        self.closed.try_update_value(Option::take).flatten()
    }

    /// Makes `doc` the open workspace, after saving the one it replaces.
    fn install(&self, id: String, mut doc: WorkspaceDoc, store: DocStore) {
        self.close_for(&id);
        // The origin is worked out once per workspace: it reads every
        // change's metadata (110 ms of a five-year workspace's open).
        let known = self
            .shared
            .workspaces
            .with_untracked(|list| list.iter().any(|e| e.id == id && e.origin.is_some()));
        let origin = if known { None } else { doc.origin() };
        self.shared
            .sync_registry_entry(&id, &doc.info().name, origin);
        // Workspaces from before backups carried their id get it now.
        if doc.document_id().is_none() && doc.set_document_id(&id).is_ok() {
            self.schedule_save();
        }
        self.tell_if_held_back(&doc);
        // The stored first view is known only if it was this workspace's.
        let shown_first = self
            .first_view
            .try_update_value(Option::take)
            .flatten()
            .is_some();
        if !shown_first || self.id.get_untracked().as_deref() != Some(id.as_str()) {
            self.first_view_stamp.set_value(None);
        }
        self.doc.set_value(Some(doc));
        self.store.set_value(Some(store));
        self.me.set(storage::me(&id).map(PersonId::from));
        self.signed.set_value(false);
        self.id.set(Some(id));
        self.state.set(OpenState::Ready);
        self.changed(Touched::Everything);
    }

    fn set_state(&self, id: &str, state: OpenState) {
        self.close_for(id);
        self.doc.set_value(None);
        self.store.set_value(None);
        self.first_view.set_value(None);
        self.first_view_stamp.set_value(None);
        self.id.set(Some(id.to_owned()));
        self.state.set(state);
        self.changed(Touched::Everything);
    }

    /// Shows a workspace from its first view, and loads its document once
    /// that is on screen.
    fn show_first_view(&self, id: &str, view: FirstView) {
        self.close_for(id);
        self.doc.set_value(None);
        self.store.set_value(None);
        self.first_view_stamp.set_value(Some(view.stamp.clone()));
        self.first_view.set_value(Some(view));
        self.id.set(Some(id.to_owned()));
        self.state.set(OpenState::Opening);
        self.changed(Touched::Everything);
        crate::clock::mark("radslag-first-view");
        self.finish_opening_after_paint();
    }

    /// A workspace without a first view is opening: nothing of it shows
    /// until its document is loaded.
    fn show_opening(&self, id: &str) {
        self.set_state(id, OpenState::Opening);
        self.finish_opening_after_paint();
    }

    /// Whether the opening workspace shows its first view.
    pub fn shows_first_view(&self) -> bool {
        self.first_view.with_value(Option::is_some)
    }

    /// [`Self::finish_opening`] once what shows is on screen: after the
    /// next frame, or a moment later where no frame comes (a page in the
    /// background).
    fn finish_opening_after_paint(&self) {
        const NO_FRAME_AFTER: Duration = Duration::from_millis(100);
        let this = *self;
        crate::clock::after_next_frame(move || this.finish_opening(), NO_FRAME_AFTER);
    }

    /// The engine is here: an opening workspace loads (after the paint).
    pub fn engine_loaded(&self) {
        self.finish_opening_after_paint();
    }

    /// Loads the document of an opening workspace; at once when something
    /// must change it. Waits for the engine (see [`Self::engine_loaded`]).
    fn finish_opening(&self) {
        if self.state.get_untracked() == OpenState::Opening
            && let Some(id) = self.id.get_untracked()
            && let Some(engine) = engine::loaded()
        {
            engine.open_stored(*self, &id);
        }
    }

    /// Loads a stored workspace and makes it the open one, or says why not.
    pub(crate) fn open_stored(&self, id: &str) {
        crate::clock::mark("radslag-open");
        let opened = DocStore::open(id, now_ms());
        crate::clock::mark("radslag-loaded");
        match opened {
            Opened::Ready {
                doc,
                store,
                damaged_chunks,
                damaged_chunk_backup,
            } => {
                if damaged_chunks {
                    self.shared.notify(Notice::Unreadable {
                        backup_key: damaged_chunk_backup,
                    });
                }
                self.install(id.to_owned(), *doc, store);
                // Writes the first view if it is missing or stale.
                self.schedule_save();
            }
            Opened::Missing => self.set_state(id, OpenState::Missing),
            Opened::Newer => self.set_state(id, OpenState::Newer),
            Opened::Unreadable { backup_key, reason } => {
                self.set_state(id, OpenState::Unreadable { backup_key, reason })
            }
        }
    }

    /// Saves now, and the first view with it: the page or the workspace is
    /// being left.
    pub fn save_before_leaving(&self) {
        self.flush();
        if let Some(id) = self.id.get_untracked() {
            self.keep_first_view(&id);
        }
    }

    /// Keeps the first view in step once saving is still.
    fn keep_first_view_when_still(&self) {
        let save = self.saves.try_update_value(|saves| {
            *saves += 1;
            *saves
        });
        let this = *self;
        set_timeout(
            move || {
                if this.saves.get_value() == save.unwrap_or_default()
                    && let Some(id) = this.id.get_untracked()
                {
                    this.keep_first_view(&id);
                }
            },
            FIRST_VIEW_WHEN_STILL,
        );
    }

    /// Keeps the first view in step with what is stored.
    fn keep_first_view(&self, id: &str) {
        let Some(stamp) = self
            .store
            .with_value(|s| s.as_ref().and_then(DocStore::stamp))
        else {
            return;
        };
        if self
            .first_view_stamp
            .with_value(|kept| kept.as_ref() == Some(&stamp))
        {
            return;
        }
        let view = FirstView::new(
            stamp.clone(),
            self.read_list::<Meeting>(),
            self.read_list::<Person>(),
            self.read_list::<Group>(),
            self.read_list::<Template>(),
        );
        storage::set_first_view(id, &view);
        self.first_view_stamp.set_value(Some(stamp));
    }

    /// Tells the views reading what changed since they were last told.
    fn refresh(&self) {
        let touched = self.touched_since_seen();
        self.changed(touched);
    }

    /// Like [`Self::refresh`] after a keystroke: entries read are forgotten
    /// at once (so nothing reads a stale copy), the views are told at a
    /// pause in typing.
    fn refresh_after_typing(&self) {
        let touched = self.touched_since_seen();
        self.cache.update_value(|cache| cache.forget(&touched));
        let now = now_ms();
        self.untold.update_value(|untold| {
            *untold = Some(match untold.take() {
                Some((earlier, since)) => (earlier.merge(touched), since),
                None => (touched, now),
            });
        });
        let keystroke = self.keystrokes.try_update_value(|k| {
            *k += 1;
            *k
        });
        let this = *self;
        set_timeout(
            move || {
                let paused = this.keystrokes.get_value() == keystroke.unwrap_or_default();
                let waited_long = this.untold.with_value(|u| {
                    u.as_ref()
                        .is_some_and(|(_, since)| now_ms() - since >= TYPING_TELL_EVERY_MS)
                });
                if paused || waited_long {
                    this.typing_paused();
                }
            },
            TYPING_PAUSE,
        );
    }

    /// Tells the views what typing changed, if they have not heard yet.
    pub fn typing_paused(&self) {
        if self.untold.with_value(Option::is_some) {
            self.changed(Touched::Entries(Default::default()));
        }
    }

    fn touched_since_seen(&self) -> Touched {
        self.doc
            .try_update_value(|doc| {
                let doc = doc.as_mut()?;
                let heads = engine().heads(doc);
                let since = self
                    .seen
                    .try_update_value(|seen| std::mem::replace(seen, heads))?;
                Some(engine().touched_since(doc, &since))
            })
            .flatten()
            .unwrap_or(Touched::Everything)
    }

    fn changed(&self, touched: Touched) {
        if touched == Touched::Everything {
            let heads = self
                .doc
                .try_update_value(|doc| doc.as_mut().map(|doc| engine().heads(doc)))
                .flatten()
                .unwrap_or_default();
            self.seen.set_value(heads);
        }
        self.cache.update_value(|cache| cache.forget(&touched));
        // What typing touched was forgotten as it was typed; the views that
        // read it hear of it now.
        let touched = match self.untold.try_update_value(Option::take).flatten() {
            Some((untold, _)) => untold.merge(touched),
            None => touched,
        };
        self.collections.with_value(|collections| {
            for (key, trigger) in collections {
                if touched.includes(key) {
                    trigger.notify();
                }
            }
        });
        self.revision.update(|r| *r += 1);
        self.edits.notify();
    }

    fn track_collection(&self, key: &str) {
        let known = self
            .collections
            .with_value(|collections| collections.get(key).map(|t| t.track()))
            .is_some();
        if !known {
            let trigger = ArcTrigger::new();
            trigger.track();
            self.collections.update_value(|collections| {
                collections.insert(key.to_owned(), trigger);
            });
        }
    }

    /// Says so when a change could not be read (see [`Notice::HeldBack`]);
    /// for one from a newer release, asks the service worker for the update.
    fn tell_if_held_back(&self, doc: &WorkspaceDoc) {
        let Some(problem) = doc.unreadable() else {
            return;
        };
        let by = problem
            .person
            .as_ref()
            .and_then(|p| doc.get::<radslag_core::model::Person>(p))
            .map(|p| p.name);
        let notice = Notice::HeldBack {
            by,
            at_ms: problem.at_ms,
            newer_schema: problem.newer_schema,
        };
        let told = self.shared.notices.with_untracked(|n| n.contains(&notice));
        if !told {
            if notice_is_newer(&notice) {
                check_for_update();
            }
            self.shared.notify(notice);
        }
    }

    /// Like [`Self::read`] on a mutable document, without tracking.
    fn change_untracked<T>(&self, f: impl FnOnce(&mut WorkspaceDoc) -> T) -> Option<T> {
        self.doc
            .try_update_value(|doc| doc.as_mut().map(f))
            .flatten()
    }

    /// Reads from the document, re-running when it changes. `None` when no
    /// workspace is open.
    pub fn read<T>(&self, f: impl FnOnce(&WorkspaceDoc) -> T) -> Option<T> {
        self.revision.track();
        self.doc.with_value(|doc| doc.as_ref().map(f))
    }

    /// Reads from the document, re-running only when something in one of
    /// `collections` (`Entity::COLLECTION`s) changes.
    pub fn read_in<T>(
        &self,
        collections: &[&str],
        f: impl FnOnce(&WorkspaceDoc) -> T,
    ) -> Option<T> {
        for key in collections {
            self.track_collection(key);
        }
        self.doc.with_value(|doc| doc.as_ref().map(f))
    }

    /// Every entry of a kind, re-running when one of them changes; entries
    /// untouched since the last read are not read again.
    pub fn list<E: Entity + Clone + 'static>(&self) -> Vec<E> {
        self.track_collection(E::COLLECTION);
        let loading = self
            .first_view
            .with_value(|view| view.as_ref()?.list::<E>());
        loading.unwrap_or_else(|| self.read_list())
    }

    /// [`Self::list`] from the document, without tracking.
    fn read_list<E: Entity + Clone + 'static>(&self) -> Vec<E> {
        self.doc
            .with_value(|doc| {
                let doc = doc.as_ref()?;
                let entries = self
                    .cache
                    .try_update_value(|cache| engine().list(cache, doc, E::KIND))?;
                entries.downcast::<Vec<E>>().ok().map(|entries| *entries)
            })
            .unwrap_or_default()
    }

    /// One entry, re-running when its kind changes.
    pub fn get<E: Entity + Clone + 'static>(&self, id: &E::Id) -> Option<E> {
        self.track_collection(E::COLLECTION);
        self.doc.with_value(|doc| {
            let doc = doc.as_ref()?;
            let entry = self
                .cache
                .try_update_value(|cache| engine().get(cache, doc, E::KIND, id.as_ref()))??;
            entry.downcast::<E>().ok().map(|entry| *entry)
        })
    }

    /// Changes the document and schedules a save.
    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut WorkspaceDoc) -> Result<T, DocError>,
    ) -> Result<T, DocError> {
        let result = self.commit(f);
        self.refresh();
        result
    }

    /// A keystroke in a text field: changes the document like
    /// [`Self::change`], and tells the views at a pause in typing.
    pub fn type_text<T>(
        &self,
        f: impl FnOnce(&mut WorkspaceDoc) -> Result<T, DocError>,
    ) -> Result<T, DocError> {
        let result = self.commit(f);
        self.edits.notify();
        self.refresh_after_typing();
        result
    }

    fn commit<T>(
        &self,
        f: impl FnOnce(&mut WorkspaceDoc) -> Result<T, DocError>,
    ) -> Result<T, DocError> {
        self.finish_opening();
        let result = self
            .doc
            .try_update_value(|doc| {
                let doc = doc.as_mut().ok_or(DocError::NotAWorkspace)?;
                if let Some(me) = self.me.get_untracked().filter(|_| !self.signed.get_value()) {
                    engine().sign_as(doc, &me)?;
                    self.signed.set_value(true);
                }
                let result = f(doc);
                engine().commit(doc, now_ms());
                result
            })
            .unwrap_or(Err(DocError::NotAWorkspace));
        self.schedule_save();
        result
    }

    fn schedule_save(&self) {
        if self.save_scheduled.get_value() {
            return;
        }
        self.save_scheduled.set_value(true);
        let this = *self;
        set_timeout(move || this.flush(), SAVE_DELAY);
    }

    /// Saves now whatever is unsaved.
    pub fn flush(&self) {
        self.save_scheduled.set_value(false);
        if let Some(engine) = engine::loaded() {
            engine.save(*self);
        }
    }

    /// [`Self::flush`], in the engine.
    pub(crate) fn save_now(&self) {
        let outcome = self.doc.try_update_value(|doc| {
            let doc = doc.as_mut()?;
            let name = doc.info().name;
            let saved = self
                .store
                .try_update_value(|store| store.as_mut().map(|s| s.save(doc)))
                .flatten()?;
            Some((saved, name))
        });
        let Some(Some((saved, name))) = outcome else {
            return;
        };
        match saved {
            Ok(()) => {
                self.shared.dismiss(&Notice::StorageFull);
                if let Some(id) = self.id.get_untracked() {
                    self.shared.sync_registry_entry(&id, &name, None);
                    self.keep_first_view_when_still();
                }
            }
            Err(WriteError::Full) => {
                // The first view gives way to the document.
                if let Some(id) = self.id.get_untracked() {
                    storage::drop_first_view(&id);
                    self.first_view_stamp.set_value(None);
                }
                self.shared.notify(Notice::StorageFull);
            }
            Err(WriteError::Failed(message)) => leptos::logging::error!("saving failed: {message}"),
        }
    }

    /// Takes in what another tab stored for this workspace.
    fn absorb(&self, key: &str, value: Option<&str>) {
        if let Some(engine) = engine::loaded() {
            engine.absorb(*self, key, value);
        }
    }

    /// [`Self::absorb`], in the engine.
    pub(crate) fn absorb_stored(&self, key: &str, value: Option<&str>) {
        let foreign = self
            .doc
            .try_update_value(|doc| {
                let doc = doc.as_mut()?;
                self.store
                    .try_update_value(|store| {
                        store
                            .as_mut()
                            .filter(|s| s.owns(key))
                            .map(|s| s.absorb(doc, key, value))
                    })
                    .flatten()
            })
            .flatten()
            .unwrap_or_default();
        if foreign.changed {
            self.refresh();
            self.doc.with_value(|doc| {
                if let Some(doc) = doc {
                    self.tell_if_held_back(doc);
                }
            });
        }
        if foreign.save {
            self.schedule_save();
        }
    }

    /// Lets sync work on the document as it is (`None` when none is open),
    /// without committing or signing; call [`Self::remote_changed`] when it
    /// brought changes.
    pub fn sync_with<T>(&self, f: impl FnOnce(Option<&mut WorkspaceDoc>) -> T) -> Option<T> {
        self.doc.try_update_value(|doc| f(doc.as_mut()))
    }

    /// Changes arrived from another member: refresh views and save them.
    pub fn remote_changed(&self) {
        self.refresh();
        self.schedule_save();
        self.doc.with_value(|doc| {
            if let Some(doc) = doc {
                self.tell_if_held_back(doc);
            }
        });
    }

    /// Tracks every change to the document, local or remote, as it is
    /// made (also each keystroke, which views hear of only at a pause).
    pub fn track(&self) {
        self.edits.track();
    }

    /// Chooses whom this device writes for.
    pub fn set_me(&self, person: PersonId) {
        if let Some(id) = self.id.get_untracked() {
            storage::set_me(&id, person.as_str());
        }
        self.me.set(Some(person));
        self.signed.set_value(false);
    }

    /// Writes the document as one fresh snapshot, folding in every chunk.
    pub fn compact(&self) {
        let failed = self
            .doc
            .try_update_value(|doc| {
                let doc = doc.as_mut()?;
                self.store
                    .try_update_value(|store| store.as_mut().map(|s| s.save_snapshot(doc)))
                    .flatten()
            })
            .flatten();
        if let Some(Err(WriteError::Full)) = failed {
            self.shared.notify(Notice::StorageFull);
        }
        self.revision.update(|r| *r += 1);
    }

    /// The whole document as bytes, for a backup download.
    pub fn export(&self) -> Option<Vec<u8>> {
        self.doc
            .try_update_value(|doc| doc.as_mut().map(|doc| engine().export(doc)))
            .flatten()
    }

    /// Reads what only the document's history tells (its heads, the
    /// changes since a point), re-running when it changes. Nothing is
    /// committed.
    pub fn read_history<T>(&self, f: impl FnOnce(&mut WorkspaceDoc) -> T) -> Option<T> {
        self.revision.track();
        self.change_untracked(f)
    }
}

fn notice_is_newer(notice: &Notice) -> bool {
    matches!(
        notice,
        Notice::HeldBack {
            newer_schema: Some(_),
            ..
        }
    )
}

/// Asks the service worker to look for a new version now (index.html
/// listens); when one is cached the page offers a reload.
fn check_for_update() {
    if let Ok(event) = web_sys::Event::new("radslag-check-update") {
        let _ = window().dispatch_event(&event);
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

pub fn use_workspace() -> Workspace {
    use_app().workspace
}
