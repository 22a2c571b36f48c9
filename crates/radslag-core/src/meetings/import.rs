//! Imported minutes into a meeting: what [`crate::minutes_import::parse_minutes`]
//! read becomes an [`ImportDraft`] the user corrects in a preview (and fills
//! in what the text lacked), then [`build`] turns it into a meeting, the
//! people not yet in the register (matched by name) and the next meetings.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::next::{NextPlan, create_next};
use super::search::fold;
use super::{Register, dates::first_after};
use crate::WorkspaceDoc;
use crate::ids::{GroupId, MeetingId, PersonId, TemplateId};
use crate::minutes_import::{MissingField, ParsedMinutes, ParticipantKind};
use crate::model::{AgendaItem, Attendance, Group, Meeting, Participant, Person, Template};

/// A person as the minutes name them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftPerson {
    pub name: String,
    pub role: String,
    pub organisation: String,
}

impl DraftPerson {
    /// "Namn, roll, organisation" (what is missing left out).
    pub fn line(&self) -> String {
        [&self.name, &self.role, &self.organisation]
            .into_iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Reads "Namn, roll, organisation"; a line without a name is nothing.
    pub fn parse_line(line: &str) -> Option<DraftPerson> {
        let mut parts = line.split(',').map(str::trim);
        let name = parts.next().filter(|n| !n.is_empty())?.to_owned();
        let role = parts.next().unwrap_or_default().to_owned();
        let organisation = parts.collect::<Vec<_>>().join(", ");
        Some(DraftPerson {
            name,
            role,
            organisation,
        })
    }
}

/// People from text, one per line ("Namn, roll, organisation").
pub fn people_from_lines(text: &str) -> Vec<DraftPerson> {
    text.lines().filter_map(DraftPerson::parse_line).collect()
}

/// People as text, one per line.
pub fn people_to_lines(people: &[DraftPerson]) -> String {
    people
        .iter()
        .map(DraftPerson::line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One agenda item of the draft.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DraftItem {
    pub heading: String,
    pub body: String,
}

/// Imported minutes, as the preview shows them for correcting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportDraft {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: String,
    pub groups: Vec<GroupId>,
    pub present: Vec<DraftPerson>,
    pub absent: Vec<DraftPerson>,
    pub note_taker: Option<DraftPerson>,
    pub items: Vec<DraftItem>,
    /// The next meetings the minutes announce.
    pub next: Vec<NextPlan>,
    /// The announcements as written, beside `next`.
    pub next_text: Vec<String>,
    /// What the text did not give (the preview asks for it).
    pub missing: Vec<MissingField>,
    /// Whether å, ä and ö were repaired in OCR text.
    pub ocr_repaired: bool,
}

/// The workspace group a name means: the same name, without case and
/// diacritics, or one name holding the other ("Trygghetsråd" and
/// "Trygghetsrådet").
fn find_group<'a>(name: &str, groups: &'a [Group]) -> Option<&'a Group> {
    let wanted = fold(name.trim());
    if wanted.is_empty() {
        return None;
    }
    groups.iter().find(|g| fold(&g.name) == wanted).or_else(|| {
        groups.iter().find(|g| {
            let have = fold(&g.name);
            !have.is_empty() && (have.contains(&wanted) || wanted.contains(&have))
        })
    })
}

fn is_link(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")
}

impl ImportDraft {
    /// The draft of what the parser read, with groups matched against the
    /// workspace's: those the title names (a joint meeting names several),
    /// else those its next meetings are for.
    pub fn from_parsed(parsed: &ParsedMinutes, groups: &[Group]) -> ImportDraft {
        let title = parsed.title.clone().unwrap_or_default();
        let folded_title = fold(&title);
        let mut draft_groups: Vec<GroupId> = groups
            .iter()
            .filter(|g| !g.name.trim().is_empty() && folded_title.contains(&fold(g.name.trim())))
            .map(|g| g.id.clone())
            .collect();
        let person =
            |name: &str, role: &Option<String>, organisation: &Option<String>| DraftPerson {
                name: name.to_owned(),
                role: role.clone().unwrap_or_default(),
                organisation: organisation.clone().unwrap_or_default(),
            };
        let (absent, present): (Vec<_>, Vec<_>) = parsed
            .participants
            .iter()
            .partition(|p| p.kind == ParticipantKind::Absent);
        let next: Vec<NextPlan> = parsed
            .next_meetings
            .iter()
            .map(|n| {
                let (place, link) = match &n.place_or_link {
                    Some(p) if is_link(p) => (String::new(), p.trim().to_owned()),
                    Some(p) => (p.trim().to_owned(), String::new()),
                    None => (String::new(), String::new()),
                };
                NextPlan {
                    group: n
                        .group
                        .as_deref()
                        .and_then(|g| find_group(g, groups))
                        .map(|g| g.id.clone()),
                    date: n.date,
                    start_time: n.start_time,
                    end_time: n.end_time,
                    place,
                    link,
                }
            })
            .collect();
        if draft_groups.is_empty() {
            for group in next.iter().filter_map(|n| n.group.clone()) {
                if !draft_groups.contains(&group) {
                    draft_groups.push(group);
                }
            }
        }
        ImportDraft {
            title,
            date: parsed.date,
            start_time: parsed.start_time,
            end_time: parsed.end_time,
            place: parsed.place.clone().unwrap_or_default(),
            groups: draft_groups,
            present: present
                .iter()
                .map(|p| person(&p.name, &p.role, &p.organisation))
                .collect(),
            absent: absent
                .iter()
                .map(|p| person(&p.name, &p.role, &p.organisation))
                .collect(),
            note_taker: parsed
                .note_taker
                .as_ref()
                .map(|n| person(&n.name, &n.role, &None)),
            items: parsed
                .items
                .iter()
                .map(|i| DraftItem {
                    heading: i.title.clone(),
                    body: i.body.clone(),
                })
                .collect(),
            next,
            next_text: parsed
                .next_meetings
                .iter()
                .map(|n| n.text.clone())
                .collect(),
            missing: parsed.missing.clone(),
            ocr_repaired: parsed.ocr_repaired,
        }
    }

    /// Sets the meeting's date. When the text gave none, the next meetings'
    /// days ("11 maj") were dated in the reference year: they move to the
    /// first such day after the date given.
    pub fn set_date(&mut self, date: Option<NaiveDate>) {
        self.date = date;
        if let Some(date) = date
            && self.missing.contains(&MissingField::Date)
        {
            for plan in &mut self.next {
                if let Some(day) = plan.date {
                    plan.date = first_after(day.month(), day.day(), date).or(plan.date);
                }
            }
        }
    }

    /// What must still be given before importing: the date.
    pub fn blocking(&self) -> Vec<MissingField> {
        if self.date.is_none() {
            vec![MissingField::Date]
        } else {
            Vec::new()
        }
    }

    /// What the text lacked and is still empty, in the order Date, Place,
    /// Participants.
    pub fn still_missing(&self) -> Vec<MissingField> {
        let mut missing = Vec::new();
        if self.date.is_none() {
            missing.push(MissingField::Date);
        }
        if self.place.trim().is_empty() {
            missing.push(MissingField::Place);
        }
        if self.present.is_empty() && self.absent.is_empty() {
            missing.push(MissingField::Participants);
        }
        if self.title.trim().is_empty() {
            missing.push(MissingField::Title);
        }
        missing
    }
}

/// What importing writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub meeting: Meeting,
    /// People the register did not have, to add first.
    pub new_people: Vec<Person>,
    /// The next meetings (when asked for).
    pub next_meetings: Vec<Meeting>,
}

/// The register's person with this name (case, spacing and diacritics
/// ignored), or a new one made from `draft`, kept in `new_people` once.
fn person_for(
    draft: &DraftPerson,
    people: &[Person],
    new_people: &mut Vec<Person>,
    groups: &[GroupId],
) -> PersonId {
    let key = fold(&draft.name.split_whitespace().collect::<Vec<_>>().join(" "));
    let same = |p: &&Person| fold(&p.name.split_whitespace().collect::<Vec<_>>().join(" ")) == key;
    if let Some(existing) = people
        .iter()
        .find(same)
        .or_else(|| new_people.iter().find(same))
    {
        return existing.id.clone();
    }
    let person = Person {
        id: PersonId::random(),
        name: draft.name.split_whitespace().collect::<Vec<_>>().join(" "),
        role: draft.role.trim().to_owned(),
        organisation: draft.organisation.trim().to_owned(),
        groups: groups.to_vec(),
    };
    let id = person.id.clone();
    new_people.push(person);
    id
}

/// The meeting a corrected draft describes: people matched by name against
/// the register (new ones created, in the meeting's groups), items in
/// order with their text as imported, the note-taker, and the next meetings
/// created from its announcements when `with_next` (the "Nästa möte" item's
/// text stays as written).
pub fn build(
    draft: &ImportDraft,
    people: &[Person],
    groups: &[Group],
    template: Option<&Template>,
    with_next: bool,
) -> Imported {
    let mut new_people = Vec::new();
    let mut participants: Vec<Participant> = Vec::new();
    for (list, attendance) in [
        (&draft.present, Attendance::Present),
        (&draft.absent, Attendance::Absent),
    ] {
        for p in list.iter().filter(|p| !p.name.trim().is_empty()) {
            let id = person_for(p, people, &mut new_people, &draft.groups);
            if !participants.iter().any(|existing| existing.person == id) {
                participants.push(Participant {
                    person: id,
                    attendance,
                });
            }
        }
    }
    let note_taker = draft
        .note_taker
        .as_ref()
        .filter(|n| !n.name.trim().is_empty())
        .map(|n| person_for(n, people, &mut new_people, &draft.groups));
    let title = match draft.title.trim() {
        "" => match draft.date {
            Some(d) => format!("Minnesanteckningar {}", d.format("%Y-%m-%d")),
            None => "Minnesanteckningar".to_owned(),
        },
        t => t.to_owned(),
    };
    let meeting = Meeting {
        title,
        groups: draft.groups.clone(),
        date: draft.date,
        start_time: draft.start_time,
        end_time: draft.end_time,
        place: draft.place.trim().to_owned(),
        participants,
        agenda: draft
            .items
            .iter()
            .map(|i| AgendaItem {
                id: Default::default(),
                heading: i.heading.trim().to_owned(),
                body: i.body.clone(),
            })
            .collect(),
        note_taker,
        next_meeting: draft.next.iter().filter_map(|n| n.date).min(),
        ..Default::default()
    };
    if !with_next {
        return Imported {
            meeting,
            new_people,
            next_meetings: Vec::new(),
        };
    }
    let everyone: Vec<Person> = people.iter().chain(&new_people).cloned().collect();
    let register = Register::new(&everyone, groups);
    let (mut linked, next_meetings) = create_next(&meeting, &draft.next, &register, template);
    linked.agenda = meeting.agenda;
    Imported {
        meeting: linked,
        new_people,
        next_meetings,
    }
}

/// Imports a corrected draft into the workspace: the people the register
/// lacks, the meeting and (when `with_next`) its next meetings, matched
/// against what the workspace holds now, so a batch of files adds each new
/// person once.
pub fn import_into(
    doc: &mut WorkspaceDoc,
    draft: &ImportDraft,
    with_next: bool,
) -> crate::doc::Result<Imported> {
    let (people, groups) = (doc.list::<Person>(), doc.list::<Group>());
    let template = doc.get::<Template>(&TemplateId::from(super::DEFAULT_TEMPLATE_ID));
    let imported = build(draft, &people, &groups, template.as_ref(), with_next);
    for person in &imported.new_people {
        doc.put(person)?;
    }
    doc.put(&imported.meeting)?;
    for next in &imported.next_meetings {
        doc.put(next)?;
    }
    Ok(imported)
}

/// Where a meeting with the same date and title was seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeenIn {
    Workspace(MeetingId),
    /// An earlier file of the same import, by its name.
    File(String),
}

#[derive(Debug, Clone)]
struct Known {
    date: NaiveDate,
    title: String,
    untitled: bool,
    seen_in: SeenIn,
}

/// Meetings already there, to recognise minutes imported before: those in
/// the workspace and those earlier in the same batch, by date and title
/// (case and diacritics ignored). Minutes without a title (a scan often
/// lacks the header) are taken to be any meeting on their date.
#[derive(Debug, Clone, Default)]
pub struct KnownMeetings(Vec<Known>);

impl KnownMeetings {
    pub fn of_workspace(meetings: &[Meeting]) -> KnownMeetings {
        let mut known = KnownMeetings::default();
        for m in meetings {
            if let Some(date) = m.date {
                known.add(date, &m.title, SeenIn::Workspace(m.id.clone()));
            }
        }
        known
    }

    /// Where minutes of this date and title were seen, if anywhere.
    pub fn find(&self, date: NaiveDate, title: &str) -> Option<&SeenIn> {
        let title = fold(title.trim());
        self.0
            .iter()
            .find(|k| k.date == date && (title.is_empty() || k.untitled || k.title == title))
            .map(|k| &k.seen_in)
    }

    pub fn add(&mut self, date: NaiveDate, title: &str, seen_in: SeenIn) {
        self.0.push(Known {
            date,
            title: fold(title.trim()),
            untitled: title.trim().is_empty(),
            seen_in,
        });
    }
}

/// A date in a file's name (`2023-02-07.pdf`, `tr-20230207-scan.png`):
/// scans often carry theirs only there.
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
    let bytes = stem.as_bytes();
    let bounded = |i: usize| bytes.get(i).is_none_or(|b| !b.is_ascii_digit());
    (0..bytes.len()).find_map(|start| {
        [(10, "%Y-%m-%d"), (8, "%Y%m%d")]
            .into_iter()
            .find_map(|(len, format)| {
                let candidate = stem.get(start..start + len)?;
                let free = (start == 0 || bounded(start - 1)) && bounded(start + len);
                free.then(|| NaiveDate::parse_from_str(candidate, format).ok())
                    .flatten()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkspaceDoc;
    use crate::meetings::default_template;
    use crate::minutes_import::parse_minutes;
    use crate::model::WorkspaceInfo;

    fn example(name: &str) -> Option<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/examples")
            .join(name);
        std::fs::read_to_string(path).ok()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn t(h: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, 0, 0)
    }

    fn council() -> (Vec<Group>, Vec<Person>) {
        let groups = crate::meetings::council_groups();
        // Already in the register, written with other case.
        let josef = Person {
            id: PersonId::from("josef"),
            name: "josef wiklund".into(),
            role: "kommunpolis".into(),
            organisation: "Polisen".into(),
            groups: vec![],
        };
        (groups, vec![josef])
    }

    const HEADINGS: [&str; 6] = [
        "Summering och utvärdering av 2022",
        "Framåtblick 2023, 2024, 2025 och 2026",
        "Lägesbildsarbete",
        "Årshjul 2023",
        "Övriga frågor",
        "Nästa möte",
    ];

    #[test]
    fn the_pdf_example_imports_completely() {
        let Some(text) = example("minutes-2023-02-07.pdf.txt") else {
            eprintln!("skipped: ../shared/examples is not here");
            return;
        };
        let (groups, people) = council();
        let parsed = parse_minutes(&text, Some(2023)).unwrap();
        let draft = ImportDraft::from_parsed(&parsed, &groups);
        assert_eq!(
            draft.title,
            "Trygghetsrådet och Klara-gruppen utvärderar och planerar"
        );
        assert_eq!(draft.groups, vec![GroupId::from("t"), GroupId::from("k")]);
        assert_eq!(draft.date, Some(d(2023, 2, 7)));
        assert_eq!(draft.place, "Corner, Medborgarhuset Ånge");
        assert_eq!(draft.present.len(), 18);
        assert!(
            draft.still_missing().is_empty(),
            "{:?}",
            draft.still_missing()
        );
        assert_eq!(draft.next.len(), 2);
        assert_eq!(draft.next[0].group, Some(GroupId::from("k")));
        assert_eq!(draft.next[1].group, Some(GroupId::from("t")));

        let imported = build(&draft, &people, &groups, Some(&default_template()), true);
        let m = &imported.meeting;
        let headings: Vec<&str> = m.agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, HEADINGS);
        assert_eq!(m.participants.len(), 18);
        assert!(
            m.participants
                .iter()
                .all(|p| p.attendance == Attendance::Present)
        );
        // Josef was in the register already; the 17 others are new, and so
        // is no one twice (Moa is a participant and the note-taker).
        assert!(
            m.participants
                .iter()
                .any(|p| p.person == PersonId::from("josef"))
        );
        assert_eq!(imported.new_people.len(), 17);
        let moa = imported
            .new_people
            .iter()
            .find(|p| p.name == "Moa Magnusson")
            .unwrap();
        assert_eq!(m.note_taker.as_ref(), Some(&moa.id));
        assert_eq!(moa.groups, vec![GroupId::from("t"), GroupId::from("k")]);
        // Bullets kept as "- " lines.
        assert!(
            m.agenda[0]
                .body
                .contains("\n- Kulturnatten kommer genomföras den 26 maj 2023 i Ånge.")
        );
        // The next meetings: 11 maj 10–12 Klara-gruppen, 13–15 Trygghetsrådet.
        let next: Vec<_> = imported
            .next_meetings
            .iter()
            .map(|n| (n.title.as_str(), n.date, n.start_time, n.end_time))
            .collect();
        assert_eq!(
            next,
            [
                ("Klara-gruppen", Some(d(2023, 5, 11)), t(10), t(12)),
                ("Trygghetsrådet", Some(d(2023, 5, 11)), t(13), t(15)),
            ]
        );
        assert_eq!(m.next_meeting, Some(d(2023, 5, 11)));
        assert_eq!(m.next_meetings.len(), 2);
        // The "Nästa möte" text stays as written.
        assert_eq!(m.agenda[5].body, draft.items[5].body);

        // It all stores and reads back.
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        for p in people.iter().chain(&imported.new_people) {
            ws.put(p).unwrap();
        }
        ws.put(m).unwrap();
        let reloaded = WorkspaceDoc::load(&ws.save()).unwrap();
        assert_eq!(reloaded.get::<Meeting>(&m.id).as_ref(), Some(m));
    }

    #[test]
    fn the_ocr_example_imports_to_the_same_items_and_asks_for_the_rest() {
        let (Some(pdf), Some(ocr)) = (
            example("minutes-2023-02-07.pdf.txt"),
            example("minutes-2023-02-07.ocr.txt"),
        ) else {
            eprintln!("skipped: ../shared/examples is not here");
            return;
        };
        let (groups, people) = council();
        let from_pdf = ImportDraft::from_parsed(&parse_minutes(&pdf, Some(2023)).unwrap(), &groups);
        let mut draft =
            ImportDraft::from_parsed(&parse_minutes(&ocr, Some(2026)).unwrap(), &groups);
        assert!(draft.ocr_repaired);
        assert_eq!(
            draft.still_missing(),
            [
                MissingField::Date,
                MissingField::Place,
                MissingField::Participants,
                MissingField::Title
            ]
        );
        assert_eq!(draft.blocking(), [MissingField::Date]);
        let headings: Vec<&str> = draft.items.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, HEADINGS);
        // The same bullets.
        let bullets = |d: &ImportDraft| {
            d.items
                .iter()
                .map(|i| i.body.lines().filter(|l| l.starts_with("- ")).count())
                .collect::<Vec<_>>()
        };
        assert_eq!(bullets(&draft), bullets(&from_pdf));
        assert_eq!(draft.note_taker, from_pdf.note_taker);
        // The groups come from the next meetings, as there is no title.
        assert_eq!(draft.groups, vec![GroupId::from("k"), GroupId::from("t")]);

        // The user fills in what the scan lacks; the next meetings follow the date.
        draft.set_date(Some(d(2023, 2, 7)));
        draft.place = "Corner, Medborgarhuset Ånge".into();
        draft.present = people_from_lines("Moa Magnusson, folkhälsostrateg\nJosef Wiklund\n\n");
        assert_eq!(draft.present.len(), 2);
        assert_eq!(draft.still_missing(), [MissingField::Title]);
        let plans: Vec<_> = draft
            .next
            .iter()
            .map(|n| (n.group.clone(), n.date, n.start_time, n.end_time))
            .collect();
        let from_pdf_plans: Vec<_> = from_pdf
            .next
            .iter()
            .map(|n| (n.group.clone(), n.date, n.start_time, n.end_time))
            .collect();
        assert_eq!(plans, from_pdf_plans);

        let imported = build(&draft, &people, &groups, Some(&default_template()), true);
        assert_eq!(imported.meeting.title, "Minnesanteckningar 2023-02-07");
        assert_eq!(imported.meeting.agenda.len(), 6);
        assert_eq!(imported.next_meetings.len(), 2);
        // Moa once, as participant and note-taker; Josef from the register.
        assert_eq!(imported.new_people.len(), 1);
        assert_eq!(
            imported.meeting.note_taker.as_ref(),
            Some(&imported.new_people[0].id)
        );
        assert_eq!(imported.new_people[0].role, "folkhälsostrateg");
    }

    #[test]
    fn people_lines_read_and_write() {
        let p =
            DraftPerson::parse_line("  Moa Magnusson , folkhälsostrateg, Ånge kommun, Folkhälsa ")
                .unwrap();
        assert_eq!(p.name, "Moa Magnusson");
        assert_eq!(p.role, "folkhälsostrateg");
        assert_eq!(p.organisation, "Ånge kommun, Folkhälsa");
        assert_eq!(DraftPerson::parse_line(" , roll"), None);
        let people = people_from_lines("Per Håkansson, rektor\nTora Åström");
        assert_eq!(
            people_to_lines(&people),
            "Per Håkansson, rektor\nTora Åström"
        );
    }

    #[test]
    fn without_next_meetings_only_the_date_is_kept() {
        let draft = ImportDraft {
            title: "Möte".into(),
            date: Some(d(2023, 2, 7)),
            next: vec![NextPlan {
                date: Some(d(2023, 5, 11)),
                ..Default::default()
            }],
            absent: vec![DraftPerson {
                name: "Lena".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let imported = build(&draft, &[], &[], None, false);
        assert!(imported.next_meetings.is_empty());
        assert_eq!(imported.meeting.next_meeting, Some(d(2023, 5, 11)));
        assert_eq!(
            imported.meeting.participants[0].attendance,
            Attendance::Absent
        );
    }

    #[test]
    fn importing_a_batch_adds_each_new_person_once_and_every_meeting() {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let person = |name: &str| DraftPerson {
            name: name.into(),
            ..Default::default()
        };
        let first = ImportDraft {
            title: "Trygghetsrådet".into(),
            date: Some(d(2023, 2, 7)),
            present: vec![person("Moa Magnusson"), person("Per Håkansson")],
            ..Default::default()
        };
        let second = ImportDraft {
            date: Some(d(2023, 5, 11)),
            present: vec![person("moa  magnusson"), person("Lena Bjelkström")],
            ..first.clone()
        };
        let a = import_into(&mut ws, &first, true).unwrap();
        let b = import_into(&mut ws, &second, true).unwrap();
        assert_eq!(a.new_people.len(), 2);
        assert_eq!(b.new_people.len(), 1, "Moa is in the register by then");
        assert_eq!(ws.list::<Person>().len(), 3);
        let meetings = ws.list::<Meeting>();
        assert_eq!(meetings.len(), 2);
        assert!(
            meetings
                .iter()
                .all(|m| m.agenda.is_empty() || m.title == "Trygghetsrådet")
        );
        assert_eq!(
            b.meeting.participants[0].person, a.meeting.participants[0].person,
            "the same Moa in both meetings"
        );
    }

    #[test]
    fn minutes_imported_before_are_known_by_date_and_title() {
        let meeting = Meeting {
            id: MeetingId::from("m1"),
            title: "Trygghetsrådet".into(),
            date: Some(d(2023, 2, 7)),
            ..Default::default()
        };
        let mut known = KnownMeetings::of_workspace(&[meeting]);
        let in_workspace = Some(&SeenIn::Workspace(MeetingId::from("m1")));
        // Case, spacing and diacritics do not make another meeting.
        assert_eq!(known.find(d(2023, 2, 7), " TRYGGHETSRADET "), in_workspace);
        // A scan without a title: any meeting that day.
        assert_eq!(known.find(d(2023, 2, 7), ""), in_workspace);
        // Another title or another day is new.
        assert_eq!(known.find(d(2023, 2, 7), "Klara-gruppen"), None);
        assert_eq!(known.find(d(2023, 2, 8), "Trygghetsrådet"), None);
        // Earlier in the same batch.
        known.add(d(2023, 5, 11), "", SeenIn::File("scan.pdf".into()));
        assert_eq!(
            known.find(d(2023, 5, 11), "Klara-gruppen"),
            Some(&SeenIn::File("scan.pdf".into()))
        );
    }

    #[test]
    fn a_date_in_a_file_name() {
        assert_eq!(date_in_name("2023-02-07.pdf"), Some(d(2023, 2, 7)));
        assert_eq!(
            date_in_name("minutes-2023-02-07.ocr.txt"),
            Some(d(2023, 2, 7))
        );
        assert_eq!(date_in_name("20230207 protokoll.pdf"), Some(d(2023, 2, 7)));
        assert_eq!(date_in_name("scan 1.png"), None);
        assert_eq!(
            date_in_name("arkiv/tr-20230207-scan.png"),
            Some(d(2023, 2, 7))
        );
        assert_eq!(
            date_in_name("C:\\protokoll\\TR 2021-11-30 justerat.docx"),
            Some(d(2021, 11, 30))
        );
        // Not a date, or digits running on.
        assert_eq!(date_in_name("2023-13-07.pdf"), None);
        assert_eq!(date_in_name("nr 1202302071.pdf"), None);
        assert_eq!(date_in_name("minnesanteckningar.pdf"), None);
        // The extension is no part of the name.
        assert_eq!(date_in_name("x.20230207"), None);
    }
}
