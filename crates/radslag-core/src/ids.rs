//! Stable random identifiers for everything kept in a workspace document.
//!
//! Collections are Automerge maps keyed by these ids, so two members creating
//! entries at the same time never collide.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// A fresh random id (UUID v4, simple form).
            pub fn random() -> Self {
                Self(uuid::Uuid::new_v4().simple().to_string())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        /// A fresh random id, so `..Default::default()` makes a new entry.
        impl Default for $name {
            fn default() -> Self {
                Self::random()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    )*};
}

id_type!(
    /// A group within the workspace, e.g. Trygghetsrådet or Klara-gruppen.
    GroupId,
    /// A person in the workspace's people register.
    PersonId,
    /// A meeting with its minutes.
    MeetingId,
    /// One numbered item of a meeting's agenda.
    AgendaItemId,
    /// An action (åtgärd) to follow up.
    ActionId,
    /// An event on the annual wheel.
    WheelEventId,
    /// A category (ring) of the annual wheel.
    CategoryId,
    /// A dialogue with questions and small groups.
    DialogueId,
    /// A question within a dialogue.
    QuestionId,
    /// A small group within a dialogue.
    SmallGroupId,
    /// An anonymous answer in a citizen dialogue.
    CitizenAnswerId,
    /// An agenda template (mötesmall) with standing items.
    TemplateId,
);

/// A point of a dialogue's compilation, within its question. Not random:
/// derived from the point's words (`PointKey::of` in `dialogue`), so every
/// device, and every gathering after answers are added or edited, gives the
/// same words the same key, and the coordinator's decisions stay with them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PointKey(pub String);

impl PointKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PointKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for PointKey {
    fn from(s: String) -> Self {
        Self(s)
    }
}
