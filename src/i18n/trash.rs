//! The words of deleting and restoring (*Ångra*, *Borttaget*), Swedish and
//! English. Reached through `Texts::trash`, so a missing translation is a
//! compile error.

use radslag_core::doc::{Deletable, Kind};

pub struct TrashTexts {
    /// The page of what was deleted, and its place in the menu.
    pub heading: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    /// Before the label in the notice after a delete.
    pub deleted: &'static str,
    pub undo: &'static str,
    /// Before the label once it is back.
    pub restored: &'static str,
    pub restore: &'static str,
    pub deleted_by: &'static str,
    pub unknown_person: &'static str,
    pub agenda_item: &'static str,
    /// Before an agenda item's meeting.
    pub in_meeting: &'static str,
    /// Restoring an item of approved minutes.
    pub approved: &'static str,
    pub group: &'static str,
    pub person: &'static str,
    pub meeting: &'static str,
    pub action: &'static str,
    pub category: &'static str,
    pub wheel_event: &'static str,
    pub dialogue: &'static str,
    pub template: &'static str,
}

impl TrashTexts {
    /// What kind of thing was deleted, in words.
    pub fn kind(&self, what: &Deletable) -> &'static str {
        match what {
            Deletable::AgendaItem { .. } => self.agenda_item,
            Deletable::Entry { kind, .. } => match kind {
                Kind::Group => self.group,
                Kind::Person => self.person,
                Kind::Meeting => self.meeting,
                Kind::Action => self.action,
                Kind::Category => self.category,
                Kind::WheelEvent => self.wheel_event,
                Kind::Dialogue => self.dialogue,
                Kind::Template => self.template,
            },
        }
    }
}

pub static SV: TrashTexts = TrashTexts {
    heading: "Borttaget",
    intro: "Det som tagits bort finns kvar här, med vem som tog bort det och när. Återställ det så kommer det tillbaka som det var, med allt som hörde till det: ansvariga, grupper, kopplingar och det som skrivits i det sedan.",
    empty: "Inget är borttaget.",
    deleted: "Borttaget:",
    undo: "Ångra",
    restored: "Återställt:",
    restore: "Återställ",
    deleted_by: "Borttaget av",
    unknown_person: "okänd",
    agenda_item: "Dagordningspunkt",
    in_meeting: "i mötet",
    approved: "Protokollet är justerat. Återöppna mötet för att återställa punkten.",
    group: "Grupp",
    person: "Person",
    meeting: "Möte",
    action: "Åtgärd",
    category: "Kategori i årshjulet",
    wheel_event: "Händelse i årshjulet",
    dialogue: "Dialog",
    template: "Mötesmall",
};

pub static EN: TrashTexts = TrashTexts {
    heading: "Deleted",
    intro: "What was deleted is kept here, with who deleted it and when. Restore it and it comes back as it was, with everything that belonged to it: owners, groups, links and whatever was written in it since.",
    empty: "Nothing is deleted.",
    deleted: "Deleted:",
    undo: "Undo",
    restored: "Restored:",
    restore: "Restore",
    deleted_by: "Deleted by",
    unknown_person: "unknown",
    agenda_item: "Agenda item",
    in_meeting: "of the meeting",
    approved: "The minutes are approved. Reopen the meeting to restore the item.",
    group: "Group",
    person: "Person",
    meeting: "Meeting",
    action: "Action",
    category: "Category of the annual wheel",
    wheel_event: "Event on the annual wheel",
    dialogue: "Dialogue",
    template: "Agenda template",
};
