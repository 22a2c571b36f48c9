//! The action list as CSV that opens correctly in Excel with Swedish
//! settings: UTF-8 with a byte order mark (else Excel reads "Åtgärd" as
//! "Ã…tgÃ¤rd"), `;` between fields (Swedish Excel uses `,` as the decimal
//! comma, so it expects semicolons), CRLF line ends, Swedish status names and
//! ISO 8601 dates. Fields that Excel would take for a formula (starting with
//! `=`, `+`, `-`, `@`) get a leading apostrophe.

use chrono::NaiveDate;
use std::collections::HashMap;

use super::{Register, is_overdue, status_sv};
use crate::WorkspaceDoc;
use crate::ids::{GroupId, MeetingId, PersonId, WheelEventId};
use crate::model::{Action, Group, Meeting, Owner, Person, WheelEvent};

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The header row.
pub const HEADERS: [&str; 8] = [
    "Åtgärd",
    "Ansvariga",
    "Klart senast",
    "Status",
    "Försenad",
    "Grupper",
    "Från möte",
    "Årshjulet",
];

/// Names for the ids an action refers to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Names {
    pub groups: HashMap<GroupId, String>,
    pub people: HashMap<PersonId, String>,
    /// A meeting as "title (YYYY-MM-DD)".
    pub meetings: HashMap<MeetingId, String>,
    pub events: HashMap<WheelEventId, String>,
}

impl Names {
    pub fn new(
        groups: &[Group],
        people: &[Person],
        meetings: &[Meeting],
        events: &[WheelEvent],
    ) -> Names {
        Names {
            groups: groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect(),
            people: people
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            meetings: meetings
                .iter()
                .map(|m| {
                    let name = match m.date {
                        Some(date) => format!("{} ({date})", m.title.trim()),
                        None => m.title.trim().to_owned(),
                    };
                    (m.id.clone(), name)
                })
                .collect(),
            events: events
                .iter()
                .map(|e| (e.id.clone(), e.title.clone()))
                .collect(),
        }
    }

    pub fn from_doc(doc: &WorkspaceDoc) -> Names {
        Names::new(
            &doc.list::<Group>(),
            &doc.list::<Person>(),
            &doc.list::<Meeting>(),
            &doc.list::<WheelEvent>(),
        )
    }

    /// An owner's name: the person's (or "okänd person"), or the organisation.
    pub fn owner(&self, owner: &Owner) -> String {
        match owner {
            Owner::Person(id) => self
                .people
                .get(id)
                .cloned()
                .unwrap_or_else(|| "okänd person".to_owned()),
            Owner::Organisation(name) => name.clone(),
        }
    }

    /// All owners, comma-separated.
    pub fn owners(&self, action: &Action) -> String {
        action
            .owners
            .iter()
            .map(|o| self.owner(o))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Keeps Excel from running a field as a formula.
fn defuse(field: &str) -> String {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}"),
        _ => field.to_owned(),
    }
}

/// The actions as CSV bytes, in the order given, one row each after the
/// header row.
pub fn to_csv(actions: &[Action], names: &Names, register: &Register, today: NaiveDate) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(BOM.to_vec());
    let mut write = |row: Vec<String>| {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(row.iter().map(|f| defuse(f)));
    };
    write(HEADERS.iter().map(|h| (*h).to_owned()).collect());
    for action in actions {
        let mut groups: Vec<String> = register
            .groups_of(action)
            .iter()
            .filter_map(|g| names.groups.get(g).cloned())
            .collect();
        crate::order::sort(&mut groups);
        write(vec![
            action.text.trim().to_owned(),
            names.owners(action),
            action
                .due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            status_sv(action.status).to_owned(),
            if is_overdue(action, today) { "Ja" } else { "" }.to_owned(),
            groups.join(", "),
            action
                .source_meeting
                .as_ref()
                .and_then(|m| names.meetings.get(m).cloned())
                .unwrap_or_default(),
            action
                .wheel_event
                .as_ref()
                .and_then(|e| names.events.get(e).cloned())
                .unwrap_or_default(),
        ]);
    }
    writer.into_inner().unwrap_or_default()
}

/// A file name for the export: `atgarder-YYYY-MM-DD.csv`.
pub fn file_name(today: NaiveDate) -> String {
    format!("atgarder-{}.csv", today.format("%Y-%m-%d"))
}
