//! Importing minutes written elsewhere: the text of a PDF, of a Word file or
//! of an OCR scan of a paper copy, turned into a structured draft that the
//! app can show, let the user correct, and save as a meeting.
//!
//! [`parse_minutes`] is pure and never panics; what it cannot find it leaves
//! empty and lists in [`ParsedMinutes::missing`], so the UI can ask for it.
//!
//! What it understands:
//! - a header with labels, with the value on the same line (`Datum 2023-02-07`,
//!   `Plats: Kommunhuset`) or on the lines below: `Datum`, `Tid`, `Plats`,
//!   `Plats och tid`, `Deltagare`, `Närvarande`, `Beslutande`,
//!   `Övriga deltagande`, `Frånvarande`, `Ordförande`, `Sekreterare`,
//!   `Justerare`, `Vid pennan`; the first free-standing lines are the title;
//! - dates as `2023-02-07`, `230207` (after `Datum`), `7 februari 2023`,
//!   `7/2 2023`, `7.2.2023`, and times as `kl 10-12`, `10.00–12.00`;
//! - agenda items numbered `1.`, `1)`, `§ 12` or `§12 Rubrik` (the title may
//!   then stand on the next line), in sequence: a repeated table of contents
//!   does not make a second set of items, and a bare agenda list at the top is
//!   replaced by the items that follow it;
//! - item bodies as paragraphs and `- ` bullets, with wrapped lines joined;
//! - the next meetings, from an item or a label called `Nästa möte`;
//! - OCR text whose å, ä and ö were misread (`Trygghetsradet`, `ér`, `#r`,
//!   `f6r`, `1 kommunen`), repaired against a word list of Swedish words with å, ä and ö.

mod dates;
#[cfg(feature = "files")]
pub mod files;
mod lexicon;
mod lookalike;
mod next_meeting;
mod ocr;
pub mod ocr_damage;
mod people;
mod structure;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use structure::{Block, LabelKind, RawDoc};

/// What reading a file gave, as the app's file reader (a web worker) sends
/// it back: its text, or that it is a scan, or why it cannot be read (in
/// "svenska / English").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reading {
    Text(String),
    /// An image, or a PDF whose pages have no text: it needs OCR.
    Scan,
    Refused(String),
}

/// What an imported text says, as far as it could be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedMinutes {
    /// The meeting's title: the first free-standing lines of the header.
    pub title: Option<String>,
    /// The meeting's date (serialized as ISO 8601, `2023-02-07`).
    pub date: Option<NaiveDate>,
    /// When the header gives a time (`kl 10-12`), its start…
    pub start_time: Option<NaiveTime>,
    /// …and its end.
    pub end_time: Option<NaiveTime>,
    pub place: Option<String>,
    /// Everyone listed as present, deciding, otherwise taking part or absent,
    /// in the order of the text.
    pub participants: Vec<ParsedParticipant>,
    /// The numbered agenda items, in order.
    pub items: Vec<ParsedItem>,
    pub next_meetings: Vec<ParsedNextMeeting>,
    /// Who took the notes (`Vid pennan`).
    pub note_taker: Option<ParsedNoteTaker>,
    /// Who checks the minutes (`Justerare`).
    pub adjusters: Vec<String>,
    /// `Sekreterare`.
    pub secretary: Option<String>,
    /// `Ordförande`.
    pub chair: Option<String>,
    /// What the text lacks, for the UI to ask for: in the order Date, Place,
    /// Participants, Title.
    pub missing: Vec<MissingField>,
    /// Whether the text looked like OCR output and had its å, ä and ö repaired.
    pub ocr_repaired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedParticipant {
    pub name: String,
    /// A lowercase note after the name: `ordförande`, `rektor`.
    pub role: Option<String>,
    /// A party or organisation: `(S)`, `Polisen`.
    pub organisation: Option<String>,
    pub kind: ParticipantKind,
}

/// Under which heading a person was listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ParticipantKind {
    /// `Deltagare`, `Närvarande`.
    Participant,
    /// `Beslutande`, `Ledamöter`, `Tjänstgörande ersättare`.
    DecisionMaker,
    /// `Övriga deltagande`, `Övriga närvarande`, `Ersättare`.
    Other,
    /// `Frånvarande`, `Anmält förhinder`.
    Absent,
}

/// One agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedItem {
    /// Its number: `3` for `3.` and `12` for `§ 12`.
    pub number: u32,
    pub title: String,
    /// The text under it: paragraphs separated by a blank line, each bullet
    /// on one line starting `- ` (consecutive bullets on consecutive lines),
    /// wrapped lines joined with a space.
    pub body: String,
}

/// One future meeting, as the minutes announce it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedNextMeeting {
    /// With the year of the text, or else the first such day after the
    /// meeting's date, or else in the reference year.
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    /// Which group meets: `Klara-gruppen` in `… för Klara-gruppen`.
    pub group: Option<String>,
    /// Where, or how: `digitalt via Teams`, a room, a link.
    pub place_or_link: Option<String>,
    /// The announcement as written.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ParsedNoteTaker {
    pub name: String,
    pub role: Option<String>,
}

/// A field the text did not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MissingField {
    Date,
    Place,
    Participants,
    Title,
}

/// Why a text could not be imported as minutes. The messages are in Swedish,
/// then English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "message")]
pub enum ImportError {
    #[error("{0}")]
    NotMinutes(String),
    #[error("Texten är tom. / The text is empty.")]
    Empty,
}

const NO_ITEMS: &str = "Texten ser inte ut som minnesanteckningar eller ett protokoll: den har inga \
     numrerade punkter (som \"1.\" eller \"§ 12\"). / The text does not look like minutes: it has \
     no numbered agenda items (such as \"1.\" or \"§ 12\").";
const NO_MARKERS: &str = "Texten har numrerade rader men inget som tyder på ett möte (datum, plats, \
     deltagare, justerare, \"Vid pennan\", \"Övriga frågor\", \"Nästa möte\"…). / The text has \
     numbered lines but nothing that marks a meeting (date, place, participants, adjusters, note \
     taker, other business, next meeting…).";
const BINARY: &str = "Filen innehåller inte läsbar text (den ser ut att vara binär). / The file \
     does not contain readable text (it looks binary).";

/// Reads minutes from plain text. `reference_year` dates a text that gives
/// days without a year (`7 februari`) and no year anywhere else.
pub fn parse_minutes(
    text: &str,
    reference_year: Option<i32>,
) -> Result<ParsedMinutes, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if looks_binary(text) {
        return Err(ImportError::NotMinutes(BINARY.to_owned()));
    }
    let normalized = normalize(text);
    let repaired = ocr::repair_if_ocr(&normalized, lookalike::ocr_evidence(&normalized) >= 3);
    let diacritics_repaired = repaired.is_some();
    let text = repaired.unwrap_or(normalized);
    let (text, lookalikes_repaired) = lookalike::repair(&text, diacritics_repaired);
    let ocr_repaired = diacritics_repaired || lookalikes_repaired > 0;

    let raw = structure::read(&text);
    if raw.items.is_empty() {
        return Err(ImportError::NotMinutes(NO_ITEMS.to_owned()));
    }
    if !raw.looks_like_minutes() {
        return Err(ImportError::NotMinutes(NO_MARKERS.to_owned()));
    }
    Ok(assemble(raw, reference_year, ocr_repaired))
}

/// NUL bytes, other control characters or many replacement characters.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0'
            || c == '\u{FFFD}'
            || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        {
            odd += 1;
        }
    }
    text.contains('\0') || odd * 50 > total
}

/// One kind of line end, no carriage returns or form feeds, non-breaking and
/// other odd spaces as plain spaces, no trailing spaces.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line: String = line
            .chars()
            .map(|c| match c {
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2002}' | '\u{2003}' | '\u{2009}' => ' ',
                '\r' | '\u{c}' | '\u{b}' => ' ',
                '\u{ad}' | '\u{200b}' | '\u{feff}' => '\u{0}',
                c => c,
            })
            .filter(|&c| c != '\u{0}')
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn assemble(raw: RawDoc, reference_year: Option<i32>, ocr_repaired: bool) -> ParsedMinutes {
    let mut minutes = ParsedMinutes {
        title: raw.title(),
        date: None,
        start_time: None,
        end_time: None,
        place: None,
        participants: Vec::new(),
        items: Vec::new(),
        next_meetings: Vec::new(),
        note_taker: None,
        adjusters: Vec::new(),
        secretary: None,
        chair: None,
        missing: Vec::new(),
        ocr_repaired,
    };

    // Date, time and place: labels first, in the order of the text.
    for label in &raw.labels {
        let value = label.lines.join(" ");
        match label.kind {
            LabelKind::Date => {
                if minutes.date.is_none() {
                    minutes.date = dates::find_date(&value, true)
                        .and_then(|d| d.value.resolve(None, reference_year));
                }
                fill_times(&mut minutes, &value, false);
            }
            LabelKind::Time => fill_times(&mut minutes, &value, true),
            LabelKind::Place if minutes.place.is_none() => {
                minutes.place = Some(clean(&value)).filter(|p| !p.is_empty());
            }
            LabelKind::PlaceAndTime => {
                let split = dates::split_place_and_time(&value);
                if minutes.date.is_none() {
                    minutes.date = split.date.and_then(|d| d.resolve(None, reference_year));
                }
                if minutes.start_time.is_none() {
                    minutes.start_time = split.times.map(|t| t.start);
                    minutes.end_time = split.times.and_then(|t| t.end);
                }
                if minutes.place.is_none() {
                    minutes.place = split.place;
                }
            }
            LabelKind::Title if minutes.title.is_none() => {
                minutes.title = Some(clean(&value)).filter(|t| !t.is_empty());
            }
            _ => {}
        }
    }
    // No date label: a date in the title or elsewhere in the header.
    if minutes.date.is_none() {
        minutes.date = raw
            .header_lines()
            .find_map(|line| dates::find_date(line, false))
            .and_then(|d| d.value.resolve(None, reference_year));
    }

    for label in &raw.labels {
        match label.kind {
            LabelKind::People(kind) => minutes
                .participants
                .extend(people::participants(&label.lines, kind)),
            LabelKind::NoteTaker if minutes.note_taker.is_none() => {
                minutes.note_taker = people::note_taker(&label.lines)
            }
            LabelKind::Adjusters => minutes
                .adjusters
                .extend(people::names(&label.lines.join(" "))),
            LabelKind::Secretary if minutes.secretary.is_none() => {
                minutes.secretary = people::single_name(&label.lines)
            }
            LabelKind::Chair if minutes.chair.is_none() => {
                minutes.chair = people::single_name(&label.lines)
            }
            _ => {}
        }
    }
    if let Some(chair) = &minutes.chair
        && let Some(p) = minutes
            .participants
            .iter_mut()
            .find(|p| &p.name == chair && p.role.is_none())
    {
        p.role = Some("ordförande".to_owned());
    }

    // Items, and the next meetings from the items and labels about them.
    let title = minutes.title.clone();
    for item in &raw.items {
        let next = structure::is_next_meeting_title(&item.title);
        let blocks = structure::blocks(&item.lines, next, title.as_deref());
        if next {
            minutes
                .next_meetings
                .extend(next_meetings(&blocks, minutes.date, reference_year));
        }
        minutes.items.push(ParsedItem {
            number: item.number,
            title: item.title.clone(),
            body: structure::render(&blocks),
        });
    }
    for label in raw
        .labels
        .iter()
        .filter(|l| l.kind == LabelKind::NextMeeting)
    {
        let blocks = structure::blocks(&label.lines, true, None);
        minutes
            .next_meetings
            .extend(next_meetings(&blocks, minutes.date, reference_year));
    }

    if minutes.date.is_none() {
        minutes.missing.push(MissingField::Date);
    }
    if minutes.place.is_none() {
        minutes.missing.push(MissingField::Place);
    }
    if minutes.participants.is_empty() {
        minutes.missing.push(MissingField::Participants);
    }
    if minutes.title.is_none() {
        minutes.missing.push(MissingField::Title);
    }
    minutes
}

fn fill_times(minutes: &mut ParsedMinutes, value: &str, bare: bool) {
    if minutes.start_time.is_some() {
        return;
    }
    if let Some(found) = dates::find_times(value, bare, 0) {
        minutes.start_time = Some(found.value.start);
        minutes.end_time = found.value.end;
    }
}

fn next_meetings(
    blocks: &[Block],
    after: Option<NaiveDate>,
    reference_year: Option<i32>,
) -> Vec<ParsedNextMeeting> {
    blocks
        .iter()
        .filter_map(|block| next_meeting::parse(block.text(), after, reference_year))
        .collect()
}

/// Collapses whitespace and trims.
pub(crate) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `line` without `prefix`, compared without case.
fn strip_prefix_ci<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = line.char_indices();
    for p in prefix.chars() {
        let (_, c) = chars.next()?;
        if !c.to_lowercase().eq(p.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(i, _)| &line[i..]))
}

/// Where the first `needle` in `haystack` at or after byte `from` starts
/// and ends, compared without case (so the match may differ in length).
fn find_ci(haystack: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let rest = haystack.get(from..)?;
    rest.char_indices().find_map(|(i, _)| {
        let after = strip_prefix_ci(&rest[i..], needle)?;
        Some((from + i, haystack.len() - after.len()))
    })
}

/// Whether two titles are the same but for case, spacing and punctuation.
fn same_title(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}
