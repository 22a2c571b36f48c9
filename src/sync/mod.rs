//! Live sync with the relay: one WebSocket to `/sync` that drives the core's
//! automerge-repo [`SyncClient`] for every workspace on the device — the
//! open one and, in the [`background`], the others. The app never needs the
//! relay to start or to edit: without it, everything stays local and syncs
//! when the connection comes back (with backoff and jitter).

mod background;
mod presence;
mod socket;

pub use presence::Peer;

use background::Background;
use leptos::prelude::*;
use radslag_core::{
    model::Person,
    reconnect,
    sync::{Both, DocumentId, Event, Joining, NoDocs, Received, SyncClient},
};
use socket::Socket;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

/// How long the sync states wait to be written: every sync message moves
/// them, and writing them is off the typing path (a lost one only means a
/// little more to exchange on the next connection).
const SYNC_STATE_DELAY: Duration = Duration::from_millis(1000);
/// Local changes wait for the frame that shows them (see `Live::send_soon`),
/// or this long where no frame comes.
const SEND_AT_LATEST: Duration = Duration::from_millis(100);
/// The sync states shown are worked out once per burst of messages and
/// keystrokes, after the frame that shows the keystroke.
const STATUS_DELAY: Duration = Duration::from_millis(60);

use crate::state::{AppState, Notice, OpenState, now_ms, storage, storage::WriteError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncStatus {
    /// No connection: changes are kept locally.
    Offline,
    Connecting,
    /// Connected, changes still on their way.
    Syncing,
    /// The relay has everything this device has, and the other way round.
    Synced,
}

struct Link {
    client: SyncClient,
    socket: Option<Socket>,
    attempt: u32,
    retry_pending: bool,
    /// The open workspace…
    open: Option<DocumentId>,
    /// …held here, empty at first, while it is joined from an invitation.
    joining: Option<Joining>,
    /// The device's other workspaces.
    background: Background,
    /// A background workspace is due to be loaded soon.
    load_pending: bool,
    /// Workspaces whose sync state is still to be written.
    unsaved_sync_states: BTreeSet<DocumentId>,
    status_pending: bool,
    /// Local changes are due to be sent.
    send_pending: bool,
}

/// What the views show of sync; in context from the start, driven by
/// [`start`] once the document engine is here.
#[derive(Clone, Copy)]
pub struct Sync {
    pub status: RwSignal<SyncStatus>,
    pub peers: RwSignal<Vec<Peer>>,
    /// Each workspace's own state, by the id it has on this device.
    pub states: RwSignal<BTreeMap<String, SyncStatus>>,
}

impl Sync {
    pub fn new() -> Sync {
        Sync {
            status: RwSignal::new(SyncStatus::Offline),
            peers: RwSignal::new(Vec::new()),
            states: RwSignal::new(BTreeMap::new()),
        }
    }
}

/// Starts syncing every workspace on the device (from the engine's chunk).
pub fn start(app: AppState, shown: Sync) {
    Live::start(app, shown);
}

/// The sync engine and what the views show of it.
#[derive(Clone, Copy)]
struct Live {
    shown: Sync,
    link: StoredValue<Link, LocalStorage>,
    app: AppState,
}

fn relay_url() -> Option<String> {
    let location = window().location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}/sync", location.host().ok()?))
}

impl Live {
    fn start(app: AppState, shown: Sync) {
        let link = Link {
            client: SyncClient::new(format!("radslag-{}", uuid::Uuid::new_v4().simple())),
            socket: None,
            attempt: 0,
            retry_pending: false,
            open: None,
            joining: None,
            background: Background::default(),
            load_pending: false,
            unsaved_sync_states: BTreeSet::new(),
            status_pending: false,
            send_pending: false,
        };
        let sync = Live {
            shown,
            link: StoredValue::new_local(link),
            app,
        };
        Effect::new(move |_| {
            let state = app.workspace.state.get();
            let id = app.workspace.id.get();
            sync.follow(id.as_deref(), &state);
            app.workspaces
                .with(|registry| sync.keep_in_background(registry, id.as_deref()));
        });
        Effect::new(move |_| {
            app.workspace.track();
            sync.send_soon();
        });
        let _ = window_event_listener(leptos::ev::online, move |_| sync.connect());
        let _ = window_event_listener(leptos::ev::offline, move |_| sync.went_offline());
        let _ = window_event_listener(leptos::ev::pagehide, move |_| sync.write_sync_states());
        // Other tabs of this browser sync their workspaces too: take in what
        // they store for the ones synced in the background.
        let _ = window_event_listener(leptos::ev::storage, move |ev| {
            if let Some(key) = ev.key() {
                sync.absorb_storage_event(&key, ev.new_value().as_deref());
            }
        });
        let _ = set_interval_with_handle(
            move || sync.announce(),
            Duration::from_millis(presence::EVERY_MS.into()),
        );
        sync.connect();
    }

    fn send(&self, frames: Vec<Vec<u8>>) {
        self.link.with_value(|e| {
            if let Some(socket) = &e.socket {
                frames.iter().for_each(|f| socket.send(f));
            }
        });
    }

    /// Runs `f` with the client and every document it syncs.
    fn with_docs<T>(&self, f: impl FnOnce(&mut SyncClient, &mut Both) -> T) -> Option<T> {
        let workspace = self.app.workspace;
        self.link
            .try_update_value(|e| {
                let Link {
                    client,
                    open,
                    joining,
                    background,
                    ..
                } = e;
                let others = &mut background.docs;
                match (*open, joining.as_mut()) {
                    (Some(id), Some(joining)) => {
                        Some(f(client, &mut Both(&mut (id, joining), others)))
                    }
                    (Some(id), None) => workspace.sync_with(|doc| match doc {
                        Some(doc) => f(client, &mut Both(&mut (id, doc), others)),
                        None => f(client, &mut Both(&mut NoDocs, others)),
                    }),
                    (None, _) => Some(f(client, &mut Both(&mut NoDocs, others))),
                }
            })
            .flatten()
    }

    /// Syncs the open workspace (or the one being joined).
    fn follow(&self, id: Option<&str>, state: &OpenState) {
        let wanted = match state {
            OpenState::Ready | OpenState::Joining => id.and_then(|id| DocumentId::parse(id).ok()),
            _ => None,
        };
        if self.link.with_value(|e| e.open) == wanted {
            return;
        }
        // The workspace closed goes on syncing in the background, as it is
        // and with its sync state: on the same connection, the relay only
        // speaks again when it has something new.
        let closed = self.app.workspace.take_closed();
        self.link.update_value(|e| {
            if let Some(old) = e.open.take() {
                match closed.filter(|c| DocumentId::parse(&c.id).ok() == Some(old)) {
                    Some(closed) => e.background.adopt(old, closed),
                    None => e.client.remove_document(&old),
                }
            }
            e.joining = None;
        });
        let Some(id) = wanted else {
            self.refresh_status();
            return;
        };
        // A workspace synced in the background becomes the open one: it was
        // saved as changes arrived, so the open workspace loaded all of it.
        let known = self.link.try_update_value(|e| {
            e.background.remove(&id);
            e.open = Some(id);
            if *state == OpenState::Joining {
                e.joining = Some(Joining::new());
            }
            e.joining.is_none() && e.client.documents().any(|doc| *doc == id)
        });
        let saved = storage::sync_state(&id.to_string());
        let saved = saved.filter(|_| *state != OpenState::Joining);
        let frames = self.with_docs(|client, docs| match known {
            Some(true) => client.local_change(&id, docs),
            _ => client.add_document(id, saved.as_deref(), docs),
        });
        self.send(frames.unwrap_or_default());
        self.refresh_status();
    }

    /// Syncs every other workspace on the device in the background.
    fn keep_in_background(&self, registry: &[storage::WorkspaceEntry], open: Option<&str>) {
        self.link.update_value(|e| {
            for id in e.background.want(registry, open) {
                if e.open != Some(id) {
                    e.client.remove_document(&id);
                }
            }
        });
        self.load_background_soon();
        self.refresh_status();
    }

    /// Loads the background workspaces one at a time, after the open one
    /// has had its turn, so the page stays responsive.
    fn load_background_soon(&self) {
        let due = self.link.try_update_value(|e| {
            let due = !e.load_pending && e.background.next_to_load().is_some();
            e.load_pending |= due;
            due
        });
        if due == Some(true) {
            let this = *self;
            set_timeout(
                move || this.load_next_background(),
                Duration::from_millis(50),
            );
        }
    }

    fn load_next_background(&self) {
        let loaded = self.link.try_update_value(|e| {
            e.load_pending = false;
            let (id, local_id) = e.background.next_to_load()?;
            e.background.load(id, &local_id, now_ms()).then_some(id)
        });
        if let Some(id) = loaded.flatten() {
            let saved = storage::sync_state(&id.to_string());
            let frames =
                self.with_docs(|client, docs| client.add_document(id, saved.as_deref(), docs));
            self.send(frames.unwrap_or_default());
            self.refresh_status();
        }
        self.load_background_soon();
    }

    /// Another tab stored changes to a workspace synced in the background.
    fn absorb_storage_event(&self, key: &str, value: Option<&str>) {
        let frames = self.link.try_update_value(|e| {
            let id = e.background.absorb(key, value)?;
            Some(e.client.local_change(&id, &mut e.background.docs))
        });
        self.send(frames.flatten().unwrap_or_default());
        self.refresh_status();
    }

    fn connect(&self) {
        let already = self.link.with_value(|e| e.socket.is_some());
        let Some(url) = relay_url().filter(|_| !already) else {
            return;
        };
        self.link.update_value(|e| e.retry_pending = false);
        // The browser knows it has no network: no socket until its `online`
        // event (a retry meanwhile could even reach a local relay and show
        // a workspace as syncing while the device is offline).
        if !window().navigator().on_line() {
            self.shown.status.set(SyncStatus::Offline);
            return;
        }
        self.shown.status.set(SyncStatus::Connecting);
        let this = *self;
        let socket = Socket::open(
            &url,
            move || {
                let frames = this
                    .link
                    .try_update_value(|e| e.client.connected())
                    .unwrap_or_default();
                this.send(frames);
            },
            move |frame| this.receive(&frame),
            move |_| this.disconnected(),
        );
        match socket {
            Some(socket) => self.link.update_value(|e| e.socket = Some(socket)),
            None => self.retry_later(),
        }
    }

    /// The browser lost its network: a socket may linger without noticing,
    /// so close it; the `online` event reconnects at once.
    fn went_offline(&self) {
        self.link
            .with_value(|e| e.socket.as_ref().map(Socket::close));
        self.disconnected();
    }

    fn disconnected(&self) {
        self.link.update_value(|e| {
            e.socket = None;
            e.client.disconnected();
        });
        self.shown.peers.set(Vec::new());
        self.shown.status.set(SyncStatus::Offline);
        self.retry_later();
    }

    /// Tries again after a backoff with jitter; going online retries at once.
    fn retry_later(&self) {
        let pending = self.link.with_value(|e| e.retry_pending);
        if pending {
            return;
        }
        let attempt = self.link.try_update_value(|e| {
            e.retry_pending = true;
            e.attempt += 1;
            e.attempt - 1
        });
        let delay = reconnect::delay_ms(attempt.unwrap_or_default(), js_sys::Math::random());
        let this = *self;
        set_timeout(move || this.connect(), Duration::from_millis(delay.into()));
    }

    fn receive(&self, frame: &[u8]) {
        let outcome = self.with_docs(|client, docs| client.receive(frame, docs));
        match outcome {
            Some(Ok(Received { send, events })) => {
                self.send(send);
                events.into_iter().for_each(|event| self.handle(event));
            }
            Some(Err(error)) => {
                // A broken conversation: start a fresh one.
                leptos::logging::warn!("sync: {error}");
                self.link
                    .with_value(|e| e.socket.as_ref().map(Socket::close));
                self.disconnected();
            }
            None => {}
        }
        self.refresh_status();
    }

    fn handle(&self, event: Event) {
        match event {
            Event::Connected { .. } => self.link.update_value(|e| e.attempt = 0),
            Event::Synced {
                document_id,
                changed,
            } => {
                if changed && self.is_open(&document_id) {
                    self.took_changes();
                } else if changed {
                    self.save_background(&document_id);
                }
                self.keep_sync_state(&document_id);
            }
            Event::Unavailable { document_id } => {
                if self.link.with_value(|e| e.joining.is_some()) && self.is_open(&document_id) {
                    self.app.workspace.state.set(OpenState::NotFound);
                }
            }
            Event::Ephemeral {
                document_id,
                sender_id,
                data,
            } => {
                if self.is_open(&document_id)
                    && let Some(peer) = presence::read(&sender_id, &data, now_ms())
                {
                    self.shown.peers.update(|peers| presence::seen(peers, peer));
                }
            }
            Event::Left { peer_id } => self
                .shown
                .peers
                .update(|peers| peers.retain(|p| p.id != peer_id)),
            Event::RemoteError { message } => {
                leptos::logging::warn!("sync: the relay says: {message}")
            }
            Event::Ignored { .. } => {}
        }
    }

    fn is_open(&self, id: &DocumentId) -> bool {
        self.link.with_value(|e| e.open == Some(*id))
    }

    /// Changes arrived for a workspace that is not open: keep them.
    fn save_background(&self, id: &DocumentId) {
        let Some(saved) = self
            .link
            .try_update_value(|e| e.background.save(id))
            .flatten()
        else {
            return;
        };
        match saved.result {
            Ok(()) => self.app.note_workspace_name(&saved.local_id, &saved.name),
            Err(WriteError::Full) => self.app.notify(Notice::StorageFull),
            Err(WriteError::Failed(message)) => leptos::logging::error!("saving failed: {message}"),
        }
    }

    /// Changes arrived: show them, or open the workspace being joined once
    /// it is complete enough to be one.
    fn took_changes(&self) {
        let joined = self.link.try_update_value(|e| {
            let doc = e.joining.as_mut()?.workspace()?;
            e.joining = None;
            Some(doc)
        });
        // The workspace keeps the id it is known by here (an older workspace's
        // is a uuid, which names the same document).
        match (joined.flatten(), self.app.workspace.id.get_untracked()) {
            (Some(doc), Some(local_id)) => self.app.adopt_joined(&local_id, doc),
            _ => self.app.workspace.remote_changed(),
        }
    }

    /// Keeps how far sync got, so the next connection resumes from there:
    /// written a moment later, once for a burst of messages.
    fn keep_sync_state(&self, id: &DocumentId) {
        let first = self.link.try_update_value(|e| {
            let first = e.unsaved_sync_states.is_empty();
            e.unsaved_sync_states.insert(*id);
            first
        });
        if first == Some(true) {
            let this = *self;
            set_timeout(move || this.write_sync_states(), SYNC_STATE_DELAY);
        }
    }

    fn write_sync_states(&self) {
        let states = self.link.try_update_value(|e| {
            std::mem::take(&mut e.unsaved_sync_states)
                .into_iter()
                .filter_map(|id| Some((id, e.client.sync_state(&id)?)))
                .collect::<Vec<_>>()
        });
        for (id, state) in states.unwrap_or_default() {
            storage::set_sync_state(&id.to_string(), &state);
        }
    }

    /// Sends local changes right after the frame that shows them: a
    /// keystroke is on screen before its sync message is made (a frame, at
    /// most 16 ms, later for the others), and keys typed within one frame go
    /// as one message. A hidden page draws no frames (also one hidden right
    /// after typing): then a timer sends them.
    fn send_soon(&self) {
        let first = self
            .link
            .try_update_value(|e| !std::mem::replace(&mut e.send_pending, true));
        if first != Some(true) {
            return;
        }
        let this = *self;
        let send = move || {
            let due = this
                .link
                .try_update_value(|e| std::mem::replace(&mut e.send_pending, false));
            if due == Some(true) {
                this.local_change();
            }
        };
        let at_latest = if document().hidden() {
            Duration::ZERO
        } else {
            SEND_AT_LATEST
        };
        crate::clock::after_next_frame(send, at_latest);
    }

    fn local_change(&self) {
        let Some(id) = self
            .link
            .with_value(|e| e.open.filter(|_| e.joining.is_none()))
        else {
            return;
        };
        let frames = self.with_docs(|client, docs| client.local_change(&id, docs));
        self.send(frames.unwrap_or_default());
        self.refresh_status();
    }

    /// Each workspace's state, and the header's, worked out soon.
    fn refresh_status(&self) {
        let first = self
            .link
            .try_update_value(|e| !std::mem::replace(&mut e.status_pending, true));
        if first == Some(true) {
            let this = *self;
            set_timeout(move || this.show_status(), STATUS_DELAY);
        }
    }

    /// Each workspace's state, and the header's: synced when all are.
    fn show_status(&self) {
        self.link.update_value(|e| e.status_pending = false);
        let (socket, joining) = self
            .link
            .with_value(|e| (e.socket.is_some(), e.joining.is_some()));
        let synced = self
            .with_docs(|client, docs| {
                let ids: Vec<DocumentId> = client.documents().copied().collect();
                let connected = client.is_connected();
                let synced: Vec<(DocumentId, bool)> = ids
                    .into_iter()
                    .map(|id| (id, connected && client.is_synced(&id, docs)))
                    .collect();
                (connected, synced)
            })
            .unwrap_or_default();
        let (connected, synced) = synced;
        let state_of = |synced: bool| {
            if !socket {
                SyncStatus::Offline
            } else if !connected {
                SyncStatus::Connecting
            } else if synced {
                SyncStatus::Synced
            } else {
                SyncStatus::Syncing
            }
        };
        let open_id = self.app.workspace.id.get_untracked();
        let states: BTreeMap<String, SyncStatus> = self.link.with_value(|e| {
            synced
                .iter()
                .filter_map(|(id, done)| {
                    let local = if e.open == Some(*id) {
                        open_id.clone()?
                    } else {
                        e.background.local_id(id)?.to_owned()
                    };
                    Some((local, state_of(*done && !(joining && e.open == Some(*id)))))
                })
                .collect()
        });
        let status = state_of(!joining && synced.iter().all(|(_, done)| *done));
        if self.shown.status.get_untracked() != status {
            self.shown.status.set(status);
        }
        if self.shown.states.with_untracked(|old| *old != states) {
            self.shown.states.set(states);
        }
    }

    /// Tells the others who is here and where; forgets those who went quiet.
    fn announce(&self) {
        let now = now_ms();
        self.shown
            .peers
            .update(|peers| peers.retain(|p| now - p.seen_ms < presence::FORGET_AFTER_MS));
        let ws = self.app.workspace;
        let name = ws
            .me
            .get_untracked()
            .and_then(|me| {
                ws.sync_with(|d| d?.get::<Person>(&me).map(|p| p.name))
                    .flatten()
            })
            .unwrap_or_default();
        let place = window().location().pathname().unwrap_or_default();
        let item = presence::focused_agenda_item().unwrap_or_default();
        let frame = self.link.try_update_value(|e| {
            let id = e.open.filter(|_| e.joining.is_none())?;
            e.client
                .broadcast(&id, presence::payload(&name, &place, &item))
        });
        if let Some(frame) = frame.flatten() {
            self.send(vec![frame]);
        }
    }
}

pub fn use_sync() -> Sync {
    expect_context::<Sync>()
}
