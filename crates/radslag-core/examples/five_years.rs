//! Writes a workspace with five years of a council's work — 40 meetings with
//! full minutes, 600 actions, 300 wheel events, 50 people — as base64 of its
//! saved form, for the load benchmark (bench/load.mjs). The minutes are typed
//! a keystroke per change and the actions' statuses change over time, so the
//! document carries the history a real one would; their words are drawn from
//! real minutes, in sentences of varied length.
//!
//! cargo run --release -p radslag-core --example five_years > five_years.b64

use chrono::{Days, NaiveDate, NaiveTime};
use radslag_core::{WorkspaceDoc, ids::*, model::*, stored};

/// Real minutes, for their words: the generated minutes draw from them at
/// the rate they occur there, so the text compresses like real minutes, not
/// like a dozen recycled sentences.
const SOURCES: [&str; 5] = [
    include_str!("../testdata/minutes/folkhalsoradet-2022-05.txt"),
    include_str!("../testdata/minutes/klara-gruppen-2024-03.txt"),
    include_str!("../testdata/minutes/protokoll-ks-au.txt"),
    include_str!("../testdata/minutes/trygghetsradet-2023-09.txt"),
    include_str!("../testdata/minutes/held-out/natverkstraff-2024-10.txt"),
];

/// A small deterministic generator (xorshift64*): the same workspace every run.
struct Words {
    state: u64,
    words: Vec<String>,
}

impl Words {
    fn new() -> Words {
        let words = SOURCES
            .iter()
            .flat_map(|text| text.split(|c: char| !c.is_alphanumeric() && c != '-'))
            .map(|w| w.trim_matches('-').to_lowercase())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        Words {
            state: 0x2545_f491_4f6c_dd1d,
            words,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        (self.state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    /// A sentence of 5–20 words, sometimes a bullet point.
    fn sentence(&mut self) -> String {
        let length = 5 + self.below(16);
        let picks: Vec<usize> = (0..length).map(|_| self.below(self.words.len())).collect();
        let words: Vec<&str> = picks.iter().map(|&at| self.words[at].as_str()).collect();
        let mut sentence = words.join(" ");
        if let Some(first) = sentence.get(..1) {
            sentence.replace_range(..1, &first.to_uppercase());
        }
        let bullet = if self.below(4) == 0 { "- " } else { "" };
        format!("{bullet}{sentence}.")
    }

    /// An item's minutes: 3–9 sentences, a line each.
    fn item_body(&mut self) -> String {
        let count = 3 + self.below(7);
        (0..count)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

const HEADINGS: [&str; 6] = [
    "Summering och utvärdering",
    "Framåtblick",
    "Lägesbildsarbete",
    "Årshjul",
    "Övriga frågor",
    "Nästa möte",
];

fn main() {
    let info = WorkspaceInfo {
        name: "Trygghetsrådet och Klara-gruppen".into(),
        organisation: "Ånge kommun".into(),
    };
    let mut ws = WorkspaceDoc::create(&info).expect("a new workspace");
    let mut words = Words::new();
    let groups: Vec<Group> = ["Trygghetsrådet", "Klara-gruppen"]
        .into_iter()
        .map(|name| Group {
            id: GroupId::random(),
            name: name.into(),
            description: String::new(),
        })
        .collect();
    let people: Vec<Person> = (0..50)
        .map(|i| Person {
            id: PersonId::random(),
            name: format!("Person {i:02} Magnusson"),
            role: [
                "rektor",
                "kommunpolis",
                "fältassistent",
                "socialsekreterare",
            ][i % 4]
                .into(),
            organisation: ["Ånge kommun", "Polisen Ånge"][i % 2].into(),
            groups: vec![groups[i % 2].id.clone()],
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2021, 2, 7).expect("a date");
    let mut at = 1_612_700_000_000_i64;
    let mut commit = |ws: &mut WorkspaceDoc| {
        at += 60_000;
        ws.commit(at);
    };
    for entry in &groups {
        ws.put(entry).expect("a group");
    }
    for entry in &people {
        ws.put(entry).expect("a person");
    }
    commit(&mut ws);
    let mut meetings = Vec::new();
    for m in 0..40_u64 {
        let meeting = Meeting {
            title: format!("Trygghetsrådet och Klara-gruppen, möte {}", m + 1),
            groups: vec![groups[(m % 2) as usize].id.clone()],
            date: start.checked_add_days(Days::new(m * 45)),
            start_time: NaiveTime::from_hms_opt(13, 0, 0),
            end_time: NaiveTime::from_hms_opt(15, 0, 0),
            place: "Corner, Medborgarhuset Ånge".into(),
            participants: people
                .iter()
                .take(18)
                .map(|p| Participant {
                    person: p.id.clone(),
                    attendance: Attendance::Present,
                })
                .collect(),
            agenda: HEADINGS
                .iter()
                .map(|h| AgendaItem {
                    id: AgendaItemId::random(),
                    heading: (*h).into(),
                    body: String::new(),
                })
                .collect(),
            note_taker: Some(people[0].id.clone()),
            ..Default::default()
        };
        let mut meeting = meeting;
        ws.put(&meeting).expect("a meeting");
        commit(&mut ws);
        // The minutes are typed as in the app: one change per keystroke.
        for item in 0..HEADINGS.len() {
            let text = words.item_body();
            for (end, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
                meeting.agenda[item].body = text[..end].to_owned();
                ws.put(&meeting).expect("typing");
                commit(&mut ws);
            }
        }
        meetings.push(meeting);
    }
    for a in 0..600_u64 {
        let meeting = &meetings[(a % 40) as usize];
        let mut action = Action {
            text: format!("Åtgärd {a}: {}", words.sentence()),
            owners: vec![
                Owner::Person(people[(a % 50) as usize].id.clone()),
                Owner::Organisation("Polisen Ånge".into()),
            ],
            due: start.checked_add_days(Days::new(a * 3)),
            status: ActionStatus::NotStarted,
            source_meeting: Some(meeting.id.clone()),
            source_item: Some(meeting.agenda[0].id.clone()),
            ..Default::default()
        };
        ws.put(&action).expect("an action");
        commit(&mut ws);
        // Followed up at later meetings: in progress, then done.
        for status in [ActionStatus::InProgress, ActionStatus::Done]
            .into_iter()
            .take((a % 3) as usize)
        {
            action.status = status;
            ws.put(&action).expect("a status");
            commit(&mut ws);
        }
    }
    for e in 0..300_u64 {
        let first = start.checked_add_days(Days::new(e * 6)).expect("a date");
        ws.put(&WheelEvent {
            title: format!("Händelse {e}"),
            start: Some(first),
            end: first.checked_add_days(Days::new(e % 3)),
            groups: vec![groups[(e % 2) as usize].id.clone()],
            notes: words.sentence(),
            ..Default::default()
        })
        .expect("a wheel event");
        if e % 10 == 0 {
            commit(&mut ws);
        }
    }
    commit(&mut ws);
    println!("{}", stored::encode(&ws.save()));
}
