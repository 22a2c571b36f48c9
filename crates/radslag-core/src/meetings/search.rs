//! The meetings list: upcoming and past, per group, and search across all
//! minutes text, without regard to case or diacritics ("lagesbild" finds
//! "Lägesbild", "ANGE" finds "Ånge").

use chrono::NaiveDate;

use super::Register;
use crate::ids::{GroupId, MeetingId};
use crate::model::Meeting;

/// Lower case without diacritics: "Årshjul" → "arshjul", "Café" → "cafe".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            out.push(match lower {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
                'ç' | 'ć' | 'č' => 'c',
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ñ' | 'ń' => 'n',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
                'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
                'ý' | 'ÿ' => 'y',
                'š' | 'ś' => 's',
                'ž' | 'ź' | 'ż' => 'z',
                'ł' => 'l',
                '\u{300}'..='\u{36f}' => continue,
                other => other,
            });
        }
    }
    out
}

/// Meetings on or after `today` (and those without a date, last), soonest
/// first; and meetings before `today`, latest first.
pub fn upcoming_and_past(meetings: Vec<Meeting>, today: NaiveDate) -> (Vec<Meeting>, Vec<Meeting>) {
    let (mut upcoming, mut past): (Vec<Meeting>, Vec<Meeting>) = meetings
        .into_iter()
        .partition(|m| m.date.is_none_or(|d| d >= today));
    crate::order::sort_by(&mut upcoming, |a, b| {
        (a.date.is_none(), a.date, a.start_time, &a.title).cmp(&(
            b.date.is_none(),
            b.date,
            b.start_time,
            &b.title,
        ))
    });
    crate::order::sort_by(&mut past, |a, b| {
        (b.date, b.start_time, &b.title).cmp(&(a.date, a.start_time, &a.title))
    });
    (upcoming, past)
}

/// The meetings of one group (a joint meeting belongs to each of its groups);
/// all of them for `None`.
pub fn of_group(meetings: Vec<Meeting>, group: Option<&GroupId>) -> Vec<Meeting> {
    match group {
        None => meetings,
        Some(g) => meetings
            .into_iter()
            .filter(|m| m.groups.contains(g))
            .collect(),
    }
}

/// One meeting found by a search, with the line that matched for context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub meeting: MeetingId,
    /// The first line that holds the first search word, shortened around it.
    pub context: Option<String>,
}

/// Every line of text a meeting holds: title, place, link, groups, people,
/// agenda headings and bodies.
pub fn lines(meeting: &Meeting, register: &Register) -> Vec<String> {
    let mut lines = vec![
        meeting.title.clone(),
        meeting.place.clone(),
        meeting.link.clone(),
    ];
    lines.extend(register.group_names(&meeting.groups));
    let people = meeting
        .participants
        .iter()
        .map(|p| &p.person)
        .chain(meeting.note_taker.as_ref())
        .filter_map(|id| register.person(id));
    lines.extend(people.map(super::person_line));
    for item in &meeting.agenda {
        lines.push(item.heading.clone());
        lines.extend(item.body.lines().map(str::to_owned));
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

/// The meetings whose text holds every word of `query` (case and diacritics
/// ignored), in the order given. An empty query finds nothing.
pub fn search(meetings: &[Meeting], register: &Register, query: &str) -> Vec<Hit> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return Vec::new();
    }
    meetings
        .iter()
        .filter_map(|meeting| {
            let lines = lines(meeting, register);
            let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
            if !words
                .iter()
                .all(|w| folded.iter().any(|l| l.contains(w.as_str())))
            {
                return None;
            }
            let context = folded
                .iter()
                .position(|l| l.contains(words[0].as_str()))
                .map(|i| shorten_around(&lines[i], &folded[i], &words[0]));
            Some(Hit {
                meeting: meeting.id.clone(),
                context,
            })
        })
        .collect()
}

/// At most about 100 characters of `line` around the first `word`, with
/// "…" where it was cut.
fn shorten_around(line: &str, folded: &str, word: &str) -> String {
    const SPAN: usize = 100;
    let chars: Vec<char> = line.trim().chars().collect();
    if chars.len() <= SPAN {
        return chars.iter().collect();
    }
    // Folding keeps one character per character for the letters it knows,
    // so a character position in the folded line is close enough.
    let folded_trimmed = folded.trim();
    let at = folded_trimmed
        .find(word)
        .map(|byte| folded_trimmed[..byte].chars().count())
        .unwrap_or(0)
        .min(chars.len());
    let start = at.saturating_sub(30);
    let end = (start + SPAN).min(chars.len());
    let start = end.saturating_sub(SPAN);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PersonId;
    use crate::model::{AgendaItem, Attendance, Group, Participant, Person};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn meeting(title: &str, date: Option<NaiveDate>, body: &str) -> Meeting {
        Meeting {
            title: title.into(),
            date,
            agenda: vec![AgendaItem {
                id: "i".into(),
                heading: "Lägesbildsarbete".into(),
                body: body.into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(
            fold("Årshjul ÖVRIGA frågor, Café"),
            "arshjul ovriga fragor, cafe"
        );
        // A combining ring (å written as a + ◌̊) folds the same.
        assert_eq!(fold("A\u{30a}nge"), "ange");
    }

    #[test]
    fn meetings_split_into_upcoming_and_past_around_today() {
        let today = d(2023, 2, 7);
        let list = vec![
            meeting("past", Some(d(2022, 11, 1)), ""),
            meeting("undated", None, ""),
            meeting("today", Some(today), ""),
            meeting("later", Some(d(2023, 5, 11)), ""),
            meeting("long ago", Some(d(2021, 1, 1)), ""),
        ];
        let (upcoming, past) = upcoming_and_past(list, today);
        let titles = |v: &[Meeting]| v.iter().map(|m| m.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&upcoming), ["today", "later", "undated"]);
        assert_eq!(titles(&past), ["past", "long ago"]);
    }

    #[test]
    fn a_joint_meeting_belongs_to_each_of_its_groups() {
        let (trygg, klara, other) = (GroupId::from("t"), GroupId::from("k"), GroupId::from("o"));
        let mut joint = meeting("joint", None, "");
        joint.groups = vec![trygg.clone(), klara.clone()];
        let mut youth = meeting("youth", None, "");
        youth.groups = vec![klara.clone()];
        let list = vec![joint, youth];
        let titles = |g: Option<&GroupId>| {
            of_group(list.clone(), g)
                .into_iter()
                .map(|m| m.title)
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(Some(&trygg)), ["joint"]);
        assert_eq!(titles(Some(&klara)), ["joint", "youth"]);
        assert!(titles(Some(&other)).is_empty());
        assert_eq!(titles(None).len(), 2);
    }

    #[test]
    fn search_finds_minutes_text_without_case_or_diacritics() {
        let moa = Person {
            id: PersonId::from("moa"),
            name: "Moa Magnusson".into(),
            role: "folkhälsostrateg".into(),
            organisation: "Ånge kommun".into(),
            groups: vec![],
        };
        let groups = vec![Group {
            id: "k".into(),
            name: "Klara-gruppen".into(),
            description: String::new(),
        }];
        let people = vec![moa.clone()];
        let register = Register::new(&people, &groups);
        let mut first = meeting(
            "Trygghetsrådet utvärderar",
            Some(d(2023, 2, 7)),
            "- Industriområdet i Ånge är lugnare än tidigare\n- Kulturnatten 26 maj",
        );
        first.participants = vec![Participant {
            person: moa.id.clone(),
            attendance: Attendance::Present,
        }];
        let mut second = meeting(
            "Klara-gruppen",
            Some(d(2023, 5, 11)),
            "Skolans trivselenkät",
        );
        second.groups = vec!["k".into()];
        let meetings = vec![first.clone(), second.clone()];
        let found = |q: &str| {
            search(&meetings, &register, q)
                .into_iter()
                .map(|h| h.meeting)
                .collect::<Vec<_>>()
        };

        assert_eq!(found("industriomradet ANGE"), [first.id.clone()]);
        assert_eq!(found("TRIVSELENKAT"), [second.id.clone()]);
        assert_eq!(found("lägesbild"), [first.id.clone(), second.id.clone()]);
        // People and groups are part of the text.
        assert_eq!(found("folkhalsostrateg"), [first.id.clone()]);
        assert_eq!(found("klara"), [second.id.clone()]);
        // Every word must be there.
        assert!(found("kulturnatten trivselenkät").is_empty());
        assert!(found("   ").is_empty());
        // The matching line is given for context.
        let hit = &search(&meetings, &register, "kulturnatten")[0];
        assert_eq!(hit.context.as_deref(), Some("- Kulturnatten 26 maj"));
    }

    #[test]
    fn long_lines_are_shortened_around_the_word() {
        let line = format!("{} Kulturnatten {}", "a ".repeat(80), "b ".repeat(80));
        let m = meeting("x", None, &line);
        let register = Register::new(&[], &[]);
        let hit = &search(&[m], &register, "kulturnatten")[0];
        let context = hit.context.clone().unwrap();
        assert!(
            context.starts_with('…') && context.ends_with('…'),
            "{context}"
        );
        assert!(context.contains("Kulturnatten"));
        assert!(context.chars().count() <= 102);
    }
}
