//! Meetings and minutes: the pure logic behind the meetings pages.
//!
//! - agenda templates with the standing items these groups use ([`templates`]);
//! - the list: upcoming and past, per group, and search over all minutes text
//!   ([`search`]);
//! - an agenda item's body as paragraphs and bullet points ([`body`]);
//! - dates as Swedish minutes write them, and the approval log's times in
//!   Europe/Stockholm ([`dates`]);
//! - creating the next meetings from a meeting ([`next`]);
//! - Markdown export ([`markdown`]);
//! - what changed since a device last looked ([`news`]);
//! - turning imported minutes into a meeting and people ([`import`]).
//!
//! Nothing here reads the clock: "today" and instants come in as arguments.

pub mod body;
pub mod dates;
pub mod import;
pub mod markdown;
pub mod news;
pub mod next;
pub mod search;
pub mod templates;

pub use templates::{DEFAULT_TEMPLATE_ID, STANDING_ITEMS, default_template};

use crate::ids::{AgendaItemId, GroupId, PersonId};
use crate::model::{AgendaItem, Attendance, Group, Meeting, Person};

/// The people and groups a meeting's ids refer to, for names.
#[derive(Debug, Clone, Copy)]
pub struct Register<'a> {
    pub people: &'a [Person],
    pub groups: &'a [Group],
}

impl<'a> Register<'a> {
    pub fn new(people: &'a [Person], groups: &'a [Group]) -> Self {
        Register { people, groups }
    }

    pub fn person(&self, id: &PersonId) -> Option<&'a Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    pub fn group(&self, id: &GroupId) -> Option<&'a Group> {
        self.groups.iter().find(|g| &g.id == id)
    }

    /// The names of a meeting's groups, in the meeting's order.
    pub fn group_names(&self, ids: &[GroupId]) -> Vec<String> {
        ids.iter()
            .filter_map(|g| self.group(g))
            .map(|g| g.name.clone())
            .collect()
    }
}

/// "Moa Magnusson, folkhälsostrateg, Ånge kommun": a person with whatever
/// role and organisation the register gives.
pub fn person_line(person: &Person) -> String {
    [&person.name, &person.role, &person.organisation]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.trim())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Who was there and who was not: the participants present (any attendance
/// but absent) and those absent, each as a [`person_line`], in the meeting's
/// order. Participants missing from the register are left out. The minutes
/// page and the Markdown export both show these lists.
pub fn attendance_lines(meeting: &Meeting, register: &Register) -> (Vec<String>, Vec<String>) {
    let (mut present, mut absent) = (Vec::new(), Vec::new());
    for participant in &meeting.participants {
        if let Some(person) = register.person(&participant.person) {
            let list = if participant.attendance == Attendance::Absent {
                &mut absent
            } else {
                &mut present
            };
            list.push(person_line(person));
        }
    }
    (present, absent)
}

/// Moves the agenda item at `from` to `to` (clamped); returns where it is now.
pub fn move_item(agenda: &mut Vec<AgendaItem>, from: usize, to: usize) -> usize {
    if from >= agenda.len() {
        return from;
    }
    let to = to.min(agenda.len() - 1);
    let item = agenda.remove(from);
    agenda.insert(to, item);
    to
}

/// A new, empty agenda item.
pub fn new_item(heading: &str) -> AgendaItem {
    AgendaItem {
        id: AgendaItemId::random(),
        heading: heading.to_owned(),
        body: String::new(),
    }
}

/// The meeting's agenda item whose heading starts with "Nästa möte", if any.
pub fn next_meeting_item(meeting: &Meeting) -> Option<usize> {
    meeting
        .agenda
        .iter()
        .position(|item| search::fold(item.heading.trim()).starts_with("nasta mote"))
}

/// The example minutes' two groups (ids `t` and `k`), for tests.
#[cfg(test)]
pub(crate) fn council_groups() -> Vec<crate::model::Group> {
    [("t", "Trygghetsrådet"), ("k", "Klara-gruppen")]
        .map(|(id, name)| crate::model::Group {
            id: id.into(),
            name: name.into(),
            description: String::new(),
        })
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_move_within_bounds() {
        let mut agenda: Vec<AgendaItem> = ["a", "b", "c"].into_iter().map(new_item).collect();
        assert_eq!(move_item(&mut agenda, 2, 0), 0);
        let headings: Vec<&str> = agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, ["c", "a", "b"]);
        assert_eq!(move_item(&mut agenda, 0, 9), 2);
        let headings: Vec<&str> = agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, ["a", "b", "c"]);
        assert_eq!(move_item(&mut agenda, 7, 0), 7);
    }

    #[test]
    fn a_person_line_skips_what_is_missing() {
        let p = Person {
            id: PersonId::random(),
            name: "Josef Wiklund".into(),
            role: String::new(),
            organisation: "Polisen Ånge".into(),
            groups: vec![],
        };
        assert_eq!(person_line(&p), "Josef Wiklund, Polisen Ånge");
    }

    #[test]
    fn attendance_in_the_meetings_order() {
        let person = |name: &str| Person {
            id: PersonId::random(),
            name: name.into(),
            role: String::new(),
            organisation: String::new(),
            groups: vec![],
        };
        let people = [
            person("Moa Magnusson"),
            person("Josef Wiklund"),
            person("Per Persson"),
        ];
        let groups = council_groups();
        let register = Register::new(&people, &groups);
        let with = |p: &Person, attendance| crate::model::Participant {
            person: p.id.clone(),
            attendance,
        };
        let meeting = Meeting {
            participants: vec![
                with(&people[2], Attendance::Absent),
                with(&people[1], Attendance::Present),
                crate::model::Participant {
                    person: PersonId::random(),
                    attendance: Attendance::Present,
                },
                with(&people[0], Attendance::default()),
            ],
            ..Default::default()
        };
        let (present, absent) = attendance_lines(&meeting, &register);
        assert_eq!(present, ["Josef Wiklund", "Moa Magnusson"]);
        assert_eq!(absent, ["Per Persson"]);
    }

    #[test]
    fn the_next_meeting_item_is_found_without_diacritics() {
        let mut m = Meeting {
            agenda: ["Summering", "Övriga frågor", "Nästa möte"]
                .into_iter()
                .map(new_item)
                .collect(),
            ..Default::default()
        };
        assert_eq!(next_meeting_item(&m), Some(2));
        m.agenda[2].heading = "NASTA MOTE".into();
        assert_eq!(next_meeting_item(&m), Some(2));
        m.agenda.pop();
        assert_eq!(next_meeting_item(&m), None);
    }
}
