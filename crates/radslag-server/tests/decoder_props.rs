//! Randomised tests (proptest) of the automerge-repo message decoder the
//! relay checks every incoming frame with (`radslag_core::sync::Message`):
//! it never panics, on random bytes nor on mutated valid frames, and what it
//! accepts round-trips (encoding it and decoding again gives the same
//! message).

use proptest::prelude::*;
use radslag_core::sync::{DocumentId, Message, PeerMetadata, message::RemoteHeads};

fn doc_id() -> impl Strategy<Value = DocumentId> {
    any::<[u8; 16]>().prop_map(DocumentId::from_bytes)
}

fn metadata() -> impl Strategy<Value = Option<PeerMetadata>> {
    proptest::option::of((proptest::option::of(".{0,12}"), any::<bool>()).prop_map(
        |(storage_id, is_ephemeral)| PeerMetadata {
            storage_id,
            is_ephemeral,
        },
    ))
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..64)
}

/// Any message the protocol has, with arbitrary field values.
fn message() -> impl Strategy<Value = Message> {
    let s = || ".{0,16}";
    prop_oneof![
        (s(), proptest::collection::vec(s(), 0..3), metadata()).prop_map(|(a, v, m)| {
            Message::Join {
                sender_id: a,
                supported_protocol_versions: v,
                peer_metadata: m,
            }
        }),
        (s(), s(), s(), metadata()).prop_map(|(a, b, v, m)| Message::Peer {
            sender_id: a,
            target_id: b,
            selected_protocol_version: v,
            peer_metadata: m,
        }),
        s().prop_map(|a| Message::Leave { sender_id: a }),
        (s(), s(), doc_id(), bytes()).prop_map(|(a, b, d, data)| Message::Request {
            sender_id: a,
            target_id: b,
            document_id: d,
            data,
        }),
        (s(), s(), doc_id(), bytes()).prop_map(|(a, b, d, data)| Message::Sync {
            sender_id: a,
            target_id: b,
            document_id: d,
            data,
        }),
        (s(), s(), doc_id()).prop_map(|(a, b, d)| Message::DocUnavailable {
            sender_id: a,
            target_id: b,
            document_id: d,
        }),
        (s(), s(), any::<u32>(), s(), doc_id(), bytes()).prop_map(|(a, b, c, sess, d, data)| {
            Message::Ephemeral {
                sender_id: a,
                target_id: b,
                count: u64::from(c),
                session_id: sess,
                document_id: d,
                data,
            }
        }),
        s().prop_map(|m| Message::Error { message: m }),
        (
            s(),
            s(),
            proptest::collection::vec(s(), 0..3),
            proptest::collection::vec(s(), 0..3)
        )
            .prop_map(|(a, b, add, remove)| Message::RemoteSubscriptionChange {
                sender_id: a,
                target_id: b,
                add,
                remove,
            }),
        (
            s(),
            s(),
            doc_id(),
            proptest::collection::vec(
                (s(), proptest::collection::vec(s(), 0..3), any::<u32>()),
                0..3
            )
        )
            .prop_map(|(a, b, d, heads)| Message::RemoteHeadsChanged {
                sender_id: a,
                target_id: b,
                document_id: d,
                new_heads: heads
                    .into_iter()
                    .map(|(storage_id, heads, t)| RemoteHeads {
                        storage_id,
                        heads,
                        timestamp: u64::from(t),
                    })
                    .collect(),
            }),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Remove(usize),
    Truncate(usize),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(
        prop_oneof![
            (any::<usize>(), 1..=255u8).prop_map(|(i, b)| Mutation::Flip(i, b)),
            (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Insert(i, b)),
            any::<usize>().prop_map(Mutation::Remove),
            any::<usize>().prop_map(Mutation::Truncate),
        ],
        1..6,
    )
}

fn mutate(mut frame: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = frame.len();
        match *m {
            Mutation::Flip(i, b) if n > 0 => frame[i % n] ^= b,
            Mutation::Insert(i, b) => frame.insert(i % (n + 1), b),
            Mutation::Remove(i) if n > 0 => {
                frame.remove(i % n);
            }
            Mutation::Truncate(i) => frame.truncate(i % (n + 1)),
            _ => {}
        }
    }
    frame
}

/// Decoding `frame` does not panic, and what it accepts round-trips.
fn decodes_sanely(frame: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(message) = Message::decode(frame) {
        let again = Message::decode(&message.encode());
        prop_assert_eq!(again.as_ref(), Ok(&message), "accepted {:02x?}", frame);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_message_round_trips(m in message()) {
        let frame = m.encode();
        prop_assert_eq!(Message::decode(&frame), Ok(m));
    }

    #[test]
    fn random_bytes_never_panic(frame in proptest::collection::vec(any::<u8>(), 0..256)) {
        decodes_sanely(&frame)?;
    }

    #[test]
    fn mutated_frames_never_panic(m in message(), ms in mutations()) {
        decodes_sanely(&mutate(m.encode(), &ms))?;
    }

    #[test]
    fn cbor_shaped_noise_never_panics(
        head in prop_oneof![Just(0xa0u8), Just(0xa4), Just(0xa7), Just(0xbf), Just(0x9f), Just(0xd8)],
        rest in proptest::collection::vec(
            prop_oneof![any::<u8>(), Just(0x64), Just(0x78), Just(0xff), Just(0x1b)], 0..128)
    ) {
        let mut frame = vec![head];
        frame.extend(rest);
        decodes_sanely(&frame)?;
    }
}
