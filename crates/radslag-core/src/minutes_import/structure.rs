//! The shape of a minutes text: header lines, labelled fields, numbered items
//! with their lines, and what comes after them.

use super::dates::{find_date, tokens};
use super::people::is_rule;
use super::{ParticipantKind, clean, same_title, strip_prefix_ci};

/// What a labelled field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LabelKind {
    Title,
    Date,
    Time,
    Place,
    PlaceAndTime,
    People(ParticipantKind),
    Chair,
    Secretary,
    NoteTaker,
    Adjusters,
    NextMeeting,
    /// Signature blocks: end the items, hold nothing to read.
    Signatures,
    /// `Dnr`, `Paragrafer`: not a title, nothing to read.
    Ignore,
}

use LabelKind::*;
use ParticipantKind::{Absent, DecisionMaker, Other, Participant};

/// Labels, lowercase; the longest that starts a line wins.
pub(super) const LABELS: &[(&str, LabelKind)] = &[
    ("plats och tid", PlaceAndTime),
    ("tid och plats", PlaceAndTime),
    ("datum och tid", PlaceAndTime),
    ("tid och datum", PlaceAndTime),
    ("datum och plats", PlaceAndTime),
    ("datum, tid och plats", PlaceAndTime),
    ("plats, datum och tid", PlaceAndTime),
    ("sammanträdesdatum", Date),
    ("mötesdatum", Date),
    ("datum", Date),
    ("tidpunkt", Time),
    ("klockslag", Time),
    ("tid", Time),
    ("mötesplats", Place),
    ("plats", Place),
    ("lokal", Place),
    ("närvarande ledamöter", People(DecisionMaker)),
    ("tjänstgörande ersättare", People(DecisionMaker)),
    ("beslutande", People(DecisionMaker)),
    ("ledamöter", People(DecisionMaker)),
    ("ej tjänstgörande ersättare", People(Other)),
    ("icke tjänstgörande ersättare", People(Other)),
    ("övriga deltagande", People(Other)),
    ("övriga närvarande", People(Other)),
    ("övriga deltagare", People(Other)),
    ("närvarande tjänstemän", People(Other)),
    ("ersättare", People(Other)),
    ("tjänstemän", People(Other)),
    ("tjänstepersoner", People(Other)),
    ("adjungerade", People(Other)),
    ("inbjudna", People(Other)),
    ("gäster", People(Other)),
    ("frånvarande", People(Absent)),
    ("anmält förhinder", People(Absent)),
    ("förhinder", People(Absent)),
    ("ej närvarande", People(Absent)),
    ("deltagare", People(Participant)),
    ("närvarande", People(Participant)),
    ("mötesordförande", Chair),
    ("ordförande", Chair),
    ("mötessekreterare", Secretary),
    ("sekreterare", Secretary),
    ("protokollförare", Secretary),
    ("vid protokollet", Secretary),
    ("vid pennan", NoteTaker),
    ("antecknat av", NoteTaker),
    ("antecknare", NoteTaker),
    ("minnesanteckningar förda av", NoteTaker),
    ("anteckningar förda av", NoteTaker),
    ("protokollsjusterare", Adjusters),
    ("justerare", Adjusters),
    ("justerande", Adjusters),
    ("justeras av", Adjusters),
    ("nästa möte", NextMeeting),
    ("nästa sammanträde", NextMeeting),
    ("nästa träff", NextMeeting),
    ("kommande möten", NextMeeting),
    ("mötesrubrik", Title),
    ("rubrik", Title),
    ("ämne", Title),
    ("underskrifter", Signatures),
    ("justerandes signatur", Signatures),
    ("justeringens plats och tid", Signatures),
    ("utdragsbestyrkande", Signatures),
    ("diarienummer", Ignore),
    ("dnr", Ignore),
    ("paragrafer", Ignore),
];

/// Words that name the kind of document; alone on a line they are no title.
const DOCUMENT_TYPES: &[&str] = &[
    "minnesanteckningar",
    "minnesanteckning",
    "mötesanteckningar",
    "anteckningar",
    "protokoll",
    "sammanträdesprotokoll",
    "mötesprotokoll",
    "protokollsutdrag",
    "justerat",
    "dagordning",
    "föredragningslista",
];

/// Item titles that only minutes have.
const MEETING_WORDS: &[&str] = &[
    "öppnande",
    "övriga frågor",
    "övrigt",
    "nästa möte",
    "nästa sammanträde",
    "justerare",
    "justering",
    "dagordning",
    "avslutning",
    "avslutande",
    "föregående",
    "protokoll",
    "mötet",
    "mötets",
    "anteckningar",
    "beslut",
    "uppföljning",
    "rapporter",
    "information",
];

/// Item titles under which the next meetings stand.
const NEXT_MEETING_TITLES: &[&str] = &[
    "nästa möte",
    "nästa sammanträde",
    "nästa träff",
    "kommande möte",
    "kommande sammanträde",
    "kommande träff",
    "mötestider",
];

fn single_line(kind: LabelKind) -> bool {
    matches!(kind, Title | Date | Time | Chair | Secretary | Ignore)
}

/// A label at the start of a line, and the value after it. After the first
/// item only the closing labels count (`Vid pennan`, `Justerare`…), and
/// `Ordförande` or `Nästa möte` only alone or with a colon, as a sentence may
/// start with them.
fn label_at(line: &str, after_items: bool) -> Option<(LabelKind, String)> {
    let (kind, rest) = LABELS
        .iter()
        .filter_map(|&(name, kind)| Some((name.len(), kind, strip_prefix_ci(line, name)?)))
        .filter(|(_, _, rest)| {
            rest.chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ':')
        })
        .max_by_key(|(len, _, _)| *len)
        .map(|(_, kind, rest)| (kind, rest))?;
    let rest = rest.trim_start();
    let colon = rest.starts_with(':');
    let value = clean(rest.trim_start_matches(':'));
    if after_items {
        let alone = value.is_empty() || colon;
        let ok = match kind {
            NoteTaker | Adjusters | Secretary | Signatures => {
                alone || value.chars().next().is_some_and(char::is_uppercase)
            }
            Chair | NextMeeting => alone,
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    Some((kind, value))
}

/// A numbered item's heading: `3. Titel`, `3) Titel`, `§ 12 Titel`, `§12`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    number: u32,
    title: String,
    paragraph_sign: bool,
}

fn heading(line: &str) -> Option<Heading> {
    let (rest, paragraph_sign) = match line.strip_prefix('§') {
        Some(rest) => (rest.trim_start(), true),
        None => (line, false),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > if paragraph_sign { 5 } else { 3 } {
        return None;
    }
    let number: u32 = rest[..digits].parse().ok()?;
    let after = &rest[digits..];
    let title = if paragraph_sign {
        let after = after.strip_prefix(['.', ':']).unwrap_or(after);
        if !after.is_empty() && !after.starts_with(char::is_whitespace) {
            return None;
        }
        clean(after.trim_start().trim_start_matches(['-', '–']))
    } else {
        let after = after.strip_prefix(['.', ')'])?;
        let title = clean(after);
        // An empty title stands on the next line.
        let starts_ok = title.is_empty()
            || title
                .chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || matches!(c, '"' | '”' | '«'));
        if !starts_ok || title.chars().count() > 150 {
            return None;
        }
        title
    };
    Some(Heading {
        number,
        title,
        paragraph_sign,
    })
}

/// Page furniture: `Sida`, `Sida 2 (3)`, `1 (3)`, `2 av 3`, a lone page number.
fn is_page_marker(line: &str) -> bool {
    let toks = tokens(line);
    let words: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "sida" || *w == "sid")
        .collect();
    let numeric = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    if toks
        .first()
        .is_some_and(|t| t.text.eq_ignore_ascii_case("sida"))
        && words.is_empty()
    {
        return true;
    }
    match words.as_slice() {
        [n] => numeric(n),
        [n, "(", m, ")"] | [n, "av", m] | [n, "/", m] => numeric(n) && numeric(m),
        _ => false,
    }
}

/// A line that only says what kind of document this is.
fn is_document_type(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(|w| w.to_lowercase()).collect();
    words.len() <= 2
        && words
            .first()
            .is_some_and(|w| DOCUMENT_TYPES.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// A page header's `Datum 230207` repeated within an item.
fn is_repeated_date_line(line: &str) -> bool {
    matches!(label_at(line, false), Some((Date, value)) if find_date(&value, true).is_some_and(|d| d.start == 0 && d.end == value.len()))
}

#[derive(Debug, Clone)]
pub(super) struct RawLabel {
    pub kind: LabelKind,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone)]
pub(super) struct RawItem {
    pub number: u32,
    pub title: String,
    paragraph_sign: bool,
    pub lines: Vec<String>,
}

/// The text cut up, before any field is read.
#[derive(Debug, Default)]
pub(super) struct RawDoc {
    /// Free-standing lines before the first item, in blocks between blank
    /// lines, labels and page furniture.
    header: Vec<Vec<String>>,
    pub labels: Vec<RawLabel>,
    pub items: Vec<RawItem>,
    /// Document-type words and page furniture seen.
    markers: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Item,
    /// An item whose heading had no title: the next line is its title.
    PendingTitle,
    Label,
    /// After a closing label's value: ignored.
    Trailer,
}

enum Accept {
    New,
    /// The items so far were a bare agenda list: start again.
    Restart,
    /// A repeated table of contents: drop the line.
    Contents,
    Reject,
}

fn accept(items: &[RawItem], h: &Heading) -> Accept {
    let Some(last) = items.last() else {
        return if h.paragraph_sign || h.number <= 99 {
            Accept::New
        } else {
            Accept::Reject
        };
    };
    let same_style = last.paragraph_sign == h.paragraph_sign;
    let max_step = if h.paragraph_sign { 5 } else { 2 };
    if same_style && h.number > last.number && h.number <= last.number + max_step {
        return Accept::New;
    }
    let bare_list = items
        .iter()
        .all(|i| i.lines.iter().all(|l| l.trim().is_empty()));
    if bare_list && (h.number <= last.number || !same_style) {
        return Accept::Restart;
    }
    if h.number <= last.number && items.iter().any(|i| same_title(&i.title, &h.title)) {
        return Accept::Contents;
    }
    Accept::Reject
}

/// Cuts a (normalized, repaired) text into header blocks, labels and items.
pub(super) fn read(text: &str) -> RawDoc {
    let mut doc = RawDoc::default();
    let mut block: Vec<String> = Vec::new();
    let mut section = Section::Header;

    let mut pending: std::collections::VecDeque<String> = text.lines().map(str::to_owned).collect();
    while let Some(line) = pending.pop_front() {
        // A heading or bullet that OCR (or a PDF's text) joined onto the
        // line before: the rest goes on a line of its own.
        if let Some(at) =
            joined_at(&line, &doc.items, section).or_else(|| long_heading(&line, &doc.items))
        {
            pending.push_front(line[at..].trim_start().to_owned());
            pending.push_front(line[..at].trim_end().to_owned());
            continue;
        }
        let t = line.trim();
        // A paragraph sign alone on its line, its number on the next.
        if matches!(t, "§" | "$")
            && let Some(next) = pending.front()
            && next.trim_start().starts_with(|c: char| c.is_ascii_digit())
        {
            let joined = format!("§ {}", next.trim_start());
            pending.pop_front();
            pending.push_front(joined);
            continue;
        }
        let after_label = if doc.items.is_empty() {
            Section::Header
        } else {
            Section::Trailer
        };
        if t.is_empty() {
            match section {
                Section::Label if doc.labels.last().is_some_and(|l| !l.lines.is_empty()) => {
                    section = after_label
                }
                Section::Header => flush(&mut doc.header, &mut block),
                Section::Item => push_item_line(&mut doc, ""),
                _ => {}
            }
            continue;
        }
        if section == Section::PendingTitle && heading(t).is_none() {
            if let Some(item) = doc.items.last_mut() {
                item.title = clean(t);
            }
            section = Section::Item;
            continue;
        }
        if let Some(h) = heading(t) {
            match accept(&doc.items, &h) {
                Accept::New | Accept::Restart => {
                    if matches!(accept(&doc.items, &h), Accept::Restart) {
                        doc.items.clear();
                    }
                    flush(&mut doc.header, &mut block);
                    let mut h = h;
                    if let Some(rest) = pending.front().and_then(|n| title_continues(&h.title, n)) {
                        h.title = format!("{} {rest}", h.title);
                        pending.pop_front();
                    }
                    if let Some((title, body)) = next_meeting_joined(&h.title) {
                        pending.push_front(body);
                        h.title = title;
                    }
                    section = if h.title.is_empty() {
                        Section::PendingTitle
                    } else {
                        Section::Item
                    };
                    doc.items.push(RawItem {
                        number: h.number,
                        title: h.title,
                        paragraph_sign: h.paragraph_sign,
                        lines: Vec::new(),
                    });
                    continue;
                }
                Accept::Contents => continue,
                Accept::Reject => {}
            }
        }
        if let Some((kind, value)) = label_at(t, !doc.items.is_empty()) {
            flush(&mut doc.header, &mut block);
            let has_value = !value.is_empty();
            doc.labels.push(RawLabel {
                kind,
                lines: if has_value { vec![value] } else { Vec::new() },
            });
            section = if single_line(kind) && has_value {
                after_label
            } else {
                Section::Label
            };
            continue;
        }
        if is_page_marker(t)
            || is_document_type(t)
            || (section == Section::Item && is_repeated_date_line(t))
        {
            doc.markers += 1;
            if section == Section::Header {
                flush(&mut doc.header, &mut block);
            }
            continue;
        }
        if DOCUMENT_TYPES
            .iter()
            .any(|w| t.to_lowercase().starts_with(w))
        {
            doc.markers += 1;
        }
        match section {
            Section::Header => block.push(t.to_owned()),
            Section::Item | Section::PendingTitle => push_item_line(&mut doc, t),
            Section::Label => {
                let label = doc.labels.last_mut().expect("a label section has a label");
                if single_line(label.kind) && is_rule(t) {
                    continue;
                }
                label.lines.push(t.to_owned());
                if single_line(label.kind) {
                    section = after_label;
                }
            }
            Section::Trailer => {}
        }
    }
    flush(&mut doc.header, &mut block);
    // `§ 12` with neither a title nor a body is no item; with a body it is
    // called by its number.
    doc.items
        .retain(|i| !i.title.is_empty() || i.lines.iter().any(|l| !l.trim().is_empty()));
    for item in doc.items.iter_mut().filter(|i| i.title.is_empty()) {
        item.title = format!("§ {}", item.number);
    }
    doc
}

/// The rest of a heading's title that OCR or a PDF's text put on the next
/// line (`§ 5. Nästa` / `sammanträde`): a short line that starts in
/// lowercase, after a title that ends without a stop. A body starts with a
/// capital, a bullet or a number.
fn title_continues(title: &str, next: &str) -> Option<String> {
    let next = next.trim();
    let lowercase = next.chars().next().is_some_and(char::is_lowercase);
    let open = !title.is_empty() && !title.ends_with(['.', ':', '!', '?', ')']);
    let short = next.split_whitespace().count() <= 3 && next.chars().count() <= 40;
    let no_stop_inside = !next.trim_end_matches(['.', ':']).contains(['.', ':', ';']);
    (lowercase && open && short && no_stop_inside).then(|| next.to_owned())
}

/// A next meeting's heading with the announcement joined onto it
/// (`Nästa sammanträde Nästa sammanträde hålls den 20 september`): the
/// title, and the rest for the body.
fn next_meeting_joined(title: &str) -> Option<(String, String)> {
    let lower = title.to_lowercase();
    let phrase = NEXT_MEETING_TITLES.iter().find(|t| lower.starts_with(*t))?;
    let rest = title.get(phrase.len()..)?;
    let body = rest.strip_prefix(' ')?.trim();
    body.starts_with(char::is_uppercase)
        .then(|| (title[..phrase.len()].to_owned(), body.to_owned()))
}

/// A heading whose first body line was joined onto it (too long to be a
/// title): where its title ends — at a double space, the first full stop,
/// or after ten words — when its number is the next item's.
fn long_heading(line: &str, items: &[RawItem]) -> Option<usize> {
    let t = line.trim_end();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || t.chars().count() <= 150 {
        return None;
    }
    let number: u32 = t[..digits].parse().ok()?;
    let expected = items.last().map_or(1, |last| last.number + 1);
    let after = t[digits..].strip_prefix(['.', ')'])?;
    if number != expected
        || items.last().is_some_and(|l| l.paragraph_sign)
        || !after.starts_with(' ')
        || !after.trim_start().starts_with(char::is_uppercase)
    {
        return None;
    }
    let start = t.len() - after.len();
    let title_end = after
        .trim_start()
        .find("  ")
        .or_else(|| after.trim_start().find(". ").map(|i| i + 1))
        .or_else(|| after.trim_start().match_indices(' ').nth(9).map(|(i, _)| i))?;
    let at = start + (after.len() - after.trim_start().len()) + title_end;
    (at < t.len()).then_some(at)
}

/// Words after which a number is no heading: `punkt 3.`, `kl. 9.`.
const NUMBER_WORDS: &[&str] = &[
    "punkt", "paragraf", "bilaga", "sida", "kl", "klockan", "nr", "vecka", "steg", "§",
];

/// Where a heading (the next item's number) or a bullet starts inside a
/// line, after some text.
fn joined_at(line: &str, items: &[RawItem], section: Section) -> Option<usize> {
    let t = line.trim_end();
    let in_item = section == Section::Item && !items.is_empty();
    let first_heading = section == Section::Header && items.is_empty();
    if !(in_item || first_heading) {
        return None;
    }
    let last = items.last();
    for (at, _) in t.match_indices(' ').skip(1) {
        let before = t[..at].trim_end();
        let after = &t[at + 1..];
        let Some(word_before) = before.split_whitespace().last() else {
            continue;
        };
        let word_before = word_before.trim_end_matches(['.', ':']).to_lowercase();
        if NUMBER_WORDS.contains(&word_before.as_str()) {
            continue;
        }
        if let Some(h) = heading(after)
            && !h.title.is_empty()
            && h.title.starts_with(char::is_uppercase)
        {
            let expected = match last {
                None => h.paragraph_sign || h.number == 1,
                Some(last) if last.paragraph_sign == h.paragraph_sign => {
                    h.number > last.number && h.number <= last.number + 1
                }
                Some(_) => false,
            };
            if expected {
                return Some(at + 1);
            }
        }
        let sentence_end = before.ends_with(['.', '!', '?', ':', ';']);
        if in_item
            && sentence_end
            && let Some(rest) = bullet_text(after)
            && rest.starts_with(char::is_uppercase)
            && matches!(after.chars().next(), Some('-' | '–' | '•'))
        {
            return Some(at + 1);
        }
    }
    None
}

fn flush(header: &mut Vec<Vec<String>>, block: &mut Vec<String>) {
    if !block.is_empty() {
        header.push(std::mem::take(block));
    }
}

fn push_item_line(doc: &mut RawDoc, line: &str) {
    if let Some(item) = doc.items.last_mut() {
        item.lines.push(line.to_owned());
    }
}

impl RawDoc {
    /// The first short block of free-standing header lines.
    pub fn title(&self) -> Option<String> {
        self.header
            .iter()
            .filter(|block| block.len() <= 3)
            .map(|block| join_lines(block))
            .find(|title| title.chars().any(char::is_alphabetic))
            .filter(|title| title.chars().count() <= 200)
    }

    pub fn header_lines(&self) -> impl Iterator<Item = &str> {
        self.header.iter().flatten().map(String::as_str)
    }

    /// Whether anything besides numbered lines says this is a meeting's text.
    pub fn looks_like_minutes(&self) -> bool {
        self.markers > 0
            || !self.labels.is_empty()
            || self.items.iter().any(|i| {
                let title = i.title.to_lowercase();
                i.paragraph_sign || MEETING_WORDS.iter().any(|w| title.contains(w))
            })
    }
}

pub(super) fn is_next_meeting_title(title: &str) -> bool {
    let title = title.to_lowercase();
    NEXT_MEETING_TITLES.iter().any(|t| title.contains(t))
}

/// A paragraph or a bullet of an item's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    Paragraph(String),
    Bullet(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph(t) | Block::Bullet(t) => t,
        }
    }
}

const BULLETS: &[char] = &[
    '-', '–', '—', '•', '*', '·', '▪', '○', '◦', '►', '➢', '\u{f0b7}', '\u{2043}',
];

fn bullet_text(line: &str) -> Option<&str> {
    let c = line.chars().next().filter(|c| BULLETS.contains(c))?;
    let rest = &line[c.len_utf8()..];
    let spaced = rest.starts_with(char::is_whitespace);
    // A dash or star needs a space after it: `-5 grader` is no bullet.
    if !spaced && matches!(c, '-' | '–' | '—' | '*') {
        return None;
    }
    Some(rest.trim()).filter(|r| !r.is_empty())
}

/// Joins a wrapped line onto the text before it: `Klara-` + `gruppen` makes
/// `Klara-gruppen`, anything else gets a space.
fn join(text: &mut String, line: &str) {
    let mut tail = text.chars().rev();
    let hyphenated = tail.next() == Some('-')
        && tail.next().is_some_and(char::is_alphabetic)
        && line.starts_with(char::is_alphabetic);
    if !hyphenated && !text.is_empty() {
        text.push(' ');
    }
    text.push_str(line);
}

fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        join(&mut out, &clean(line));
    }
    out
}

/// An item's lines as paragraphs and bullets. A blank line ends a paragraph
/// or bullet; `dated`, a line starting with a date starts a new one too (the
/// lines of a `Nästa möte` item). Lines repeating the document's title (a
/// page header, a table of contents) are dropped.
pub(super) fn blocks(lines: &[String], dated: bool, title: Option<&str>) -> Vec<Block> {
    let title = title.filter(|t| t.split_whitespace().count() >= 3);
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    for line in lines {
        let t = clean(line);
        if t.is_empty() {
            open = false;
            continue;
        }
        if title.is_some_and(|title| same_title(title, &t)) {
            continue;
        }
        if let Some(text) = bullet_text(&t) {
            out.push(Block::Bullet(text.to_owned()));
            open = true;
            continue;
        }
        let starts_dated = dated && find_date(&t, false).is_some_and(|d| d.start == 0);
        match out.last_mut() {
            Some(Block::Paragraph(text) | Block::Bullet(text)) if open && !starts_dated => {
                join(text, &t)
            }
            _ => {
                out.push(Block::Paragraph(t));
                open = true;
            }
        }
    }
    out
}

/// Blocks as text: bullets as `- ` lines, one after the other; paragraphs
/// apart by a blank line.
pub(super) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let both_bullets = matches!(
                (&blocks[i - 1], block),
                (Block::Bullet(_), Block::Bullet(_))
            );
            out.push_str(if both_bullets { "\n" } else { "\n\n" });
        }
        if let Block::Bullet(_) = block {
            out.push_str("- ");
        }
        out.push_str(block.text());
    }
    out
}

#[cfg(test)]
mod ocr_tests {
    use super::{next_meeting_joined, read, title_continues};

    #[test]
    fn a_title_split_over_two_lines_is_joined() {
        assert_eq!(
            title_continues("Nästa", "sammanträde").as_deref(),
            Some("sammanträde")
        );
        // A body starts with a capital, a bullet or a number; a title that
        // ends with a stop is whole; a long line is a body.
        assert_eq!(title_continues("Nästa möte", "Mötet hålls 4 maj"), None);
        assert_eq!(title_continues("Rapport.", "kort"), None);
        assert_eq!(title_continues("Lägesbild", "- polisen berättar"), None);
        assert_eq!(
            title_continues("Lägesbild", "polisen berättar om läget i centrum"),
            None
        );
        let doc = read("1. Mötets\nöppnande\nOrdföranden öppnar mötet.\n2. Övriga frågor\nInga.\n");
        let titles: Vec<&str> = doc.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["Mötets öppnande", "Övriga frågor"]);
    }

    #[test]
    fn an_announcement_joined_onto_its_heading_is_its_body() {
        assert_eq!(
            next_meeting_joined("Nästa sammanträde Nästa sammanträde hålls 4 maj"),
            Some((
                "Nästa sammanträde".to_owned(),
                "Nästa sammanträde hålls 4 maj".to_owned()
            ))
        );
        assert_eq!(next_meeting_joined("Nästa möte"), None);
        assert_eq!(next_meeting_joined("Nästa möte i maj"), None);
        assert_eq!(next_meeting_joined("Lägesbild Polisen"), None);
    }

    #[test]
    fn a_paragraph_sign_alone_on_its_line() {
        let doc = read("§\n21 Mötets öppnande\nOrdföranden öppnar mötet.\n§ 22 Val av justerare\n");
        let items: Vec<(u32, &str)> = doc
            .items
            .iter()
            .map(|i| (i.number, i.title.as_str()))
            .collect();
        assert_eq!(items, [(21, "Mötets öppnande"), (22, "Val av justerare")]);
    }
}
