//! A workspace's first screen — its meetings list — kept beside the stored
//! document as a small read model, so that a workspace with years of
//! history draws its list at once and loads the history just after.
//! Automerge rebuilds every change of the history to load it (about a
//! second in the browser for the 138,000 changes of five years' typing);
//! this read model is JSON of about 25 KB for five years.
//!
//! It is used only for the very stored document it was made from (see
//! [`StoredStamp`]) and only to read: nothing is ever written through it,
//! and the document replaces it as soon as it has loaded.

use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};

use crate::doc::Entity;
use crate::model::{Group, Meeting, Person, Template};

/// Which stored document a first view was made from: a digest of the
/// snapshot and the keys of the chunks stored beside it. A chunk never
/// changes once written (its key names the tab and a sequence number); the
/// snapshot does, so it is identified by its contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredStamp {
    snapshot: String,
    chunks: Vec<String>,
}

impl StoredStamp {
    /// `snapshot_digest` from [`Self::digest`] of the stored snapshot.
    pub fn new(snapshot_digest: String, chunk_keys: impl IntoIterator<Item = String>) -> Self {
        let mut chunks: Vec<String> = chunk_keys.into_iter().collect();
        crate::order::sort(&mut chunks);
        StoredStamp {
            snapshot: snapshot_digest,
            chunks,
        }
    }

    /// A stored snapshot's digest. It tells this device's own stored values
    /// apart, so the standard library's fast hash does (SHA-256 of a
    /// five-year snapshot was a fifth of the time to the first view). Its
    /// algorithm may change with the compiler: a first view written by an
    /// older build then opens the slow way once.
    pub fn digest(snapshot: &str) -> String {
        let mut hasher = std::hash::DefaultHasher::new();
        snapshot.hash(&mut hasher);
        format!("{:016x}.{}", hasher.finish(), snapshot.len())
    }
}

/// Bumped when what a first view holds changes meaning: an older one is
/// then not used (the workspace opens the slow way once and writes a new one).
const FORMAT: u32 = 1;

/// What the meetings list needs before the document has loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstView {
    format: u32,
    pub stamp: StoredStamp,
    meetings: Vec<Meeting>,
    people: Vec<Person>,
    groups: Vec<Group>,
    templates: Vec<Template>,
}

impl FirstView {
    /// The lists as the document has them. Meetings keep what the list shows
    /// (title, date and times, groups, place, status); their agenda,
    /// participants and status log stay in the document.
    pub fn new(
        stamp: StoredStamp,
        meetings: Vec<Meeting>,
        people: Vec<Person>,
        groups: Vec<Group>,
        templates: Vec<Template>,
    ) -> FirstView {
        let meetings = meetings
            .into_iter()
            .map(|meeting| Meeting {
                agenda: Vec::new(),
                participants: Vec::new(),
                status_log: Vec::new(),
                ..meeting
            })
            .collect();
        FirstView {
            format: FORMAT,
            stamp,
            meetings,
            people,
            groups,
            templates,
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `None` for anything but a first view of this format: the workspace
    /// then opens without one.
    pub fn decode(text: &str) -> Option<FirstView> {
        serde_json::from_str::<FirstView>(text)
            .ok()
            .filter(|view| view.format == FORMAT)
    }

    /// The entries of a kind it holds; `None` for a kind it does not keep.
    pub fn list<E: Entity + Clone + 'static>(&self) -> Option<Vec<E>> {
        fn as_entries<E: Clone + 'static>(list: &dyn std::any::Any) -> Option<Vec<E>> {
            list.downcast_ref::<Vec<E>>().cloned()
        }
        as_entries(&self.meetings)
            .or_else(|| as_entries(&self.people))
            .or_else(|| as_entries(&self.groups))
            .or_else(|| as_entries(&self.templates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AgendaItemId, MeetingId};
    use crate::model::{Action, AgendaItem};

    fn meeting(title: &str) -> Meeting {
        Meeting {
            id: MeetingId::from(title.to_lowercase()),
            title: title.to_owned(),
            place: "Stadshuset".to_owned(),
            agenda: vec![AgendaItem {
                id: AgendaItemId::from("punkt"),
                heading: "Läget i skolorna".to_owned(),
                body: "Lång anteckning".repeat(100),
            }],
            ..Default::default()
        }
    }

    fn stamp() -> StoredStamp {
        StoredStamp::new(
            StoredStamp::digest("snapshot"),
            ["b".to_owned(), "a".to_owned()],
        )
    }

    #[test]
    fn keeps_what_the_list_shows_and_leaves_the_minutes_in_the_document() {
        let view = FirstView::new(stamp(), vec![meeting("Rådsmöte")], vec![], vec![], vec![]);
        let meetings = view.list::<Meeting>().unwrap();
        assert_eq!(meetings.len(), 1);
        assert_eq!(meetings[0].title, "Rådsmöte");
        assert_eq!(meetings[0].place, "Stadshuset");
        assert!(meetings[0].agenda.is_empty());
        assert!(view.encode().len() < 400, "{}", view.encode());
    }

    #[test]
    fn round_trips_and_refuses_anything_else() {
        let view = FirstView::new(stamp(), vec![meeting("Rådsmöte")], vec![], vec![], vec![]);
        assert_eq!(FirstView::decode(&view.encode()), Some(view.clone()));
        assert_eq!(FirstView::decode("not json"), None);
        assert_eq!(FirstView::decode("{}"), None);
        let other_format = view.encode().replace("\"format\":1", "\"format\":99");
        assert_eq!(FirstView::decode(&other_format), None);
    }

    #[test]
    fn lists_only_the_kinds_it_keeps() {
        let view = FirstView::new(stamp(), vec![meeting("Rådsmöte")], vec![], vec![], vec![]);
        assert_eq!(view.list::<Person>(), Some(vec![]));
        assert_eq!(view.list::<Action>(), None);
    }

    #[test]
    fn a_stamp_names_the_snapshot_by_its_contents_and_the_chunks_in_any_order() {
        let in_order = StoredStamp::new(
            StoredStamp::digest("snapshot"),
            ["a".to_owned(), "b".to_owned()],
        );
        assert_eq!(stamp(), in_order);
        let other_snapshot = StoredStamp::new(
            StoredStamp::digest("snapshot2"),
            ["a".to_owned(), "b".to_owned()],
        );
        assert_ne!(stamp(), other_snapshot);
        let more_chunks = StoredStamp::new(
            StoredStamp::digest("snapshot"),
            ["a".to_owned(), "b".to_owned(), "c".to_owned()],
        );
        assert_ne!(stamp(), more_chunks);
    }
}
