//! Repairing å, ä and ö in OCR text.
//!
//! OCR of Swedish print often loses the rings and dots (`Trygghetsradet`,
//! `for`) or reads the letters as something else: `é` (`ér` for `år`), `4`
//! (`4n`), `#` (`#r`), `6` (`f6r`), `3` (`f3`), `d` (`frdn`), `i` (`nir`),
//! `g` (`mgjlig`), or two characters (`é&r`, `viirde`, `diar`). And it reads a
//! lone `i` as `1`.
//!
//! Each word is compared with [`LEXICON`]: a word that matches an entry
//! everywhere except where the entry has å, ä or ö, and has there one or two
//! characters OCR confuses with that letter, becomes the entry, keeping the
//! word's case. Words in [`KEEP`] stay as they are. The repair is applied only
//! to text that looks like OCR: where it would change several words and more
//! than twice as many as already have å, ä or ö.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lexicon::{KEEP, LEXICON};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Whole,
    Prefix,
    Part,
    Suffix,
}

#[derive(Debug)]
struct Entry {
    chars: Vec<char>,
    kind: Kind,
    proper: bool,
}

#[derive(Debug)]
struct Lexicon {
    whole: Vec<Entry>,
    compound: Vec<Entry>,
    /// Whole-word entries by their first letter, in the lexicon's order.
    whole_by_first: Index,
    /// Compound entries by their first letter.
    by_first: Index,
}

/// Characters OCR puts where an å, ä or ö was.
const STAND_INS: &str = "aáàâãäåéèêëiíìoóòôõø06gd34#&";

impl Lexicon {
    /// The entries of `index` that may start with `c`: those starting with
    /// it, and those starting with an å, ä or ö that `c` may stand for.
    fn starting_with<'a>(&'a self, index: &'a Index, c: char, long: bool) -> &'a [usize] {
        let c = lower(c);
        index
            .get(&(c, long))
            .or_else(|| index.get(&(c, !long)))
            .map_or(&[], Vec::as_slice)
    }
}

/// Entries by a word's first character (and whether the word is long).
type Index = HashMap<(char, bool), Vec<usize>>;

/// Entries by their first character, with each stand-in for å, ä, ö also
/// listing the entries that start with the letters it may stand for.
fn index(entries: &[Entry]) -> Index {
    let mut index = Index::new();
    for (i, entry) in entries.iter().enumerate() {
        for long in [false, true] {
            index.entry((entry.chars[0], long)).or_default().push(i);
        }
    }
    for c in STAND_INS.chars() {
        for long in [false, true] {
            let mut list: Vec<usize> = index.get(&(c, long)).cloned().unwrap_or_default();
            for v in ['å', 'ä', 'ö'] {
                if v != c && confusable(v, c, long) {
                    list.extend(index.get(&(v, long)).into_iter().flatten());
                }
            }
            crate::order::sort(&mut list);
            list.dedup();
            index.insert((c, long), list);
        }
    }
    index
}

fn lexicon() -> &'static Lexicon {
    static LEXICON_CELL: OnceLock<Lexicon> = OnceLock::new();
    LEXICON_CELL.get_or_init(|| {
        let mut whole = Vec::new();
        let mut compound = Vec::new();
        for pattern in LEXICON {
            let kind = match (pattern.starts_with('*'), pattern.ends_with('*')) {
                (false, false) => Kind::Whole,
                (false, true) => Kind::Prefix,
                (true, true) => Kind::Part,
                (true, false) => Kind::Suffix,
            };
            let word = pattern.trim_matches('*');
            let proper = word.chars().next().is_some_and(char::is_uppercase);
            let chars: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
            if chars.is_empty() {
                continue;
            }
            let entry = Entry {
                chars,
                kind,
                proper,
            };
            if kind == Kind::Whole {
                whole.push(entry)
            } else {
                compound.push(entry)
            }
        }
        Lexicon {
            whole_by_first: index(&whole),
            by_first: index(&compound),
            whole,
            compound,
        }
    })
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// Whether OCR may have read `v` (å, ä, ö) as `c`. An `é` for `ö` only in
/// longer words, where `fér` (`får`) cannot be meant.
fn confusable(v: char, c: char, long_word: bool) -> bool {
    let c = lower(c);
    match v {
        'å' => matches!(
            c,
            'a' | 'á' | 'à' | 'â' | 'ã' | 'ä' | 'é' | 'è' | 'ê' | 'd' | '3' | '4' | '&'
        ),
        'ä' => matches!(
            c,
            'a' | 'á'
                | 'à'
                | 'â'
                | 'ã'
                | 'å'
                | 'é'
                | 'è'
                | 'ê'
                | 'ë'
                | 'i'
                | 'í'
                | 'ì'
                | 'd'
                | '4'
                | '#'
                | '3'
        ),
        'ö' => {
            matches!(c, 'o' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' | '0' | '6' | 'g' | 'd')
                || (long_word && matches!(c, 'é' | 'è'))
        }
        _ => false,
    }
}

/// Whether OCR may have made two characters of `v` (å, ä), `first` and
/// `second`: `é&r`, `éar`, `viirde`, `véirde`, `diar`. A plain pair only
/// inside a word: `ian` is no `än`.
fn confusable_pair(v: char, first: char, second: char, word_start: bool) -> bool {
    let (first, second) = (lower(first), lower(second));
    let accented = matches!(first, 'é' | 'è' | 'ê');
    matches!(v, 'å' | 'ä')
        && (accented || (!word_start && matches!(first, 'a' | 'i')))
        && matches!(second, 'a' | 'i' | '&' | '\'')
}

/// The word being repaired.
struct Word<'a> {
    chars: &'a [char],
    all_upper: bool,
    long: bool,
}

/// A match of an entry: where it ends in the word, what it becomes, and how
/// many letters it changed.
struct Match {
    end: usize,
    text: Vec<char>,
    changes: usize,
}

fn align(entry: &Entry, word: &Word, start: usize, must_end: Option<usize>) -> Option<Match> {
    let mut text = Vec::with_capacity(entry.chars.len());
    let (end, changes) = align_from(entry, word, 0, start, must_end, &mut text, 0)?;
    Some(Match { end, text, changes })
}

fn align_from(
    entry: &Entry,
    word: &Word,
    ei: usize,
    wi: usize,
    must_end: Option<usize>,
    out: &mut Vec<char>,
    changes: usize,
) -> Option<(usize, usize)> {
    let Some(&e) = entry.chars.get(ei) else {
        return match must_end {
            Some(end) if end != wi => None,
            _ => Some((wi, changes)),
        };
    };
    let w = word.chars;
    let here = w.get(wi).copied();
    let attempt = |out: &mut Vec<char>, c: char, width: usize, changed: bool| {
        out.push(c);
        let found = align_from(
            entry,
            word,
            ei + 1,
            wi + width,
            must_end,
            out,
            changes + usize::from(changed),
        );
        if found.is_none() {
            out.pop();
        }
        found
    };
    let c = here?;
    if !matches!(e, 'å' | 'ä' | 'ö') {
        return if lower(c) == e {
            attempt(out, c, 1, false)
        } else {
            None
        };
    }
    if lower(c) == e
        && let Some(found) = attempt(out, c, 1, false)
    {
        return Some(found);
    }
    if !confusable(e, c, word.long) {
        return None;
    }
    let is_upper = if c.is_alphabetic() {
        c.is_uppercase()
    } else {
        word.all_upper || (wi == 0 && entry.proper)
    };
    let v = if is_upper { upper(e) } else { e };
    if let Some(found) = attempt(out, v, 1, true) {
        return Some(found);
    }
    match w.get(wi + 1) {
        Some(&next) if confusable_pair(e, c, next, wi == 0) => attempt(out, v, 2, true),
        _ => None,
    }
}

/// Words after which `ar` is `år`, not `är`.
const YEAR_WORDS: &[&str] = &[
    "kommande",
    "under",
    "per",
    "nästa",
    "förra",
    "detta",
    "varje",
    "i",
    "ett",
    "hela",
    "samma",
    "vart",
    "två",
    "tre",
    "fyra",
    "fem",
    "flera",
    "några",
    "många",
    "senaste",
    "innevarande",
    "följande",
    "nytt",
    "gott",
    "om",
    "första",
    "andra",
    "tredje",
    "föregående",
    "sista",
    "halvt",
];

/// Whether the words around an `ar` make it `år`: `kommande ar`,
/// `18 ar`, `ar 2022`.
fn year_context(previous: Option<&str>, next: Option<&str>) -> bool {
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let after_year_word = previous.is_some_and(|p| {
        let p = p.to_lowercase();
        YEAR_WORDS.contains(&p.as_str()) || number(&p)
    });
    let before_year = next
        .is_some_and(|n| number(n) && n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    after_year_word || before_year
}

/// Pronouns that stand as a subject, before a verb or right after it
/// (`vi får`, `får vi`).
const SUBJECTS: &[&str] = &["jag", "du", "han", "hon", "vi", "ni", "de", "man"];

/// Words after which `en`, `ett` or `inte` says nothing of a verb before them.
const NOT_SUBJECTS: &[&str] = &[
    "och", "eller", "men", "att", "som", "det", "den", "detta", "denna", "för", "med", "av",
    "till", "i", "på", "om", "vid", "från", "under", "efter", "mot", "hos", "än", "också", "även",
];

/// `för` (a preposition) or `får` (a verb) for a word whose vowel is a
/// stand-in for either (`fér`, `fdr`): the verb after or before a subject
/// (`vi fér`, `fér vi`, `gruppen fér en`), the far commoner preposition
/// otherwise. A word whose stand-in fits one vowel only keeps it.
fn preposition_or_verb(
    segment: &str,
    repaired: &str,
    previous: Option<&str>,
    next: Option<&str>,
) -> String {
    let vowel = segment.chars().nth(1).map(lower);
    if segment.chars().count() != 3 || !matches!(vowel, Some('é' | 'è' | 'ê' | 'd')) {
        return repaired.to_owned();
    }
    let previous = previous.map(str::to_lowercase);
    let next = next.map(str::to_lowercase);
    let subject_before = previous.as_deref().is_some_and(|p| SUBJECTS.contains(&p));
    let subject_after = next.as_deref().is_some_and(|n| SUBJECTS.contains(&n));
    // `Klara-gruppen fér en`, `kommuner fér ett`: a noun, the verb, an object.
    let object_after = next
        .as_deref()
        .is_some_and(|n| matches!(n, "en" | "ett" | "inte"))
        && previous.as_deref().is_some_and(|p| {
            p.chars().count() >= 4
                && p.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_SUBJECTS.contains(&p)
        });
    let verb = subject_before || subject_after || object_after;
    let first = segment.chars().next().unwrap_or('f');
    let word = if verb { "får" } else { "för" };
    if segment
        .chars()
        .all(|c| !c.is_alphabetic() || c.is_uppercase())
    {
        word.to_uppercase()
    } else if first.is_uppercase() {
        let mut chars = word.chars();
        chars.next().map(upper).into_iter().chain(chars).collect()
    } else {
        word.to_owned()
    }
}

/// Whether a word after `before` starts a sentence or a line of its own:
/// at the start, after `.`, `!`, `?` or `:`, or on a line after one that
/// ends a sentence (or after a blank line).
pub(super) fn sentence_start(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\t']);
    if t.trim_end().is_empty() {
        return true;
    }
    // After a heading's number: `§ 7 `, `7. `, `S 7 ` (a misread `§`).
    let line = t.rsplit('\n').next().unwrap_or(t);
    if !line.is_empty()
        && line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || " §S$.,:;)]}".contains(c))
    {
        return true;
    }
    if let Some(line_start) = t.strip_suffix('\n') {
        let previous_line = line_start.rsplit('\n').next().unwrap_or("").trim_end();
        return previous_line.is_empty() || previous_line.ends_with(['.', '!', '?', ':']);
    }
    t.ends_with(['.', '!', '?', ':'])
}

/// A word whose first character is a symbol or digit that OCR put for an
/// å, ä or ö (`&r`, `4lskade`, `0vriga`), repaired lowercase: capitalised,
/// for a word that starts a sentence.
pub(super) fn capital_for_symbol(original: &str, repaired: &str) -> String {
    let symbol_first = original
        .chars()
        .next()
        .is_some_and(|c| !c.is_alphabetic() && STAND_INS.contains(c));
    let mut chars = repaired.chars();
    match chars.next() {
        Some(c) if symbol_first && matches!(c, 'å' | 'ä' | 'ö') => {
            upper(c).to_string() + chars.as_str()
        }
        _ => repaired.to_owned(),
    }
}

/// `år` for an `ar` repaired to `är`, in the case of `repaired`.
fn as_year(repaired: &str) -> String {
    let mut chars = repaired.chars();
    let first = chars
        .next()
        .map_or('å', |c| if c.is_uppercase() { 'Å' } else { 'å' });
    let rest: String = chars.collect();
    format!("{first}{rest}")
}

/// The repaired word, or `None` to keep it (the same in every context:
/// `ar` becomes `är`, which [`repair`] turns to `år` after `kommande`).
fn repair_word(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    if chars.len() > 40 || letters == 0 {
        return None;
    }
    // Without a stand-in, nothing to repair.
    if !chars.iter().any(|&c| STAND_INS.contains(lower(c))) {
        return None;
    }
    if word.chars().all(|c| c.is_ascii_alphabetic()) && KEEP.contains(&word.to_lowercase().as_str())
    {
        return None;
    }
    let w = Word {
        chars: &chars,
        all_upper: letters >= 2
            && chars
                .iter()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase()),
        long: chars.len() >= 5,
    };
    let lex = lexicon();
    let capitalised = !chars[0].is_alphabetic() || chars[0].is_uppercase();

    for &i in lex.starting_with(&lex.whole_by_first, chars[0], w.long) {
        let entry = &lex.whole[i];
        let vowels = entry
            .chars
            .iter()
            .filter(|c| matches!(c, 'å' | 'ä' | 'ö'))
            .count();
        if (entry.proper && !capitalised)
            || chars.len() < entry.chars.len()
            || chars.len() > entry.chars.len() + vowels
        {
            continue;
        }
        let Some(m) = align(entry, &w, 0, Some(chars.len())) else {
            continue;
        };
        return (m.changes > 0).then(|| m.text.into_iter().collect());
    }

    // Compounds: the longest entry at each place, left to right.
    let mut out = Vec::with_capacity(chars.len());
    let mut changed = false;
    let mut at = 0;
    while at < chars.len() {
        let mut best: Option<Match> = None;
        for &i in lex.starting_with(&lex.by_first, chars[at], w.long) {
            let entry = &lex.compound[i];
            let must_end = match entry.kind {
                Kind::Prefix if at != 0 => continue,
                Kind::Suffix => Some(chars.len()),
                _ => None,
            };
            if entry.proper && (at != 0 || !capitalised) {
                continue;
            }
            if let Some(m) = align(entry, &w, at, must_end)
                && best.as_ref().is_none_or(|b| m.end > b.end)
            {
                best = Some(m);
            }
        }
        match best {
            Some(m) if m.end > at => {
                changed |= m.changes > 0;
                out.extend(m.text);
                at = m.end;
            }
            _ => {
                out.push(chars[at]);
                at += 1;
            }
        }
    }
    changed.then(|| out.into_iter().collect())
}

/// Words a lone `1` stands after as a number, not as a misread `i`.
const NUMBERED: &[&str] = &[
    "bilaga",
    "bilagor",
    "punkt",
    "paragraf",
    "sida",
    "nr",
    "nummer",
    "kapitel",
    "steg",
    "fas",
    "del",
    "version",
    "grupp",
    "rum",
    "sal",
    "etapp",
    "alternativ",
    "bild",
    "tabell",
    "figur",
    "kl",
    "klockan",
    "vecka",
    "mål",
    "prioritet",
    "nivå",
    "rad",
    "fråga",
    "ärende",
    "åtgärd",
    "plan",
];

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || c == '#' || c == '&'
}

/// A `1` between two words, before a proper noun or a definite noun
/// (`hanterats 1 Västernorrland`, `2022 1 kommunen`): an `i`.
fn lone_one_is_i(segments: &[(bool, &str)], k: usize) -> bool {
    let (Some(before), Some(gap_before), Some(gap_after), Some(after)) = (
        k.checked_sub(2).map(|i| segments[i]),
        k.checked_sub(1).map(|i| segments[i]),
        segments.get(k + 1),
        segments.get(k + 2),
    ) else {
        return false;
    };
    let spaces = |s: &str| s.chars().all(char::is_whitespace);
    if !before.0 || !after.0 || !spaces(gap_before.1) || !spaces(gap_after.1) {
        return false;
    }
    if NUMBERED.contains(&before.1.to_lowercase().as_str()) {
        return false;
    }
    let next = after.1;
    let definite = ["en", "et", "na", "ns"]
        .iter()
        .any(|end| next.ends_with(end));
    next.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || (c.is_lowercase() && definite))
        && next.chars().all(char::is_alphabetic)
}

/// The text with every word repaired, and how many words changed.
fn repair(text: &str) -> (String, usize) {
    let mut segments: Vec<(bool, &str)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word_char = is_token_char(c);
        if i > 0 && word_char != in_word {
            segments.push((in_word, &text[start..i]));
            start = i;
        }
        in_word = word_char;
    }
    if start < text.len() {
        segments.push((in_word, &text[start..]));
    }

    let mut out = String::with_capacity(text.len());
    let mut changed = 0;
    let mut previous: Option<String> = None;
    let mut cache: HashMap<&str, Option<String>> = HashMap::new();
    for (k, &(is_word, segment)) in segments.iter().enumerate() {
        if !is_word {
            out.push_str(segment);
            continue;
        }
        let repaired = if segment == "1" && lone_one_is_i(&segments, k) {
            Some("i".to_owned())
        } else {
            let known = cache
                .entry(segment)
                .or_insert_with(|| repair_word(segment))
                .clone();
            let next = match (segments.get(k + 1), segments.get(k + 2)) {
                (Some((false, gap)), Some((true, word)))
                    if gap.chars().all(char::is_whitespace) =>
                {
                    Some(*word)
                }
                _ => None,
            };
            let known = match known {
                Some(word)
                    if word.to_lowercase() == "är" && year_context(previous.as_deref(), next) =>
                {
                    Some(as_year(&word))
                }
                Some(word) if matches!(word.to_lowercase().as_str(), "för" | "får") => Some(
                    preposition_or_verb(segment, &word, previous.as_deref(), next),
                ),
                known => known,
            };
            known.map(|word| {
                if sentence_start(&out) {
                    capital_for_symbol(segment, &word)
                } else {
                    word
                }
            })
        };
        match repaired {
            Some(word) => {
                changed += 1;
                out.push_str(&word);
                previous = Some(word);
            }
            None => {
                out.push_str(segment);
                previous = Some(segment.to_owned());
            }
        }
    }
    (out, changed)
}

const ENGLISH: &[&str] = &[
    "the", "and", "of", "with", "is", "are", "was", "this", "that", "will",
];
const SWEDISH: &[&str] = &[
    "och", "att", "det", "som", "med", "av", "en", "ett", "till", "om", "vi", "kommer",
];

/// Text with longer words than this is no prose to repair (and costs time).
const MAX_LEN: usize = 4 << 20;

/// The repaired text, if `text` looks like OCR of Swedish.
pub(super) fn repair_if_ocr(text: &str, other_evidence: bool) -> Option<String> {
    if text.len() > MAX_LEN {
        return None;
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    if count(ENGLISH) > count(SWEDISH) {
        return None;
    }
    let native = words.iter().filter(|w| w.contains(['å', 'ä', 'ö'])).count();
    let (repaired, changed) = repair(text);
    // Typed text has its å, ä, ö: OCR loses them in many words (not always
    // in most), and leaves other traces.
    (changed >= 3 && (3 * changed > native || other_evidence)).then_some(repaired)
}

/// [`repair_word`] for the look-alike repair.
pub(super) fn repair_word_pub(word: &str) -> Option<String> {
    repair_word(word)
}

/// How the word list knows a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Known {
    /// As a whole word.
    Whole,
    /// As the start, end or part of a compound.
    Part,
    No,
}

/// Whether the word list has `word` (lowercase, with its å, ä, ö) as a
/// whole word, or as the start, end or part of a compound.
pub(super) fn lexicon_knows(word: &str) -> Known {
    static PATTERNS: OnceLock<Vec<(String, Kind)>> = OnceLock::new();
    let patterns = PATTERNS.get_or_init(|| {
        LEXICON
            .iter()
            .map(|pattern| {
                let kind = match (pattern.starts_with('*'), pattern.ends_with('*')) {
                    (false, false) => Kind::Whole,
                    (false, true) => Kind::Prefix,
                    (true, true) => Kind::Part,
                    (true, false) => Kind::Suffix,
                };
                (pattern.trim_matches('*').to_lowercase(), kind)
            })
            .collect()
    });
    let mut found = Known::No;
    for (entry, kind) in patterns {
        match kind {
            Kind::Whole if word == entry => return Known::Whole,
            Kind::Prefix if word.starts_with(entry.as_str()) => found = Known::Part,
            Kind::Part if word.contains(entry.as_str()) => found = Known::Part,
            Kind::Suffix if word.ends_with(entry.as_str()) => found = Known::Part,
            _ => {}
        }
    }
    found
}

#[cfg(test)]
pub(super) fn repair_for_test(text: &str) -> (String, usize) {
    repair(text)
}

#[cfg(test)]
mod tests {
    use super::{repair, sentence_start};

    fn repaired(text: &str) -> String {
        repair(text).0
    }

    #[test]
    fn an_ampersand_stands_for_a_ring() {
        assert_eq!(
            repaired("vi ses p& mötet, d& och s& f&r vi se"),
            "vi ses på mötet, då och så får vi se"
        );
        // Not for ä or ö: `&r` is `år`, never `är`.
        assert_eq!(repaired("under &ret"), "under året");
        // Alone, or among capitals, it is no letter.
        assert_eq!(repaired("Svensson & Co"), "Svensson & Co");
    }

    #[test]
    fn a_symbol_for_a_capital_starts_a_sentence() {
        assert_eq!(repaired("Slut. &r 2024 börjar"), "Slut. År 2024 börjar");
        assert_eq!(repaired("7. 0vriga frågor"), "7. Övriga frågor");
        assert_eq!(repaired("§ 7 0vriga frågor"), "§ 7 Övriga frågor");
        assert_eq!(
            repaired("Inget.\n&rshjul för 2023"),
            "Inget.\nÅrshjul för 2023"
        );
        // Inside a sentence, and on a line that goes on from the one before,
        // it stays small.
        assert_eq!(repaired("inga 0vriga frågor"), "inga övriga frågor");
        assert_eq!(repaired("de\n0vriga frågorna"), "de\növriga frågorna");
    }

    #[test]
    fn more_everyday_words_and_their_compounds() {
        assert_eq!(
            repaired("besokare, kostnadsberakning, fredagskvallarna, sammantradesrum"),
            "besökare, kostnadsberäkning, fredagskvällarna, sammanträdesrum"
        );
        assert_eq!(
            repaired("kommundirektor och arskurs sju"),
            "kommundirektör och årskurs sju"
        );
        // Words that are words without their dots too: never guessed.
        let plain = "fort gas satt framst vaktare gangster skvaller lansera ledamoten";
        assert_eq!(repaired(plain), plain);
    }

    #[test]
    fn sentence_starts() {
        assert!(sentence_start(""));
        assert!(sentence_start("Slut. "));
        assert!(sentence_start("Rubrik:\n"));
        assert!(sentence_start("text\n\n"));
        assert!(sentence_start("§ 12 "));
        assert!(sentence_start("text\n3. "));
        assert!(!sentence_start("hela "));
        assert!(!sentence_start("som går\n"));
        assert!(!sentence_start("under 18 "));
    }

    #[test]
    fn for_or_far_by_the_words_around() {
        // A stand-in for either vowel: the preposition, unless a subject
        // stands by it.
        assert_eq!(repaired("ansvar fér att"), "ansvar för att");
        assert_eq!(repaired("planen fdr hösten"), "planen för hösten");
        assert_eq!(repaired("sedan fér vi se"), "sedan får vi se");
        assert_eq!(repaired("det vi fdr veta"), "det vi får veta");
        assert_eq!(
            repaired("Klara-gruppen fér en plats"),
            "Klara-gruppen får en plats"
        );
        assert_eq!(repaired("Fér att"), "För att");
        // A stand-in for one vowel only keeps it.
        assert_eq!(repaired("vi f6r och far"), "vi för och får");
        // Words with their dots are never changed.
        assert_eq!(repaired("vi för, de får"), "vi för, de får");
    }
}
