//! Möten: the meetings list (upcoming and past, per group, searchable), a
//! meeting's page (details, participants, agenda and minutes, next meeting,
//! approval), its print view and Markdown export, agenda templates, and the
//! import of minutes written elsewhere. The logic lives in
//! `radslag_core::meetings`; these views stay thin.

mod agenda;
mod approval;
mod details;
mod history;
mod import;
mod list;
mod minutes;
mod new;
mod news;
mod next;
mod page;
mod participants;
mod print;
mod recorded;
mod templates;

pub use history::MeetingHistory;
pub use import::ImportPage;
pub use list::MeetingsPage;
pub use new::NewMeetingForm;
pub use page::MeetingPage;
pub use print::PrintView;
pub use templates::TemplatesEditor;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use radslag_core::{
    ids::MeetingId,
    model::{Group, Meeting, Person},
};

use crate::routes;
use crate::state::{Workspace, use_workspace};

/// The meeting named in the path, kept current as the document changes.
pub fn use_meeting() -> (Signal<MeetingId>, Memo<Option<Meeting>>) {
    let params = use_params_map();
    let id = Signal::derive(move || {
        MeetingId::from(params.with(|p| p.get(routes::param::MEETING).unwrap_or_default()))
    });
    let ws = use_workspace();
    let meeting = Memo::new(move |_| ws.get::<Meeting>(&id.get()));
    (id, meeting)
}

/// The register's people and groups, sorted by name.
pub fn use_register() -> (Memo<Vec<Person>>, Memo<Vec<Group>>) {
    let ws = use_workspace();
    let people = Memo::new(move |_| {
        let mut people = ws.list::<Person>();
        radslag_core::order::sort_by_key(&mut people, |p| p.name.to_lowercase());
        people
    });
    let groups = Memo::new(move |_| {
        let mut groups = ws.list::<Group>();
        radslag_core::order::sort_by_key(&mut groups, |g| g.name.to_lowercase());
        groups
    });
    (people, groups)
}

/// Changes a meeting: reads it, lets `f` change it and writes back what
/// changed. False when it is gone or refused (approved minutes).
pub fn edit_meeting(ws: Workspace, id: &MeetingId, f: impl FnOnce(&mut Meeting)) -> bool {
    ws.change(|d| {
        let Some(mut meeting) = d.get::<Meeting>(id) else {
            return Ok(false);
        };
        f(&mut meeting);
        d.put(&meeting)?;
        Ok(true)
    })
    .unwrap_or(false)
}
