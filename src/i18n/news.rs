//! The words of *Nytt sedan ditt senaste besök*, Swedish and English.
//! Reached through `Texts::news`, so a missing translation is a compile
//! error.

pub struct NewsTexts {
    /// The mark on something others changed.
    pub new: &'static str,
    /// After the mark, for a screen reader: "… by <names>".
    pub changed_by: &'static str,
    pub someone: &'static str,
    /// Over what changed in a meeting.
    pub heading: &'static str,
    pub by: &'static str,
    pub new_meeting: &'static str,
    pub details: &'static str,
    pub participants: &'static str,
    pub status: &'static str,
    pub added: &'static str,
    pub changed: &'static str,
    pub removed: &'static str,
}

pub static SV: NewsTexts = NewsTexts {
    new: "Nytt",
    changed_by: "sedan ditt senaste besök, ändrat av",
    someone: "någon",
    heading: "Nytt sedan ditt senaste besök",
    by: "Ändrat av",
    new_meeting: "Mötet har lagts till sedan dess.",
    details: "Mötets uppgifter (titel, tid, plats, grupper eller nästa möte) har ändrats.",
    participants: "Deltagarna har ändrats.",
    status: "Mötet har justerats eller öppnats för ändring.",
    added: "Nya punkter:",
    changed: "Ändrade punkter:",
    removed: "Borttagna punkter:",
};

pub static EN: NewsTexts = NewsTexts {
    new: "New",
    changed_by: "since your last visit, changed by",
    someone: "someone",
    heading: "New since your last visit",
    by: "Changed by",
    new_meeting: "The meeting was added since.",
    details: "The meeting's details (title, time, place, groups or next meeting) changed.",
    participants: "The participants changed.",
    status: "The meeting was approved or reopened.",
    added: "New items:",
    changed: "Changed items:",
    removed: "Removed items:",
};
