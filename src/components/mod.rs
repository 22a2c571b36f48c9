//! Pieces of the page frame shared by every page.

pub mod actions;
pub mod collab_text;
pub mod focus;
pub mod header;
pub mod id_checklist;
pub mod news;
pub mod notices;
pub mod restore;
pub mod routing;
pub mod sync_status;
pub mod undo;
