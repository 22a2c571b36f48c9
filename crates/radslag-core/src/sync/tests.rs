//! The client against a minimal in-memory relay written here with Automerge
//! directly (the real relay is tested in radslag-server's integration tests).

use std::collections::BTreeMap;

use automerge::sync::SyncDoc as _;
use automerge::{AutoCommit, ROOT, ReadDoc, sync, transaction::Transactable as _};

use super::*;

/// Holds one copy of each document and a sync state per client.
struct MiniRelay {
    docs: BTreeMap<DocumentId, AutoCommit>,
    states: BTreeMap<(String, DocumentId), sync::State>,
}

impl MiniRelay {
    fn new() -> Self {
        MiniRelay {
            docs: BTreeMap::new(),
            states: BTreeMap::new(),
        }
    }

    /// Answers one frame from `client`; returns the frames for it.
    fn handle(&mut self, frame: &[u8]) -> Vec<Vec<u8>> {
        match Message::decode(frame).unwrap() {
            Message::Join { sender_id, .. } => vec![
                Message::Peer {
                    sender_id: "relay".into(),
                    target_id: sender_id,
                    selected_protocol_version: "1".into(),
                    peer_metadata: None,
                }
                .encode(),
            ],
            Message::Sync {
                sender_id,
                document_id,
                data,
                ..
            }
            | Message::Request {
                sender_id,
                document_id,
                data,
                ..
            } => {
                let doc = self.docs.entry(document_id).or_default();
                let state = self
                    .states
                    .entry((sender_id.clone(), document_id))
                    .or_default();
                doc.sync()
                    .receive_sync_message(state, sync::Message::decode(&data).unwrap())
                    .unwrap();
                self.generate(&sender_id, document_id)
            }
            _ => vec![],
        }
    }

    fn generate(&mut self, client: &str, id: DocumentId) -> Vec<Vec<u8>> {
        let doc = self.docs.entry(id).or_default();
        let state = self.states.entry((client.to_owned(), id)).or_default();
        doc.sync()
            .generate_sync_message(state)
            .map(|m| {
                Message::Sync {
                    sender_id: "relay".into(),
                    target_id: client.into(),
                    document_id: id,
                    data: m.encode(),
                }
                .encode()
            })
            .into_iter()
            .collect()
    }

    fn disconnect(&mut self, client: &str) {
        self.states.retain(|(c, _), _| c != client);
    }
}

/// Runs frames back and forth between a client and the relay until quiet;
/// also lets the relay push to `others` afterwards.
fn pump(
    relay: &mut MiniRelay,
    client: &mut SyncClient,
    mut docs: impl SyncDocs,
    first: Vec<Vec<u8>>,
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut to_relay = first;
    for _ in 0..100 {
        if to_relay.is_empty() {
            return events;
        }
        let mut to_client = Vec::new();
        for f in to_relay.drain(..) {
            to_client.extend(relay.handle(&f));
        }
        for f in to_client {
            let r = client.receive(&f, &mut docs).unwrap();
            events.extend(r.events);
            to_relay.extend(r.send);
        }
    }
    panic!("sync did not settle");
}

fn title(doc: &AutoCommit) -> Option<String> {
    doc.get(ROOT, "title")
        .unwrap()
        .and_then(|(v, _)| v.into_string().ok())
}

#[test]
fn two_clients_converge_through_a_relay() {
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();

    let mut alice_doc = AutoCommit::new();
    alice_doc.put(ROOT, "title", "Protokoll").unwrap();
    let mut alice = SyncClient::new("alice");
    let mut first = alice.connected();
    first.extend(alice.add_document(id, None, &mut (id, &mut alice_doc)));
    let events = pump(&mut relay, &mut alice, (id, &mut alice_doc), first);
    assert!(events.contains(&Event::Connected {
        peer_id: "relay".into(),
        storage_id: None
    }));
    assert!(
        alice.is_synced(&id, &mut (id, &mut alice_doc)),
        "the relay acknowledged"
    );

    let mut bob_doc = AutoCommit::new();
    let mut bob = SyncClient::new("bob");
    let mut first = bob.connected();
    first.extend(bob.add_document(id, None, &mut (id, &mut bob_doc)));
    assert!(first.len() == 1, "no sync before the handshake");
    let events = pump(&mut relay, &mut bob, (id, &mut bob_doc), first);
    assert!(events.contains(&Event::Synced {
        document_id: id,
        changed: true
    }));
    assert_eq!(title(&bob_doc).as_deref(), Some("Protokoll"));

    // Bob edits; alice hears of it when the relay pushes.
    bob_doc.put(ROOT, "title", "Protokoll 2").unwrap();
    let frames = bob.local_change(&id, &mut (id, &mut bob_doc));
    assert!(!frames.is_empty());
    pump(&mut relay, &mut bob, (id, &mut bob_doc), frames);
    assert!(bob.is_synced(&id, &mut (id, &mut bob_doc)));
    let push = relay.generate("alice", id);
    pump(&mut relay, &mut alice, (id, &mut alice_doc), vec![]);
    let mut to_relay = Vec::new();
    for f in push {
        to_relay.extend(alice.receive(&f, &mut (id, &mut alice_doc)).unwrap().send);
    }
    pump(&mut relay, &mut alice, (id, &mut alice_doc), to_relay);
    assert_eq!(title(&alice_doc).as_deref(), Some("Protokoll 2"));
}

#[test]
fn resumes_after_a_reconnect_from_saved_state() {
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();
    let mut doc = AutoCommit::new();
    for i in 0..50 {
        doc.put(ROOT, format!("k{i}"), i).unwrap();
        doc.commit();
    }
    let mut client = SyncClient::new("c");
    let mut first = client.connected();
    first.extend(client.add_document(id, None, &mut (id, &mut doc)));
    pump(&mut relay, &mut client, (id, &mut doc), first);
    let saved = client.sync_state(&id).unwrap();

    // The app restarts: a new client from the saved state, one new change.
    client.disconnected();
    relay.disconnect("c");
    doc.put(ROOT, "title", "x").unwrap();
    let mut client = SyncClient::new("c");
    let mut first = client.connected();
    assert!(
        client
            .add_document(id, Some(&saved), &mut (id, &mut doc))
            .is_empty(),
        "nothing before the handshake"
    );
    first.truncate(1);
    let join_reply = relay.handle(&first[0]);
    let r = client.receive(&join_reply[0], &mut (id, &mut doc)).unwrap();
    assert_eq!(r.send.len(), 1);
    let Message::Sync { data, .. } = Message::decode(&r.send[0]).unwrap() else {
        panic!("a sync message")
    };
    let m = sync::Message::decode(&data).unwrap();
    assert_eq!(
        m.have[0].last_sync.len(),
        1,
        "the first message starts from the shared heads"
    );
    pump(&mut relay, &mut client, (id, &mut doc), r.send);
    assert_eq!(title(&relay.docs[&id]).as_deref(), Some("x"));
}

#[test]
fn answers_unknown_documents_and_protocol_errors() {
    let mut client = SyncClient::new("c");
    let mut docs: BTreeMap<DocumentId, AutoCommit> = BTreeMap::new();
    client.connected();
    let other = DocumentId::random();
    let sync_first = Message::Sync {
        sender_id: "relay".into(),
        target_id: "c".into(),
        document_id: other,
        data: vec![],
    }
    .encode();
    assert!(matches!(
        client.receive(&sync_first, &mut docs),
        Err(SyncError::Protocol(_))
    ));
    let peer = Message::Peer {
        sender_id: "relay".into(),
        target_id: "c".into(),
        selected_protocol_version: "1".into(),
        peer_metadata: None,
    }
    .encode();
    client.receive(&peer, &mut docs).unwrap();
    let r = client.receive(&sync_first, &mut docs).unwrap();
    assert!(matches!(
        Message::decode(&r.send[0]).unwrap(),
        Message::DocUnavailable { document_id, .. } if document_id == other
    ));
    assert!(matches!(
        client.receive(b"\xa1", &mut docs),
        Err(SyncError::Decode(_))
    ));
    let err = Message::Error {
        message: "too big".into(),
    }
    .encode();
    assert_eq!(
        client.receive(&err, &mut docs).unwrap().events,
        vec![Event::RemoteError {
            message: "too big".into()
        }]
    );
}

#[test]
fn asks_with_request_when_it_has_nothing() {
    let id = DocumentId::random();
    let mut client = SyncClient::new("c");
    let mut doc = AutoCommit::new();
    client.connected();
    client.add_document(id, None, &mut (id, &mut doc));
    let peer = Message::Peer {
        sender_id: "relay".into(),
        target_id: "c".into(),
        selected_protocol_version: "1".into(),
        peer_metadata: None,
    }
    .encode();
    let r = client.receive(&peer, &mut (id, &mut doc)).unwrap();
    assert_eq!(Message::decode(&r.send[0]).unwrap().kind(), "request");
    let unavailable = Message::DocUnavailable {
        sender_id: "relay".into(),
        target_id: "c".into(),
        document_id: id,
    }
    .encode();
    assert_eq!(
        client
            .receive(&unavailable, &mut (id, &mut doc))
            .unwrap()
            .events,
        vec![Event::Unavailable { document_id: id }]
    );
}

#[test]
fn syncs_a_workspace_doc_and_broadcasts_presence() {
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();
    let mut ws = crate::WorkspaceDoc::create(&crate::model::WorkspaceInfo {
        name: "Samverkan".into(),
        organisation: "Kommunen".into(),
    })
    .unwrap();
    let mut client = SyncClient::new("c");
    let mut frames = client.connected();
    frames.extend(client.add_document(id, None, &mut (id, &mut ws)));
    let join_reply = relay.handle(&frames[0]);
    let r = client.receive(&join_reply[0], &mut (id, &mut ws)).unwrap();
    let mut to_relay = r.send;
    for _ in 0..10 {
        let mut next = Vec::new();
        for f in to_relay.drain(..) {
            for g in relay.handle(&f) {
                next.extend(client.receive(&g, &mut (id, &mut ws)).unwrap().send);
            }
        }
        to_relay = next;
    }
    let copy = crate::WorkspaceDoc::load(&relay.docs.get_mut(&id).unwrap().save()).unwrap();
    assert_eq!(copy.info().name, "Samverkan");

    let presence = serde_json::json!({"person": "p1"});
    let frame = client.broadcast(&id, ephemeral::encode(&presence)).unwrap();
    let Message::Ephemeral { data, count, .. } = Message::decode(&frame).unwrap() else {
        panic!()
    };
    assert_eq!(count, 1);
    assert_eq!(ephemeral::decode(&data).unwrap(), presence);
}

#[test]
fn an_invitation_fetches_the_workspace_and_opens_it_when_it_has_arrived() {
    use crate::model::{Person, WorkspaceInfo};
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();
    let info = WorkspaceInfo {
        name: "Trygghetsrådet".into(),
        organisation: "Ånge kommun".into(),
    };
    let mut moa_doc = crate::WorkspaceDoc::create(&info).unwrap();
    moa_doc
        .put(&Person {
            id: crate::ids::PersonId::random(),
            name: "Moa Magnusson".into(),
            role: "folkhälsostrateg".into(),
            organisation: "Ånge kommun".into(),
            groups: vec![],
        })
        .unwrap();
    moa_doc.commit(0);
    let mut moa = SyncClient::new("moa");
    let mut first = moa.connected();
    first.extend(moa.add_document(id, None, &mut (id, &mut moa_doc)));
    pump(&mut relay, &mut moa, (id, &mut moa_doc), first);
    assert!(moa.is_synced(&id, &mut (id, &mut moa_doc)));

    let mut joining = Joining::new();
    assert!(joining.workspace().is_none(), "nothing has arrived yet");
    let mut josef = SyncClient::new("josef");
    let mut first = josef.connected();
    first.extend(josef.add_document(id, None, &mut (id, &mut joining)));
    let events = pump(&mut relay, &mut josef, (id, &mut joining), first);
    assert!(events.contains(&Event::Synced {
        document_id: id,
        changed: true
    }));
    let workspace = joining.workspace().expect("a workspace");
    assert_eq!(workspace.info().name, "Trygghetsrådet");
    let people: Vec<String> = workspace
        .list::<Person>()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(people, ["Moa Magnusson"]);
}

#[test]
fn a_document_that_is_not_a_workspace_is_not_opened() {
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();
    let mut other = AutoCommit::new();
    other.put(ROOT, "title", "Protokoll").unwrap();
    let mut alice = SyncClient::new("alice");
    let mut first = alice.connected();
    first.extend(alice.add_document(id, None, &mut (id, &mut other)));
    pump(&mut relay, &mut alice, (id, &mut other), first);

    let mut joining = Joining::new();
    let mut bob = SyncClient::new("bob");
    let mut first = bob.connected();
    first.extend(bob.add_document(id, None, &mut (id, &mut joining)));
    pump(&mut relay, &mut bob, (id, &mut joining), first);
    assert!(joining.workspace().is_none());
    // Frames for no open document still carry the handshake.
    let mut carol = SyncClient::new("carol");
    let peer = relay.handle(&carol.connected()[0]);
    let received = carol.receive(&peer[0], &mut NoDocs).unwrap();
    assert!(carol.is_connected());
    assert!(received.send.is_empty());
}

#[test]
fn one_connection_carries_the_open_workspace_and_the_others() {
    let workspace = |name: &str| {
        let info = crate::model::WorkspaceInfo {
            name: name.into(),
            organisation: "Ånge kommun".into(),
        };
        let mut doc = crate::WorkspaceDoc::create(&info).unwrap();
        doc.commit(0);
        doc
    };
    let (open_id, other_id) = (DocumentId::random(), DocumentId::random());
    let mut open = workspace("Trygghetsrådet");
    let mut others = BTreeMap::from([(other_id, workspace("Klara-gruppen"))]);
    let mut relay = MiniRelay::new();
    let mut moa = SyncClient::new("moa");
    let mut first = moa.connected();
    {
        let mut docs = Both(&mut (open_id, &mut open), &mut others);
        first.extend(moa.add_document(open_id, None, &mut docs));
        first.extend(moa.add_document(other_id, None, &mut docs));
    }
    pump(
        &mut relay,
        &mut moa,
        Both(&mut (open_id, &mut open), &mut others),
        first,
    );
    let mut docs = Both(&mut (open_id, &mut open), &mut others);
    assert!(moa.is_synced(&open_id, &mut docs));
    assert!(moa.is_synced(&other_id, &mut docs));

    // Another device fetches the workspace that was never open here.
    let mut joining = Joining::new();
    let mut josef = SyncClient::new("josef");
    let mut first = josef.connected();
    first.extend(josef.add_document(other_id, None, &mut (other_id, &mut joining)));
    pump(&mut relay, &mut josef, (other_id, &mut joining), first);
    assert_eq!(
        joining.workspace().expect("a workspace").info().name,
        "Klara-gruppen"
    );
}

#[test]
fn a_document_added_again_with_nothing_new_counts_as_synced_before_the_remote_speaks() {
    let id = DocumentId::random();
    let mut relay = MiniRelay::new();
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "title", "Protokoll").unwrap();
    let mut alice = SyncClient::new("alice");
    let mut first = alice.connected();
    first.extend(alice.add_document(id, None, &mut (id, &mut doc)));
    pump(&mut relay, &mut alice, (id, &mut doc), first);
    let saved = alice.sync_state(&id).unwrap();

    // Removed and added again on the same connection: a relay that is in
    // sync says nothing, and the saved shared heads speak for it.
    alice.remove_document(&id);
    alice.add_document(id, Some(&saved), &mut (id, &mut doc));
    assert!(alice.is_synced(&id, &mut (id, &mut doc)));
    doc.put(ROOT, "title", "Minnesanteckningar").unwrap();
    assert!(
        !alice.is_synced(&id, &mut (id, &mut doc)),
        "a new change is not on the relay"
    );
}
