//! Every path of the app, in one place: the router in `app.rs` matches the
//! segments below, and every link and navigation builds its path with the
//! functions below. A page never writes `/w/…` itself.
//!
//! ```text
//! /                                   home (the last workspace, or the welcome)
//! /ny                                 a new workspace
//! /join/:doc                          an invitation link
//! /w/:ws/moten                        meetings
//! /w/:ws/moten/importera              import minutes
//! /w/:ws/moten/:meeting[/utskrift]    a meeting (its print view)
//! /w/:ws/moten/:meeting/historik      a meeting's versions
//! /w/:ws/atgarder                     actions
//! /w/:ws/arshjul                      the annual wheel
//! /w/:ws/dialoger[/:dialogue[/tab]]   dialogues, one dialogue and its tabs
//! /w/:ws/personer                     people
//! /w/:ws/installningar                settings
//! /w/:ws/borttaget                    what was deleted, to restore
//! ```

use leptos_router::{ParamSegment, StaticSegment};
use radslag_core::ids::{DialogueId, MeetingId};

/// The home page.
pub const HOME: &str = "/";
/// The welcome that creates a new workspace.
pub const NEW_WORKSPACE: &str = "/ny";

/// The static segments of the paths.
pub mod segment {
    pub const NEW: &str = "ny";
    pub const JOIN: &str = "join";
    pub const WORKSPACE: &str = "w";
    pub const IMPORT: &str = "importera";
    pub const PRINT: &str = "utskrift";
    pub const HISTORY: &str = "historik";
}

/// The names of the paths' parameters, for `use_params_map`.
pub mod param {
    /// A workspace's id (`/w/:ws`).
    pub const WS: &str = "ws";
    /// A meeting's id (`/w/:ws/moten/:meeting`).
    pub const MEETING: &str = "meeting";
    /// A dialogue's id (`/w/:ws/dialoger/:dialogue`).
    pub const DIALOGUE: &str = "dialogue";
    /// The workspace document of an invitation (`/join/:doc`).
    pub const DOC: &str = "doc";
}

/// A page of a workspace, as the menu lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Meetings,
    Actions,
    Wheel,
    Dialogues,
    People,
    Settings,
    /// *Borttaget*: what was deleted, restorable.
    Trash,
}

impl Section {
    /// The section's segment under `/w/:ws`.
    pub const fn segment(self) -> &'static str {
        match self {
            Section::Meetings => "moten",
            Section::Actions => "atgarder",
            Section::Wheel => "arshjul",
            Section::Dialogues => "dialoger",
            Section::People => "personer",
            Section::Settings => "installningar",
            Section::Trash => "borttaget",
        }
    }

    /// The section whose segment this is.
    pub fn from_segment(segment: &str) -> Option<Section> {
        [
            Section::Meetings,
            Section::Actions,
            Section::Wheel,
            Section::Dialogues,
            Section::People,
            Section::Settings,
            Section::Trash,
        ]
        .into_iter()
        .find(|s| s.segment() == segment)
    }

    /// The router's path of the section, relative to `/w/:ws`.
    pub const fn route(self) -> (StaticSegment<&'static str>,) {
        (StaticSegment(self.segment()),)
    }
}

/// A tab of a dialogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogueTab {
    /// The small groups writing (the dialogue's own path).
    Groups,
    Compile,
    Citizen,
    Results,
}

impl DialogueTab {
    /// The tab's segment under `/w/:ws/dialoger/:dialogue` (none for the groups).
    pub const fn segment(self) -> &'static str {
        match self {
            DialogueTab::Groups => "",
            DialogueTab::Compile => "sammanstallning",
            DialogueTab::Citizen => "medborgare",
            DialogueTab::Results => "resultat",
        }
    }
}

/// `/w/:ws`, for the router.
pub const fn workspace_route() -> (StaticSegment<&'static str>, ParamSegment) {
    (StaticSegment(segment::WORKSPACE), ParamSegment(param::WS))
}

/// `/join/:doc`, for the router.
pub const fn join_route() -> (StaticSegment<&'static str>, ParamSegment) {
    (StaticSegment(segment::JOIN), ParamSegment(param::DOC))
}

/// A section of a workspace: `/w/{ws}/moten`, `/w/{ws}/arshjul`, …
pub fn section(ws: &str, section: Section) -> String {
    format!("/{}/{ws}/{}", segment::WORKSPACE, section.segment())
}

/// A meeting's page.
pub fn meeting(ws: &str, meeting: &MeetingId) -> String {
    format!("{}/{meeting}", section(ws, Section::Meetings))
}

/// A meeting's print view.
pub fn meeting_print(ws: &str, id: &MeetingId) -> String {
    format!("{}/{}", meeting(ws, id), segment::PRINT)
}

/// A meeting's history: its versions.
pub fn meeting_history(ws: &str, id: &MeetingId) -> String {
    format!("{}/{}", meeting(ws, id), segment::HISTORY)
}

/// The import of minutes.
pub fn meetings_import(ws: &str) -> String {
    format!("{}/{}", section(ws, Section::Meetings), segment::IMPORT)
}

/// A dialogue's page (its groups writing).
pub fn dialogue(ws: &str, dialogue: &DialogueId) -> String {
    format!("{}/{dialogue}", section(ws, Section::Dialogues))
}

/// A tab of a dialogue.
pub fn dialogue_tab(ws: &str, id: &DialogueId, tab: DialogueTab) -> String {
    match tab {
        DialogueTab::Groups => dialogue(ws, id),
        _ => format!("{}/{}", dialogue(ws, id), tab.segment()),
    }
}

/// The invitation link to a workspace document, at `origin`
/// (`https://radslag.example`).
pub fn join(origin: &str, doc: &str) -> String {
    format!("{origin}/{}/{doc}", segment::JOIN)
}
