//! The people page's words, Swedish and English. Reached through
//! `Texts::people`, so a missing translation is a compile error.

pub struct PeopleTexts {
    pub role_hint: &'static str,
    pub no_people: &'static str,
    pub no_groups: &'static str,
    pub member_of: &'static str,
}

pub static SV: PeopleTexts = PeopleTexts {
    role_hint: "T.ex. rektor, kommunpolis, fältassistent",
    no_people: "Inga personer ännu. Lägg till rådets medlemmar här.",
    no_groups: "Inga grupper ännu.",
    member_of: "Med i",
};

pub static EN: PeopleTexts = PeopleTexts {
    role_hint: "E.g. principal, community police officer, field worker",
    no_people: "No people yet. Add the council's members here.",
    no_groups: "No groups yet.",
    member_of: "Member of",
};
