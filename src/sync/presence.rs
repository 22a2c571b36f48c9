//! Presence: who else has the workspace open now, and where. Each device
//! broadcasts a small ephemeral message every few seconds; one not heard
//! from for a while has left.

use radslag_core::sync::ephemeral;
use serde_json::{Value, json};

/// Broadcast this often…
pub const EVERY_MS: u32 = 3_000;
/// …and forget a peer not heard from for this long.
pub const FORGET_AFTER_MS: i64 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub id: String,
    pub name: String,
    /// The path the peer has open, e.g. `/w/…/moten/…`.
    pub place: String,
    /// The agenda item the peer is writing in, if any.
    pub item: String,
    pub seen_ms: i64,
}

pub fn payload(name: &str, place: &str, item: &str) -> Vec<u8> {
    ephemeral::encode(
        &json!({ "type": "radslag-presence", "name": name, "place": place, "item": item }),
    )
}

pub fn read(sender: &str, data: &[u8], now_ms: i64) -> Option<Peer> {
    let value = ephemeral::decode(data).ok()?;
    if value.get("type").and_then(Value::as_str) != Some("radslag-presence") {
        return None;
    }
    let text = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .chars()
            .take(80)
            .collect()
    };
    Some(Peer {
        id: sender.to_owned(),
        name: text("name"),
        place: text("place"),
        item: text("item"),
        seen_ms: now_ms,
    })
}

/// The agenda item whose heading or notes have the keyboard focus (the
/// meeting page names its fields `item-heading-<id>` and `item-body-<id>`).
pub fn focused_agenda_item() -> Option<String> {
    let id = leptos::prelude::document().active_element()?.id();
    let item = id
        .strip_prefix("item-body-")
        .or_else(|| id.strip_prefix("item-heading-"))?;
    Some(item.to_owned())
}

/// Records a peer's message in the list (one entry per peer).
pub fn seen(peers: &mut Vec<Peer>, peer: Peer) {
    match peers.iter_mut().find(|p| p.id == peer.id) {
        Some(known) => *known = peer,
        None => peers.push(peer),
    }
}
