//! Live sync with the relay: one WebSocket to `/sync` that drives the core's
//! automerge-repo [`SyncClient`] for the open workspace. The app never needs
//! the relay to start or to edit: without it, everything stays local and
//! syncs when the connection comes back (with backoff and jitter).

mod presence;
mod socket;

pub use presence::Peer;

use leptos::prelude::*;
use radslag_core::{
    model::Person,
    reconnect,
    sync::{DocumentId, Event, Joining, NoDocs, Received, SyncClient},
};
use socket::Socket;
use std::time::Duration;

use crate::state::{AppState, OpenState, now_ms, storage};

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

struct Engine {
    client: SyncClient,
    socket: Option<Socket>,
    attempt: u32,
    retry_pending: bool,
    /// The document being synced…
    doc: Option<DocumentId>,
    /// …held here, empty at first, while it is joined from an invitation.
    joining: Option<Joining>,
}

/// The sync engine and what the views show of it.
#[derive(Clone, Copy)]
pub struct Sync {
    pub status: RwSignal<SyncStatus>,
    pub peers: RwSignal<Vec<Peer>>,
    engine: StoredValue<Engine, LocalStorage>,
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

impl Sync {
    pub fn start(app: AppState) -> Sync {
        let engine = Engine {
            client: SyncClient::new(format!("radslag-{}", uuid::Uuid::new_v4().simple())),
            socket: None,
            attempt: 0,
            retry_pending: false,
            doc: None,
            joining: None,
        };
        let sync = Sync {
            status: RwSignal::new(SyncStatus::Offline),
            peers: RwSignal::new(Vec::new()),
            engine: StoredValue::new_local(engine),
            app,
        };
        Effect::new(move |_| {
            let state = app.workspace.state.get();
            let id = app.workspace.id.get();
            sync.follow(id.as_deref(), &state);
        });
        Effect::new(move |_| {
            app.workspace.track();
            sync.local_change();
        });
        let _ = window_event_listener(leptos::ev::online, move |_| sync.connect());
        let _ = window_event_listener(leptos::ev::offline, move |_| sync.went_offline());
        let _ = set_interval_with_handle(
            move || sync.announce(),
            Duration::from_millis(presence::EVERY_MS.into()),
        );
        sync.connect();
        sync
    }

    fn send(&self, frames: Vec<Vec<u8>>) {
        self.engine.with_value(|e| {
            if let Some(socket) = &e.socket {
                frames.iter().for_each(|f| socket.send(f));
            }
        });
    }

    /// Syncs the open workspace (or the one being joined).
    fn follow(&self, id: Option<&str>, state: &OpenState) {
        let wanted = match state {
            OpenState::Ready | OpenState::Joining => id.and_then(|id| DocumentId::parse(id).ok()),
            _ => None,
        };
        if self.engine.with_value(|e| e.doc) == wanted {
            return;
        }
        let app = self.app;
        let frames = self.engine.try_update_value(|e| {
            if let Some(old) = e.doc.take() {
                e.client.remove_document(&old);
            }
            e.joining = None;
            let id = wanted?;
            e.doc = Some(id);
            let saved = storage::sync_state(&id.to_string());
            if *state == OpenState::Joining {
                let mut joining = Joining::new();
                let frames = e.client.add_document(id, None, &mut (id, &mut joining));
                e.joining = Some(joining);
                Some(frames)
            } else {
                app.workspace
                    .sync_with(|doc| e.client.add_document(id, saved.as_deref(), &mut (id, doc)))
            }
        });
        self.send(frames.flatten().unwrap_or_default());
        self.refresh_status();
    }

    fn connect(&self) {
        let already = self.engine.with_value(|e| e.socket.is_some());
        let Some(url) = relay_url().filter(|_| !already) else {
            return;
        };
        self.engine.update_value(|e| e.retry_pending = false);
        self.status.set(SyncStatus::Connecting);
        let this = *self;
        let socket = Socket::open(
            &url,
            move || {
                let frames = this
                    .engine
                    .try_update_value(|e| e.client.connected())
                    .unwrap_or_default();
                this.send(frames);
            },
            move |frame| this.receive(&frame),
            move |_| this.disconnected(),
        );
        match socket {
            Some(socket) => self.engine.update_value(|e| e.socket = Some(socket)),
            None => self.retry_later(),
        }
    }

    /// The browser lost its network: a socket may linger without noticing,
    /// so close it; the `online` event reconnects at once.
    fn went_offline(&self) {
        self.engine
            .with_value(|e| e.socket.as_ref().map(Socket::close));
        self.disconnected();
    }

    fn disconnected(&self) {
        self.engine.update_value(|e| {
            e.socket = None;
            e.client.disconnected();
        });
        self.peers.set(Vec::new());
        self.status.set(SyncStatus::Offline);
        self.retry_later();
    }

    /// Tries again after a backoff with jitter; going online retries at once.
    fn retry_later(&self) {
        let pending = self.engine.with_value(|e| e.retry_pending);
        if pending {
            return;
        }
        let attempt = self.engine.try_update_value(|e| {
            e.retry_pending = true;
            e.attempt += 1;
            e.attempt - 1
        });
        let delay = reconnect::delay_ms(attempt.unwrap_or_default(), js_sys::Math::random());
        let this = *self;
        set_timeout(move || this.connect(), Duration::from_millis(delay.into()));
    }

    fn receive(&self, frame: &[u8]) {
        let app = self.app;
        let outcome = self.engine.try_update_value(|e| {
            if let (Some(id), Some(joining)) = (e.doc, e.joining.as_mut()) {
                return e.client.receive(frame, &mut (id, joining));
            }
            if let Some(id) = e.doc
                && let Some(result) = app
                    .workspace
                    .sync_with(|doc| e.client.receive(frame, &mut (id, doc)))
            {
                return result;
            }
            // No document open: the handshake and presence still count.
            e.client.receive(frame, &mut NoDocs)
        });
        match outcome {
            Some(Ok(Received { send, events })) => {
                self.send(send);
                events.into_iter().for_each(|event| self.handle(event));
            }
            Some(Err(error)) => {
                // A broken conversation: start a fresh one.
                leptos::logging::warn!("sync: {error}");
                self.engine
                    .with_value(|e| e.socket.as_ref().map(Socket::close));
                self.disconnected();
            }
            None => {}
        }
        self.refresh_status();
    }

    fn handle(&self, event: Event) {
        match event {
            Event::Connected { .. } => self.engine.update_value(|e| e.attempt = 0),
            Event::Synced {
                document_id,
                changed,
            } => {
                if changed {
                    self.took_changes();
                }
                self.keep_sync_state(&document_id);
            }
            Event::Unavailable { .. } => {
                if self.engine.with_value(|e| e.joining.is_some()) {
                    self.app.workspace.state.set(OpenState::NotFound);
                }
            }
            Event::Ephemeral {
                sender_id, data, ..
            } => {
                if let Some(peer) = presence::read(&sender_id, &data, now_ms()) {
                    self.peers.update(|peers| presence::seen(peers, peer));
                }
            }
            Event::Left { peer_id } => self.peers.update(|peers| peers.retain(|p| p.id != peer_id)),
            Event::RemoteError { message } => {
                leptos::logging::warn!("sync: the relay says: {message}")
            }
            Event::Ignored { .. } => {}
        }
    }

    /// Changes arrived: show them, or open the workspace being joined once
    /// it is complete enough to be one.
    fn took_changes(&self) {
        let joined = self.engine.try_update_value(|e| {
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

    /// Keeps how far sync got, so the next connection resumes from there.
    fn keep_sync_state(&self, id: &DocumentId) {
        if let Some(state) = self.engine.with_value(|e| e.client.sync_state(id)) {
            storage::set_sync_state(&id.to_string(), &state);
        }
    }

    fn local_change(&self) {
        let app = self.app;
        let frames = self.engine.try_update_value(|e| {
            let id = e.doc.filter(|_| e.joining.is_none())?;
            app.workspace
                .sync_with(|doc| e.client.local_change(&id, &mut (id, doc)))
        });
        self.send(frames.flatten().unwrap_or_default());
        self.refresh_status();
    }

    fn refresh_status(&self) {
        let app = self.app;
        let status = self.engine.try_update_value(|e| {
            if e.socket.is_none() {
                return SyncStatus::Offline;
            }
            if !e.client.is_connected() {
                return SyncStatus::Connecting;
            }
            let Some(id) = e.doc else {
                return SyncStatus::Synced;
            };
            let synced = e.joining.is_none()
                && app
                    .workspace
                    .sync_with(|doc| e.client.is_synced(&id, &mut (id, doc)))
                    .unwrap_or(false);
            if synced {
                SyncStatus::Synced
            } else {
                SyncStatus::Syncing
            }
        });
        if let Some(status) = status
            && self.status.get_untracked() != status
        {
            self.status.set(status);
        }
    }

    /// Tells the others who is here and where; forgets those who went quiet.
    fn announce(&self) {
        let now = now_ms();
        self.peers
            .update(|peers| peers.retain(|p| now - p.seen_ms < presence::FORGET_AFTER_MS));
        let ws = self.app.workspace;
        let name = ws
            .me
            .get_untracked()
            .and_then(|me| {
                ws.sync_with(|d| d.get::<Person>(&me).map(|p| p.name))
                    .flatten()
            })
            .unwrap_or_default();
        let place = window().location().pathname().unwrap_or_default();
        let item = presence::focused_agenda_item().unwrap_or_default();
        let frame = self.engine.try_update_value(|e| {
            let id = e.doc.filter(|_| e.joining.is_none())?;
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
