//! A meeting's minutes as Markdown, laid out like the printed minutes:
//! heading, date, place, participants, numbered items with the actions
//! decided under them (and the follow-up under its item), *Vid pennan*.

use super::body::{Block, blocks};
use super::dates::{long_date, time_range};
use super::{Register, attendance_lines, person_line};
use crate::actions::record::{MinutesActions, RecordedAction};
use crate::actions::status_sv;
use crate::model::{Meeting, MeetingStatus};
use crate::time::{Locale, log_time};

/// Escapes what Markdown would otherwise read as markup at a line's start
/// or inside it (`*`, `_`, `#`, `[`…), keeping the text as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line starting like a numbered list ("2023. …") or a rule.
    if let Some(dot) = out.find(". ")
        && !out[..dot].is_empty()
        && out[..dot].chars().all(|c| c.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// A file name for the export: `minnesanteckningar-2023-02-07.md`.
pub fn file_name(meeting: &Meeting) -> String {
    match meeting.date {
        Some(d) => format!("minnesanteckningar-{}.md", d.format("%Y-%m-%d")),
        None => "minnesanteckningar.md".to_owned(),
    }
}

/// One action as a list entry: "- Text — Ansvarig: Namn, Organisation;
/// klart senast 2023-05-11 (Pågår)".
fn action_line(action: &RecordedAction) -> String {
    let mut facts = Vec::new();
    if !action.owners.is_empty() {
        facts.push(format!("Ansvarig: {}", escape(&action.owners.join(", "))));
    }
    if let Some(due) = action.due {
        facts.push(format!("klart senast {}", due.format("%Y-%m-%d")));
    }
    let mut line = format!("- {}", escape(&action.text));
    if !facts.is_empty() {
        line.push_str(&format!(" — {}", facts.join("; ")));
    }
    line.push_str(&format!(" ({})", status_sv(action.status)));
    line
}

/// A labelled list of actions, or `empty` in italics when there are none
/// and `empty` is given.
fn action_list(label: &str, actions: &[RecordedAction], empty: Option<&str>) -> String {
    if actions.is_empty() {
        return empty.map_or_else(String::new, |e| format!("**{label}:** *{e}*\n\n"));
    }
    let lines: Vec<String> = actions.iter().map(action_line).collect();
    format!("**{label}:**\n\n{}\n\n", lines.join("\n"))
}

/// The minutes in Markdown (Swedish, as the minutes are written), with the
/// actions they record ([`crate::actions::record`]).
pub fn to_markdown(meeting: &Meeting, register: &Register, actions: &MinutesActions) -> String {
    let mut out = String::from("# MINNESANTECKNINGAR\n\n");
    out.push_str(&format!("## {}\n\n", escape(meeting.title.trim())));

    let mut facts: Vec<(String, String)> = Vec::new();
    if let Some(date) = meeting.date {
        let mut when = format!(
            "{} ({})",
            date.format("%Y-%m-%d"),
            long_date(date, Locale::Sv)
        );
        let times = time_range(meeting.start_time, meeting.end_time);
        if !times.is_empty() {
            when.push_str(&format!(", {times}"));
        }
        facts.push(("Datum".into(), when));
    }
    if !meeting.place.trim().is_empty() {
        facts.push(("Plats".into(), escape(meeting.place.trim())));
    }
    if !meeting.link.trim().is_empty() {
        facts.push(("Länk".into(), format!("<{}>", meeting.link.trim())));
    }
    let groups = register.group_names(&meeting.groups);
    if !groups.is_empty() {
        facts.push(("Grupper".into(), escape(&groups.join(", "))));
    }
    let (present, absent) = attendance_lines(meeting, register);
    for (label, names) in [("Deltagare", present), ("Frånvarande", absent)] {
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|n| escape(n)).collect();
            facts.push((label.into(), names.join("; ")));
        }
    }
    for (label, value) in facts {
        out.push_str(&format!("**{label}:** {value}  \n"));
    }
    out.push('\n');

    for (number, item) in meeting.agenda.iter().enumerate() {
        out.push_str(&format!(
            "### {}. {}\n\n",
            number + 1,
            escape(item.heading.trim())
        ));
        for block in blocks(&item.body) {
            match block {
                Block::Paragraph(lines) => {
                    let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
                    out.push_str(&lines.join("  \n"));
                }
                Block::Bullets(items) => {
                    let items: Vec<String> =
                        items.iter().map(|i| format!("- {}", escape(i))).collect();
                    out.push_str(&items.join("\n"));
                }
            }
            out.push_str("\n\n");
        }
        let record = actions.item(&item.id);
        if let Some(follow_up) = &record.follow_up {
            out.push_str(&action_list(
                "Åtgärder att följa upp",
                follow_up,
                Some("Inga åtgärder att följa upp."),
            ));
        }
        out.push_str(&action_list("Åtgärder", &record.decided, None));
    }

    if let Some(person) = meeting
        .note_taker
        .as_ref()
        .and_then(|id| register.person(id))
    {
        out.push_str(&format!(
            "**Vid pennan:** {}\n\n",
            escape(&person_line(person))
        ));
    }
    if let Some(last) = meeting
        .status_log
        .last()
        .filter(|_| meeting.status == MeetingStatus::Approved)
    {
        out.push_str(&format!(
            "*Justerad av {} {}*\n",
            escape(&last.by),
            log_time(last.at_ms)
        ));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PersonId;
    use crate::model::{AgendaItem, Attendance, Participant, Person, StatusChange};
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn a_meeting_exports_as_minutes_in_markdown() {
        let moa = Person {
            id: PersonId::from("moa"),
            name: "Moa Magnusson".into(),
            role: "folkhälsostrateg".into(),
            organisation: "Ånge kommun".into(),
            groups: vec![],
        };
        let josef = Person {
            id: PersonId::from("josef"),
            name: "Josef Wiklund".into(),
            role: String::new(),
            organisation: "Polisen".into(),
            groups: vec![],
        };
        let lena = Person {
            id: PersonId::from("lena"),
            name: "Lena Bjelkström".into(),
            ..josef.clone()
        };
        let groups = crate::meetings::council_groups();
        let people = vec![moa.clone(), josef.clone(), lena.clone()];
        let register = Register::new(&people, &groups);
        let meeting = Meeting {
            title: "Trygghetsrådet och Klara-gruppen utvärderar och planerar".into(),
            groups: vec!["t".into(), "k".into()],
            date: NaiveDate::from_ymd_opt(2023, 2, 7),
            start_time: NaiveTime::from_hms_opt(13, 0, 0),
            end_time: NaiveTime::from_hms_opt(15, 0, 0),
            place: "Corner, Medborgarhuset Ånge".into(),
            participants: vec![
                Participant { person: moa.id.clone(), attendance: Attendance::Present },
                Participant { person: josef.id.clone(), attendance: Attendance::Present },
                Participant { person: lena.id.clone(), attendance: Attendance::Absent },
            ],
            agenda: vec![
                AgendaItem {
                    id: "a".into(),
                    heading: "Summering och utvärdering av 2022".into(),
                    body: "En summering genomförs.\n- End of summer meet *18 år*\n- Kulturnatten 26 maj".into(),
                },
                AgendaItem { id: "b".into(), heading: "Övriga frågor".into(), body: String::new() },
            ],
            note_taker: Some(moa.id.clone()),
            status: MeetingStatus::Approved,
            status_log: vec![StatusChange {
                status: MeetingStatus::Approved,
                by: "Moa Magnusson".into(),
                at_ms: NaiveDate::from_ymd_opt(2026, 11, 22)
                    .unwrap()
                    .and_hms_opt(13, 3, 0)
                    .unwrap()
                    .and_utc()
                    .timestamp_millis(),
            }],
            ..Default::default()
        };
        assert_eq!(
            to_markdown(&meeting, &register, &MinutesActions::default()),
            "# MINNESANTECKNINGAR\n\n\
             ## Trygghetsrådet och Klara-gruppen utvärderar och planerar\n\n\
             **Datum:** 2023-02-07 (tisdag 7 februari 2023), 13:00–15:00  \n\
             **Plats:** Corner, Medborgarhuset Ånge  \n\
             **Grupper:** Trygghetsrådet, Klara-gruppen  \n\
             **Deltagare:** Moa Magnusson, folkhälsostrateg, Ånge kommun; Josef Wiklund, Polisen  \n\
             **Frånvarande:** Lena Bjelkström, Polisen  \n\n\
             ### 1. Summering och utvärdering av 2022\n\n\
             En summering genomförs.\n\n\
             - End of summer meet \\*18 år\\*\n\
             - Kulturnatten 26 maj\n\n\
             ### 2. Övriga frågor\n\n\
             **Vid pennan:** Moa Magnusson, folkhälsostrateg, Ånge kommun\n\n\
             *Justerad av Moa Magnusson 2026-11-22 14:03*\n"
        );
        assert_eq!(file_name(&meeting), "minnesanteckningar-2023-02-07.md");
    }

    #[test]
    fn actions_are_listed_under_their_item_and_the_follow_up_as_at_approval() {
        use crate::actions::{self, export::Names, record};
        use crate::doc::StatusEvent;
        use crate::ids::{ActionId, MeetingId};
        use crate::model::{Action, ActionStatus, Owner};
        use std::collections::HashMap;

        let groups = crate::meetings::council_groups();
        let josef = Person {
            id: PersonId::from("josef"),
            name: "Josef Wiklund".into(),
            role: "kommunpolis".into(),
            organisation: "Polisen Ånge".into(),
            groups: vec!["t".into()],
        };
        let people = vec![josef.clone()];
        let item = |id: &str, heading: &str| AgendaItem {
            id: id.into(),
            heading: heading.into(),
            body: String::new(),
        };
        let ms = |y, m, d, h| {
            NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp_millis()
        };
        let february = Meeting {
            id: MeetingId::from("feb"),
            title: "Trygghetsrådet februari".into(),
            groups: vec!["t".into()],
            date: NaiveDate::from_ymd_opt(2023, 2, 7),
            agenda: vec![item("f1", "Lägesbild")],
            ..Default::default()
        };
        let may = Meeting {
            id: MeetingId::from("may"),
            title: "Trygghetsrådet maj".into(),
            groups: vec!["t".into()],
            date: NaiveDate::from_ymd_opt(2023, 5, 11),
            agenda: vec![
                item("m1", "Uppföljning av åtgärder"),
                item("m2", "Övriga frågor"),
            ],
            status: MeetingStatus::Approved,
            status_log: vec![StatusChange {
                status: MeetingStatus::Approved,
                by: "Moa Magnusson".into(),
                at_ms: ms(2023, 5, 12, 8),
            }],
            ..Default::default()
        };
        let decided = |id: &str, text: &str, due: u32| Action {
            id: id.into(),
            text: text.into(),
            owners: vec![
                Owner::Person(josef.id.clone()),
                Owner::Organisation("Fältarna".into()),
            ],
            due: NaiveDate::from_ymd_opt(2023, 5, due),
            status: ActionStatus::Done,
            source_meeting: Some(february.id.clone()),
            source_item: Some("f1".into()),
            wheel_event: None,
        };
        let all = [
            decided("a1", "Fältarna träffar gruppen igen", 11),
            Action {
                status: ActionStatus::InProgress,
                ..decided("a2", "Skolan ser över *belysningen*", 2)
            },
        ];
        let meetings = [february.clone(), may.clone()];
        let action_register = actions::Register::new(&meetings, &people, &[]);
        let names = Names::new(&groups, &people, &meetings, &[]);
        let register = Register::new(&people, &groups);

        // Under the item that decided them, with owners, due date and status.
        let record =
            record::minutes_actions(&february, &all, &HashMap::new(), &action_register, &names);
        assert_eq!(
            to_markdown(&february, &register, &record),
            "# MINNESANTECKNINGAR\n\n\
             ## Trygghetsrådet februari\n\n\
             **Datum:** 2023-02-07 (tisdag 7 februari 2023)  \n\
             **Grupper:** Trygghetsrådet  \n\n\
             ### 1. Lägesbild\n\n\
             **Åtgärder:**\n\n\
             - Skolan ser över \\*belysningen\\* — Ansvarig: Josef Wiklund, Fältarna; \
             klart senast 2023-05-02 (Pågår)\n\
             - Fältarna träffar gruppen igen — Ansvarig: Josef Wiklund, Fältarna; \
             klart senast 2023-05-11 (Klar)\n"
        );

        // May's approved minutes follow them up as they stood at approval:
        // the first closed only afterwards, the second closed at the meeting.
        let event = |status, at_ms| StatusEvent {
            status,
            at_ms,
            actor: "aa".into(),
            person: None,
        };
        let histories = HashMap::from([
            (
                ActionId::from("a1"),
                vec![
                    event(ActionStatus::NotStarted, ms(2023, 2, 7, 14)),
                    event(ActionStatus::InProgress, ms(2023, 3, 1, 9)),
                    event(ActionStatus::Done, ms(2023, 6, 1, 9)),
                ],
            ),
            (
                ActionId::from("a2"),
                vec![
                    event(ActionStatus::NotStarted, ms(2023, 2, 7, 14)),
                    event(ActionStatus::Done, ms(2023, 5, 11, 12)),
                ],
            ),
        ]);
        let record = record::minutes_actions(&may, &all, &histories, &action_register, &names);
        let markdown = to_markdown(&may, &register, &record);
        assert!(
            markdown.contains(
                "### 1. Uppföljning av åtgärder\n\n\
                 **Åtgärder att följa upp:**\n\n\
                 - Skolan ser över \\*belysningen\\* — Ansvarig: Josef Wiklund, Fältarna; \
                 klart senast 2023-05-02 (Klar)\n\
                 - Fältarna träffar gruppen igen — Ansvarig: Josef Wiklund, Fältarna; \
                 klart senast 2023-05-11 (Pågår)\n\n\
                 ### 2. Övriga frågor\n\n"
            ),
            "{markdown}"
        );

        // Nothing to follow up is said so; an action without owners or date
        // is its text and status.
        let bare = Action {
            owners: vec![],
            due: None,
            status: ActionStatus::NotStarted,
            source_meeting: Some(may.id.clone()),
            source_item: Some("m2".into()),
            ..decided("a3", "Ny trygghetsvandring\nmed skolan", 1)
        };
        let record = record::minutes_actions(
            &Meeting {
                status: MeetingStatus::Draft,
                ..may.clone()
            },
            std::slice::from_ref(&bare),
            &HashMap::new(),
            &action_register,
            &names,
        );
        let markdown = to_markdown(&may, &register, &record);
        assert!(
            markdown.contains(
                "### 1. Uppföljning av åtgärder\n\n\
                 **Åtgärder att följa upp:** *Inga åtgärder att följa upp.*\n\n\
                 ### 2. Övriga frågor\n\n\
                 **Åtgärder:**\n\n\
                 - Ny trygghetsvandring med skolan (Ej påbörjad)\n\n"
            ),
            "{markdown}"
        );
    }

    #[test]
    fn text_that_looks_like_markup_is_escaped() {
        assert_eq!(escape("2023. Året"), "2023\\. Året");
        assert_eq!(escape("- inte en punkt"), "\\- inte en punkt");
        assert_eq!(escape("# rubrik"), "\\# rubrik");
        assert_eq!(escape("vanlig text"), "vanlig text");
    }
}
