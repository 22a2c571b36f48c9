//! What a new workspace starts with, and what an older one is given when it
//! lacks it: the annual wheel's default categories (its rings) and the
//! default agenda template. Every seeded entry has a fixed id, so two
//! replicas seeding it (a new workspace, a migrated one) write the same
//! entry rather than duplicates.

use crate::ids::{CategoryId, TemplateId};
use crate::model::{Category, Template};

/// The default categories: (stable id, name, colour), in wheel order.
const DEFAULT_CATEGORIES: [(&str, &str, &str); 7] = [
    ("moten", "Möten", "#1D4ED8"),
    ("evenemang", "Evenemang", "#C2410C"),
    ("kampanjveckor", "Kampanjveckor", "#7E22CE"),
    ("lagandringar", "Lagändringar", "#9D174D"),
    ("matningar", "Mätningar", "#4D7C0F"),
    ("dialoger", "Dialoger", "#0E7490"),
    ("uppfoljning", "Uppföljning", "#334155"),
];

/// The categories a new workspace starts with: Möten, Evenemang,
/// Kampanjveckor, Lagändringar, Mätningar, Dialoger, Uppföljning. Their ids are
/// fixed ("moten", "evenemang", ...), so two members who both add the defaults
/// write the same entries rather than duplicates.
pub fn default_categories() -> Vec<Category> {
    DEFAULT_CATEGORIES
        .iter()
        .map(|&(id, name, colour)| Category {
            id: CategoryId::from(id),
            name: name.to_owned(),
            colour: colour.to_owned(),
        })
        .collect()
}

/// The heading of the agenda item under which a meeting follows up the open
/// actions of its groups.
pub const FOLLOW_UP_HEADING: &str = "Uppföljning av åtgärder";

/// The id of the default template: fixed, so two replicas seeding it (a
/// new workspace, a migrated one) write the same entry.
pub const DEFAULT_TEMPLATE_ID: &str = "radsmote";

/// The standing items of a council meeting, in order. The first is where the
/// meeting follows up the open actions of its groups ([`FOLLOW_UP_HEADING`]).
pub const STANDING_ITEMS: [&str; 7] = [
    FOLLOW_UP_HEADING,
    "Summering",
    "Framåtblick",
    "Lägesbild",
    "Årshjul",
    "Övriga frågor",
    "Nästa möte",
];

/// "Rådsmöte" with the seven standing items.
pub fn default_template() -> Template {
    Template {
        id: TemplateId::from(DEFAULT_TEMPLATE_ID),
        name: "Rådsmöte".to_owned(),
        items: STANDING_ITEMS.iter().map(|s| (*s).to_owned()).collect(),
    }
}
