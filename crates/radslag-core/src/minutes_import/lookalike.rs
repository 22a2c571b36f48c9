//! OCR damage besides å, ä and ö: letters, digits and symbols read as their
//! look-alikes (`l`/`1`/`I`/`|`, `O`/`0`, `rn` for `m`, `cl` for `d`, `S` or
//! `$` for `§`, `,` for `.`), and spaces lost between words.
//!
//! Always, labels are recognised through the same confusions (and without
//! å, ä, ö): `Narvarande`, `Vicl pennan`, `Frånvar4nde` start a line as the
//! label they are. When the text looks like OCR (its å, ä, ö needed repair,
//! or it has several tokens no typed text has, like `2O23` or a lone `l`),
//! also:
//! - numbering: `l.`, `1,`, `1]`, `S 12`, `$12` as `1.`, `1)`, `§ 12`;
//! - numbers and dates: `2O23-O2-O7`, `l1 maj`, `1O.00`; months (`februarl`,
//!   `rnaj`);
//! - a lone `l`, `|` or `I` between words as the word `i`;
//! - words: a word that is neither a common Swedish word nor repeated in the
//!   text, but becomes one by undoing one confusion (`rnöte` → `möte`,
//!   `Po1isen` → `Polisen`, `Magriusson` → `Magnusson` when the name stands
//!   elsewhere in the text), becomes it;
//! - lost spaces: after a full stop before a capital (`genomförs.Ett`),
//!   before a capital inside a word after a known word (`iÅnge`), and around
//!   the commonest short words (`avarbetet`, `arbetetoch`) when both halves
//!   are known and the whole is not.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::lexicon::{COMMON, KEEP};
use super::ocr;
use super::structure::LABELS;

/// A character as OCR confuses it, folded to one representative; pairs
/// (`rn`, `cl`, `li`, `vv`) are folded first. Spaces are dropped.
fn skeleton(s: &str) -> Vec<(char, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let c = c.to_lowercase().next().unwrap_or(c);
        let next = chars
            .get(k + 1)
            .map(|&(_, n)| n.to_lowercase().next().unwrap_or(n));
        let end = |k: usize| chars.get(k).map_or(s.len(), |&(i, _)| i);
        let pair = match (c, next) {
            ('r', Some('n')) => Some('m'),
            ('c', Some('l')) => Some('d'),
            ('l', Some('i')) => Some('h'),
            ('v', Some('v')) => Some('w'),
            ('r', Some('i')) => Some('n'),
            ('i', Some('i')) | ('a', Some('i')) | ('é', Some('&')) => Some('a'),
            _ => None,
        };
        if let Some(p) = pair {
            out.push((p, end(k + 2)));
            k += 2;
            continue;
        }
        let _ = at;
        k += 1;
        if c.is_whitespace() {
            continue;
        }
        let folded = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | '4' | '@' | '#' | '&' | '3' => 'a',
            'ö' | 'ó' | 'ò' | 'ô' | 'õ' | 'ø' | '0' | '6' => 'o',
            'é' | 'è' | 'ê' | 'ë' | 'c' => 'e',
            '1' | '|' | '!' | 'í' | 'ì' | 'î' | 'l' | 'i' => 'i',
            '5' | '$' => 's',
            '8' => 'b',
            'f' => 't',
            c => c,
        };
        out.push((folded, end(k)));
    }
    out
}

/// The edit distance of `a` and `b` if it is 0 or 1.
fn distance(a: &[char], b: &[char]) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return None;
    }
    let common = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    let one = if short.len() == long.len() {
        short[common + 1..] == long[common + 1..]
    } else {
        short[common..] == long[common + 1..]
    };
    one.then_some(1)
}

/// Where a word folded to `want` ends in the text whose skeleton is
/// `have`: the same skeleton, or (for long words) one letter off.
fn fuzzy_prefix_in(have: &[(char, usize)], want: &[char]) -> Option<usize> {
    if want.is_empty() || have.is_empty() {
        return None;
    }
    if want.len() < 7 {
        let exact = have.len() >= want.len() && have.iter().zip(want).all(|(&(h, _), &w)| h == w);
        return exact.then(|| have[want.len() - 1].1);
    }
    // One edit leaves one of the first two letters where it was, or moved by one.
    let near = |c: char| c == want[0] || c == want[1];
    if !(near(have[0].0) || have.get(1).is_some_and(|h| near(h.0))) {
        return None;
    }
    let slack = 1;
    let lengths = want.len().saturating_sub(slack)..=want.len() + slack;
    lengths
        .filter(|&n| n > 0 && n <= have.len())
        .filter_map(|n| {
            let prefix: Vec<char> = have[..n].iter().map(|&(c, _)| c).collect();
            distance(want, &prefix).map(|d| (d, n))
        })
        .min()
        .map(|(_, n)| have[n - 1].1)
}

fn folded(word: &str) -> Vec<char> {
    skeleton(word).into_iter().map(|(c, _)| c).collect()
}

/// Where `target`, folded, ends in `line` if `line` starts with it.
fn fuzzy_prefix(line: &str, target: &str) -> Option<usize> {
    fuzzy_prefix_in(&skeleton(line), &folded(target))
}

/// The labels, folded.
fn folded_labels() -> &'static [(&'static str, Vec<char>)] {
    static FOLDED: OnceLock<Vec<(&'static str, Vec<char>)>> = OnceLock::new();
    FOLDED.get_or_init(|| {
        LABELS
            .iter()
            .map(|&(name, _)| (name, folded(name)))
            .collect()
    })
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// A line that starts with a label misread: the label as written, then the
/// rest. `None` when the line already starts with it (or with no label).
fn canonical_label(line: &str) -> Option<String> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    if !t.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    // The longest label has 30 letters: no need to fold more of the line.
    let head = t.char_indices().nth(48).map_or(t, |(i, _)| &t[..i]);
    let have = skeleton(head);
    let (name, end) = folded_labels()
        .iter()
        .filter_map(|(name, want)| {
            let end = fuzzy_prefix_in(&have, want)?;
            let rest = &t[end..];
            let boundary = rest.chars().next().is_none_or(|c| {
                c.is_whitespace() || c.is_ascii_digit() || matches!(c, ':' | ';' | '.' | ',')
            });
            boundary.then_some((name, end))
        })
        .max_by_key(|(name, _)| name.chars().count())?;
    let name = *name;
    let label = if t.chars().next().is_some_and(char::is_uppercase) {
        capitalise(name)
    } else {
        name.to_owned()
    };
    let rest = t[end..].trim_start_matches([';', ',']).to_owned();
    let rest = match rest.strip_prefix('.') {
        Some(r) if !r.starts_with(|c: char| c.is_ascii_digit()) => format!(":{r}"),
        _ if t[end..].starts_with(';') => format!(":{rest}"),
        _ => rest,
    };
    let sep = if rest.is_empty() || rest.starts_with([' ', ':']) {
        ""
    } else {
        " "
    };
    let written = &t[..end];
    let same = super::strip_prefix_ci(written, name).is_some_and(str::is_empty);
    let label = if same { written.to_owned() } else { label };
    let out = format!("{}{label}{sep}{rest}", &line[..lead]);
    (out != line).then_some(out)
}

/// A number as OCR may write it: digits with `l`, `I`, `|`, `O`, `o` among
/// them (at least one real digit).
fn lookalike_number(s: &str) -> Option<String> {
    let mut digits = 0;
    let mut rare = 0;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(match c {
            '0'..='9' => {
                digits += 1;
                c
            }
            'l' | 'I' | '|' => '1',
            'O' | 'o' => '0',
            'Z' | 'S' | 'B' => {
                rare += 1;
                match c {
                    'Z' => '2',
                    'S' => '5',
                    _ => '8',
                }
            }
            _ => return None,
        });
    }
    (digits > 0 && (rare == 0 || digits >= 2 && rare == 1)).then_some(out)
}

/// A numbered heading misread: `l. Titel`, `1, Titel`, `1] Titel`,
/// `S 12 Titel`, `$12`, `5 12 Titel`: as `1. Titel`, `1) Titel`, `§ 12 Titel`.
fn canonical_heading(line: &str) -> Option<String> {
    let t = line.trim();
    // The paragraph sign.
    let mut chars = t.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '§' | 'S' | '$' | '&' | '5' | '8') {
        let rest = t[first.len_utf8()..].trim_start_matches('§');
        let spaced = rest.starts_with(' ');
        let rest = rest.trim_start();
        let n = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, 'l' | 'I' | '|' | 'O' | 'o')))
            .unwrap_or(rest.len());
        if n > 0 && n <= 4 {
            let number = lookalike_number(&rest[..n])?;
            let after = &rest[n..];
            let after = after.strip_prefix(['.', ':', ',']).unwrap_or(after);
            let title_ok = after.is_empty() || after.starts_with(' ');
            let digit_sign = matches!(first, '5' | '8');
            let title_upper = after.trim_start().starts_with(char::is_uppercase);
            if title_ok && (!digit_sign || (spaced && title_upper)) {
                let out = format!("§ {number} {}", after.trim());
                return (out.trim_end() != t).then(|| out.trim_end().to_owned());
            }
        }
        if first == '§' {
            return None;
        }
    }
    // `1.`, `1)` and their look-alikes.
    let n = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, 'l' | 'I' | '|' | 'O' | 'o' | 'Z')))
        .unwrap_or(t.len());
    if n == 0 || n > 3 {
        return None;
    }
    let number = if matches!(&t[..n], "l" | "I" | "|") {
        "1".to_owned()
    } else if &t[..n] == "Z" {
        "2".to_owned()
    } else {
        lookalike_number(&t[..n])?
    };
    let after = &t[n..];
    let mut rest = after.chars();
    let mark = match rest.next()? {
        '.' | ',' | ':' => '.',
        ')' | ']' | '}' => ')',
        _ => return None,
    };
    let title = rest.as_str();
    let title_ok = title.is_empty()
        || title.trim_start().starts_with(char::is_uppercase)
        || (title.starts_with(' ') && title.trim_start().starts_with(char::is_alphabetic));
    if !title_ok {
        return None;
    }
    let out = format!("{number}{mark} {}", title.trim());
    let out = out.trim_end().to_owned();
    (out != t).then_some(out)
}

/// The month names as minutes write them.
const MONTHS: [&str; 12] = crate::time::MONTH_NAMES_SV;

/// Whether a text has what no typed text has: `2O23`, a lone `l` or `|`
/// between words, a misread paragraph sign.
pub(super) fn ocr_evidence(text: &str) -> usize {
    let mut count = 0;
    for word in text.split_whitespace() {
        let core = word.trim_matches(|c: char| !(c.is_alphanumeric() || c == '|'));
        let lone = matches!(core, "l" | "|");
        let misread_number = core.chars().any(|c| c.is_ascii_digit())
            && core
                .chars()
                .any(|c| matches!(c, 'l' | 'I' | '|' | 'O' | 'o'))
            && lookalike_number(core).is_some();
        if lone || misread_number {
            count += 1;
        }
    }
    for line in text.lines() {
        let t = line.trim_start();
        if (t.starts_with("S ") || t.starts_with('$'))
            && t[1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
        {
            count += 1;
        }
    }
    count
}

/// A word as the text writes it, lowercase, and how often.
fn vocabulary(text: &str) -> HashMap<String, usize> {
    let mut words: HashMap<String, usize> = HashMap::new();
    for token in tokens(text) {
        if let Token::Word(w) = token
            && w.chars().any(char::is_alphabetic)
        {
            *words.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    words
}

#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    Word(&'a str),
    Other(&'a str),
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '|' | '$' | '#' | '&' | '@')
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let w = word_char(c);
        if i > 0 && w != in_word {
            let s = &text[start..i];
            out.push(if in_word {
                Token::Word(s)
            } else {
                Token::Other(s)
            });
            start = i;
        }
        in_word = w;
    }
    if start < text.len() {
        let s = &text[start..];
        out.push(if in_word {
            Token::Word(s)
        } else {
            Token::Other(s)
        });
    }
    out
}

struct Known {
    text: HashMap<String, usize>,
    cache: std::cell::RefCell<HashMap<String, Option<String>>>,
}

impl Known {
    /// A common word, or a whole word of the list of words with å, ä, ö.
    fn listed(&self, lower: &str) -> bool {
        static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
        SET.get_or_init(|| COMMON.iter().chain(KEEP).copied().collect())
            .contains(lower)
            || ocr::lexicon_knows(lower) == ocr::Known::Whole
    }

    /// Known without doubt: listed, or written the same several times.
    fn sure(&self, lower: &str) -> bool {
        let odd = lower.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, 'é' | 'è' | 'í' | '|' | '&' | '#' | '$' | '@')
        });
        self.listed(lower) || (self.count(lower) >= 2 && !odd)
    }

    fn count(&self, lower: &str) -> usize {
        self.text.get(lower).copied().unwrap_or(0)
    }

    /// How plausible a spelling is: listed words most, then as often as the
    /// text has it, and a little for a compound of the word list.
    fn plausibility(&self, lower: &str) -> usize {
        if self.listed(lower) {
            1000
        } else {
            self.count(lower) + usize::from(ocr::lexicon_knows(lower) == ocr::Known::Part)
        }
    }
}

/// Undoing one confusion: what OCR wrote, and what was printed.
const UNDO: &[(&str, &str)] = &[
    ("rn", "m"),
    ("cl", "d"),
    ("li", "h"),
    ("vv", "w"),
    ("ri", "n"),
    ("ii", "u"),
    ("1", "l"),
    ("I", "l"),
    ("|", "l"),
    ("1", "i"),
    ("l", "i"),
    ("í", "i"),
    ("0", "o"),
    ("O", "o"),
    ("c", "e"),
    ("c", "o"),
    ("e", "c"),
    ("é", "e"),
    ("f", "t"),
    ("t", "f"),
    ("o", "a"),
    ("e", "a"),
    ("v", "u"),
    ("5", "s"),
    ("$", "s"),
    ("8", "B"),
    ("2", "Z"),
    ("0", "O"),
    ("1", "I"),
    ("l", "I"),
    ("|", "I"),
    // å, ä, ö the first repair missed: a word the text also has intact.
    ("a", "ä"),
    ("a", "å"),
    ("o", "ö"),
    ("A", "Å"),
    ("A", "Ä"),
    ("O", "Ö"),
    ("é", "ä"),
    ("é", "å"),
    ("é", "ö"),
    ("ä", "å"),
    ("å", "ä"),
    ("d", "å"),
    ("d", "ä"),
    ("d", "ö"),
    ("g", "ö"),
    ("ii", "ä"),
    ("ai", "ä"),
    ("i", "å"),
    ("i", "ä"),
];

/// Symbols and digits inside a word that only OCR puts there, as the letter
/// they most often stand for: `Bl&vingen`, `r6r`, `h#nder`.
fn symbols_inside(word: &str) -> Option<String> {
    if word.contains("é&") {
        let fixed = word.replace("é&", "å");
        return Some(symbols_inside(&fixed).unwrap_or(fixed));
    }
    let chars: Vec<char> = word.chars().collect();
    let letters = chars.iter().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || chars.iter().filter(|c| c.is_ascii_digit()).count() > 1 {
        return None;
    }
    let mut changed = false;
    let out: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before = i.checked_sub(1).map(|i| chars[i]);
            let after = chars.get(i + 1).copied();
            let leading = i == 0 && chars.len() >= 3 && chars[1..].iter().all(|c| c.is_lowercase());
            let inside = leading
                || (before.is_some_and(char::is_alphabetic)
                    && after.is_none_or(char::is_alphabetic));
            let upper =
                before.is_some_and(char::is_uppercase) && after.is_none_or(char::is_uppercase);
            let letter = match c {
                '&' | '3' | '@' => 'å',
                '#' | '4' => 'ä',
                '6' => 'ö',
                '0' if i == 0 => 'ö',
                _ => return c,
            };
            if !inside {
                return c;
            }
            changed = true;
            if upper {
                letter.to_uppercase().next().unwrap_or(letter)
            } else {
                letter
            }
        })
        .collect();
    changed.then_some(out)
}

/// `word` with its case pattern put on `lower`.
fn with_case(word: &str, lower: &str) -> String {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return lower.to_uppercase();
    }
    let first_upper = word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '|' | '1' | '$' | '5' | '8' | '0'));
    if first_upper && word.chars().skip(1).any(|c| c.is_lowercase()) {
        capitalise(lower)
    } else {
        lower.to_owned()
    }
}

/// What undoing one confusion anywhere in `word` gives.
/// Whether the candidate only put back an å, ä or ö: then only the text's
/// own words vouch for it (the word list's are for the first repair, which
/// guards against plain words such as `stora`, `vanlig`).
fn undone(word: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for &(from, to) in UNDO {
        let marks_only =
            to.chars().all(|c| "åäöÅÄÖ".contains(c)) && from.chars().all(|c| "aoAO".contains(c));
        for (at, _) in word.match_indices(from) {
            out.push((
                format!("{}{to}{}", &word[..at], &word[at + from.len()..]),
                marks_only,
            ));
        }
    }
    out
}

/// The word as it was printed, if undoing one confusion (and repairing å, ä,
/// ö), or two for a word the text has several times, makes a better known
/// word of it.
fn correct_word(word: &str, known: &Known) -> Option<String> {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().count() > 40 {
        return None;
    }
    let lower = word.to_lowercase();
    // A word written the same several times is sure unless undoing one
    // confusion makes a listed word of it (`sammantriide` twice is still
    // `sammanträde`): only a listed word outweighs the repeats.
    if known.listed(&lower) {
        return None;
    }
    let repeated = known.sure(&lower);
    // The word itself stands in the text once: that vouches for nothing.
    // (The compound bonus is the word's own: `övrigt` keeps it against
    // `övrigf`.)
    let own = known.plausibility(&lower) - known.count(&lower).min(1);
    let mut best: Option<(usize, String)> = None;
    let consider = |best: &mut Option<(usize, String)>, score: usize, fixed: String| {
        if (!repeated || score >= 1000)
            && score > own
            && best.as_ref().is_none_or(|(b, _)| score > *b)
        {
            *best = Some((score, fixed));
        }
    };
    let first = undone(word);
    for (candidate, marks_only) in &first {
        let lower_candidate = candidate.to_lowercase();
        let score = if *marks_only {
            known.count(&lower_candidate)
        } else {
            known.plausibility(&lower_candidate)
        };
        consider(&mut best, score, lower_candidate);
        let has_vowel_mark = candidate.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']);
        if !has_vowel_mark && let Some(repaired) = ocr::repair_word_pub(candidate) {
            let repaired = repaired.to_lowercase();
            consider(&mut best, known.plausibility(&repaired), repaired);
        }
    }
    if best.is_none() && letters >= 5 {
        for (candidate, _) in &first {
            for (second, _) in undone(candidate) {
                let lower_second = second.to_lowercase();
                let score = if known.listed(&lower_second) {
                    1000
                } else {
                    known.count(&lower_second)
                };
                if score >= 2 {
                    consider(&mut best, score, lower_second);
                }
            }
        }
    }
    best.map(|(_, fixed)| with_case(word, &fixed))
}

/// Short words that OCR glues to their neighbours.
const GLUE: &[&str] = &[
    "i", "av", "och", "att", "på", "för", "som", "det", "den", "med", "till", "om", "är", "har",
    "vid", "vi", "de", "samt", "inte", "eller", "från", "kan", "ska", "under", "efter",
];

/// `avarbetet` as `av arbetet`, `arbetetoch` as `arbetet och`.
fn split_glued(word: &str, known: &Known) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.chars().count() < 5 || known.sure(&lower) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    if known.text.get(&lower).copied().unwrap_or(0) > 0 && known.listed(&lower) {
        return None;
    }
    if known.plausibility(&lower) > 1 || ocr::lexicon_knows(&lower) != ocr::Known::No {
        return None;
    }
    let good =
        |part: &str| part.chars().count() >= 3 && (known.listed(part) || known.count(part) >= 1);
    for glue in GLUE {
        if let Some(rest) = lower.strip_prefix(glue)
            && good(rest)
        {
            let cut = word
                .char_indices()
                .nth(glue.chars().count())
                .map_or(word.len(), |(i, _)| i);
            return Some(format!("{} {}", &word[..cut], &word[cut..]));
        }
        if let Some(rest) = lower.strip_suffix(glue)
            // Not a two-letter tail: `borde`, `hade`, `genom` end so.
            && glue.chars().count() >= 3
            && good(rest)
        {
            let cut = word.len() - glue.len();
            if word.is_char_boundary(cut) {
                return Some(format!("{} {}", &word[..cut], &word[cut..]));
            }
        }
    }
    None
}

/// What was repaired, and how many changes.
pub(super) fn repair(text: &str, diacritics_repaired: bool) -> (String, usize) {
    let is_ocr = diacritics_repaired || ocr_evidence(text) >= 3;
    let mut changes = 0;
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut line = line.to_owned();
        if is_ocr {
            line = fix_spaces_after_stops(&line, &mut changes);
            line = fix_dashes(&line, &mut changes);
            if let Some(fixed) = canonical_heading(&line) {
                changes += 1;
                line = fixed;
            }
        }
        if let Some(fixed) = canonical_label(&line) {
            changes += usize::from(is_ocr);
            line = fixed;
        }
        lines.push(line);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    if !is_ocr {
        return (text, 0);
    }
    let known = Known {
        text: vocabulary(&text),
        cache: Default::default(),
    };
    let toks = tokens(&text);
    let mut out = String::with_capacity(text.len() + 64);
    for (k, token) in toks.iter().enumerate() {
        let word = match *token {
            Token::Other(s) => {
                out.push_str(s);
                continue;
            }
            Token::Word(w) => w,
        };
        let gap_before = k
            .checked_sub(1)
            .map(|i| toks[i])
            .is_some_and(|t| matches!(t, Token::Other(s) if s.chars().all(|c| c == ' ')));
        let gap_after =
            matches!(toks.get(k + 1), Some(Token::Other(s)) if s.chars().all(|c| c == ' '));
        let previous_word = k.checked_sub(2).and_then(|i| match toks[i] {
            Token::Word(w) => Some(w),
            _ => None,
        });
        let fixed = fix_token(word, previous_word, gap_before, gap_after, &known).map(|f| {
            match ocr::sentence_start(&out) {
                true => ocr::capital_for_symbol(word, &f),
                // `0ch` is `och` inside a sentence, not `Och`.
                false
                    if word.starts_with('0')
                        && f.starts_with('O')
                        && known.listed(&f.to_lowercase()) =>
                {
                    f.to_lowercase()
                }
                false => f,
            }
        });
        match fixed {
            Some(f) if f != word => {
                changes += 1;
                out.push_str(&f);
            }
            _ => out.push_str(word),
        }
    }
    (out, changes)
}

fn fix_token(
    word: &str,
    previous: Option<&str>,
    gap_before: bool,
    gap_after: bool,
    known: &Known,
) -> Option<String> {
    // A lone `l`, `|` or `I` between words: `i`.
    if matches!(word, "l" | "|") && gap_before && gap_after {
        return Some("i".to_owned());
    }
    if word == "I"
        && gap_before
        && gap_after
        && previous.is_some_and(|p| p.chars().all(char::is_lowercase))
    {
        return Some("i".to_owned());
    }
    // Numbers.
    if word.chars().any(|c| c.is_ascii_digit())
        && let Some(n) = lookalike_number(word)
    {
        return Some(n);
    }
    // Months after a day.
    if previous.is_some_and(|p| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && gap_before
        && !MONTHS.contains(&word.to_lowercase().as_str())
        && let Some(month) = MONTHS.iter().find(|m| {
            fuzzy_prefix(word, m).is_some_and(|end| end == word.len())
                && word.chars().count().abs_diff(m.chars().count()) <= 1
        })
    {
        return Some(with_case(word, month));
    }
    // A known word inside before a capital: `iÅnge`, `fokusVästernorrland`.
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for w in chars.windows(2) {
        let ((_, a), (at, b)) = (w[0], w[1]);
        if a.is_lowercase() && b.is_uppercase() {
            let left = &word[..at];
            let right = &word[at..];
            let left_known = left == "i" || known.sure(&left.to_lowercase());
            if left_known && right.chars().skip(1).all(char::is_lowercase) {
                return Some(format!("{left} {right}"));
            }
        }
    }
    // A number glued to the word before it: `hålls11/4`.
    let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && digits < word.len() {
        let head = &word[..word.len() - digits];
        if head.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && head.ends_with(char::is_alphabetic)
        {
            let head_fixed = fix_token(head, previous, gap_before, true, known);
            let head = head_fixed.as_deref().unwrap_or(head);
            return Some(format!("{head} {}", &word[word.len() - digits..]));
        }
    }
    let fixed = known.corrected(word)?;
    // A symbol for a capital Å, Ä, Ö: after a name (`Maria 6hman`).
    let symbol_first = word.starts_with(['&', '3', '@', '#', '4', '6', '0']);
    let after_name = previous.is_some_and(|p| p.chars().next().is_some_and(char::is_uppercase));
    Some(if symbol_first && after_name {
        capitalise(&fixed)
    } else {
        fixed
    })
}

impl Known {
    /// The word repaired on its own (the same wherever it stands), cached.
    fn corrected(&self, word: &str) -> Option<String> {
        if let Some(done) = self.cache.borrow().get(word) {
            return done.clone();
        }
        let fixed = match symbols_inside(word) {
            Some(fixed) => {
                let by_symbol = correct_word(&fixed, self).unwrap_or(fixed);
                // `0ch`: a digit for a plain letter, not for an ö.
                match correct_word(word, self) {
                    Some(plain)
                        if self.listed(&plain.to_lowercase())
                            && !self.listed(&by_symbol.to_lowercase()) =>
                    {
                        Some(plain)
                    }
                    _ => Some(by_symbol),
                }
            }
            None => correct_word(word, self).or_else(|| split_glued(word, self)),
        };
        // Two confusions the first step undid only half of (`sammaritriide`
        // to the text's `sammantriide`): once more, to a listed word.
        let fixed = fixed.map(|f| match correct_word(&f, self) {
            Some(again)
                if !self.listed(&f.to_lowercase()) && self.listed(&again.to_lowercase()) =>
            {
                again
            }
            _ => f,
        });
        self.cache
            .borrow_mut()
            .insert(word.to_owned(), fixed.clone());
        fixed
    }
}

/// `13—15`, `13~15` as `13-15`.
fn fix_dashes(line: &str, changes: &mut usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if between_digits && matches!(c, '—' | '~' | '_') {
            out.push('-');
            *changes += 1;
        } else {
            out.push(c);
        }
    }
    out
}

/// `genomförs.Ett` as `genomförs. Ett`.
fn fix_spaces_after_stops(line: &str, changes: &mut usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        let stop = matches!(c, '.' | ',' | ';' | '!' | '?');
        if stop
            && i > 0
            && chars[i - 1].is_lowercase()
            && chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase())
        {
            out.push(' ');
            *changes += 1;
        }
    }
    out
}

#[cfg(test)]
pub(super) fn canonical_heading_for_test(line: &str) -> Option<String> {
    canonical_heading(line)
}

#[cfg(test)]
pub(super) fn canonical_label_for_test(line: &str) -> Option<String> {
    canonical_label(line)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn a_repeated_misreading_still_yields_to_a_listed_word() {
        let (text, _) = repair(
            "Nästa sammantriide hålls i maj. Inför sammantriide och möte.\n",
            true,
        );
        assert_eq!(
            text,
            "Nästa sammanträde hålls i maj. Inför sammanträde och möte.\n"
        );
        // A word the list does not have, written the same twice, stays.
        let plain = "Fanqvist och Fanqvist har ordet.\n";
        assert_eq!(repair(plain, true).0, plain);
    }

    #[test]
    fn two_confusions_undone_in_two_steps() {
        let (text, _) = repair("nästa sammaritriide och sammantriide\n", true);
        assert_eq!(text, "nästa sammanträde och sammanträde\n");
    }

    #[test]
    fn a_word_ending_like_a_short_word_is_not_split() {
        // `bor` and `de` are words, `borde` one too.
        assert_eq!(repair("vi borde ses\n", true).0, "vi borde ses\n");
        assert_eq!(repair("arbetetoch\n", true).0, "arbetet och\n");
    }

    #[test]
    fn a_zero_for_an_o_inside_a_sentence() {
        assert_eq!(repair("vi 0ch de\n", true).0, "vi och de\n");
        assert_eq!(repair("Slut. 0ch sedan\n", true).0, "Slut. Och sedan\n");
        // A zero that is an ö.
        assert_eq!(repair("bra. 0vrigt\n", true).0, "bra. Övrigt\n");
    }
}
