//! Rådslag's domain model.
//!
//! Everything a collaboration group keeps — meetings and minutes, actions, the
//! annual wheel, dialogues — lives in one Automerge document per workspace. This
//! crate owns that document's schema and every operation on it, and uses no web
//! APIs, so it builds natively (and is tested with `cargo test`) as well as for
//! wasm32. Time comes in as an argument: `SystemTime::now()` panics on wasm32.

pub mod actions;
pub mod backup;
pub mod dialogue;
pub mod doc;
pub mod first_view;
pub mod ids;
pub mod meetings;
pub mod minutes_import;
pub mod model;
pub mod order;
pub mod reconnect;
pub mod stored;
pub mod sync;
pub mod text;
pub mod time;
pub mod wheel;

pub use doc::{AgendaText, DocError, Entity, ReadCache, Touched, WorkspaceDoc};
