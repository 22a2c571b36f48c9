//! People: participant lists, the note taker, adjusters, the chair.

use super::{ParsedNoteTaker, ParsedParticipant, ParticipantKind, clean};

/// Words that make a name an organisation's (matched inside lowercase text).
const ORGANISATION_WORDS: &[&str] = &[
    "kommun",
    "polis",
    "region",
    "förvaltning",
    "nämnd",
    "skola",
    "skolan",
    "gymnasi",
    "bolag",
    "förening",
    "kyrka",
    "tjänst",
    "styrelse",
    "myndighet",
    "centrum",
    "center",
    "enhet",
    "avdelning",
    "kontor",
    "stiftelse",
    "företag",
    "verket",
    "huset",
    "universitet",
    "rådet",
    "gruppen",
];

/// Name particles that stay lowercase: `Ulla von Post`.
const PARTICLES: &[&str] = &["von", "af", "de", "van", "da", "del", "la", "le", "di"];

/// A signature line: dots, underscores or dashes only.
pub(super) fn is_rule(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line
            .chars()
            .all(|c| matches!(c, '.' | '_' | '-' | '…' | '–' | ' '))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Takes `(…)` out of a piece: the rest, and what was inside.
fn take_parenthesis(piece: &str) -> (String, Option<String>) {
    match (piece.find('('), piece.find(')')) {
        (Some(open), Some(close)) if open < close => {
            let inside = clean(&piece[open + 1..close]);
            let rest = clean(&format!("{} {}", &piece[..open], &piece[close + 1..]));
            (rest, Some(inside).filter(|s| !s.is_empty()))
        }
        _ => (clean(&piece.replace(['(', ')'], " ")), None),
    }
}

/// Splits `Anna Andersson ordförande` into the name (the leading capitalised
/// words and particles) and the rest.
fn name_and_rest(piece: &str) -> (String, String) {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let mut n = 0;
    while n < words.len() && (starts_upper(words[n]) || (n > 0 && PARTICLES.contains(&words[n]))) {
        n += 1;
    }
    // A trailing particle belongs to what follows.
    while n > 0 && PARTICLES.contains(&words[n - 1]) {
        n -= 1;
    }
    (words[..n].join(" "), words[n..].join(" "))
}

fn is_organisation(piece: &str) -> bool {
    let lower = piece.to_lowercase();
    ORGANISATION_WORDS.iter().any(|w| lower.contains(w))
}

/// Whether a piece starts with a person's name.
fn is_person(piece: &str) -> bool {
    let (rest, _) = take_parenthesis(piece);
    let (name, _) = name_and_rest(&rest);
    let words = name.split_whitespace().count();
    (1..=5).contains(&words) && !is_organisation(&rest) && !name.chars().any(|c| c.is_ascii_digit())
}

/// `Anna Andersson (S), ordförande`-style pieces, split at commas and at
/// ` och ` between two names.
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split([',', ';']) {
        let piece = clean(piece);
        if piece.is_empty() {
            continue;
        }
        let parts: Vec<&str> = piece.split(" och ").collect();
        if parts.len() > 1 && parts.iter().all(|p| starts_upper(p.trim()) && is_person(p)) {
            out.extend(parts.iter().map(|p| clean(p)));
        } else {
            out.push(piece);
        }
    }
    out
}

fn person(piece: &str, kind: ParticipantKind) -> Option<ParsedParticipant> {
    let (rest, organisation) = take_parenthesis(piece);
    let (rest, dash_part) = match rest.split_once(" - ").or_else(|| rest.split_once(" – ")) {
        Some((name, other)) => (name.to_owned(), Some(clean(other))),
        None => (rest, None),
    };
    let (name, after) = name_and_rest(&rest);
    let name = name.trim_end_matches(['.', ':']).to_owned();
    if name.is_empty() || !name.chars().any(char::is_alphabetic) || name.chars().count() > 80 {
        return None;
    }
    let mut p = ParsedParticipant {
        name,
        role: None,
        organisation,
        kind,
    };
    for extra in [Some(after), dash_part]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
    {
        add_detail(&mut p, &extra);
    }
    Some(p)
}

/// A lowercase note is a role; a capitalised one an organisation.
fn add_detail(p: &mut ParsedParticipant, detail: &str) {
    let (detail, inside) = take_parenthesis(detail);
    if let Some(inside) = inside {
        p.organisation.get_or_insert(inside);
    }
    let detail = detail.trim_end_matches('.').trim();
    if detail.is_empty() {
        return;
    }
    if starts_lower(detail) || p.organisation.is_some() {
        p.role = Some(match p.role.take() {
            Some(role) => format!("{role}, {detail}"),
            None => detail.to_owned(),
        });
    } else {
        p.organisation = Some(detail.to_owned());
    }
}

/// The people under a heading. Names may be separated by commas across
/// wrapped lines (`Stephanie` / `Fanqvist,` is one name), or stand one a line.
pub(super) fn participants(lines: &[String], kind: ParticipantKind) -> Vec<ParsedParticipant> {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !is_rule(l))
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let inner = &lines[..lines.len() - 1];
    let with_comma = inner
        .iter()
        .filter(|l| l.ends_with(',') || l.ends_with(';'))
        .count();
    let groups: Vec<Vec<String>> = if inner.is_empty() || with_comma * 2 >= inner.len() {
        vec![pieces(&lines.join(" "))]
    } else {
        lines.iter().map(|l| pieces(l)).collect()
    };

    let mut out: Vec<ParsedParticipant> = Vec::new();
    for group in groups {
        let mut current: Option<usize> = None;
        for piece in group {
            let starts_person = current.is_none() || (!starts_lower(&piece) && is_person(&piece));
            if starts_person {
                if let Some(p) = person(&piece, kind) {
                    out.push(p);
                    current = Some(out.len() - 1);
                }
            } else if let Some(i) = current {
                add_detail(&mut out[i], &piece);
            }
        }
    }
    out
}

/// `Moa Magnusson, folkhälsostrateg och samordnare för …`
pub(super) fn note_taker(lines: &[String]) -> Option<ParsedNoteTaker> {
    let value = clean(
        &lines
            .iter()
            .filter(|l| !is_rule(l))
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
    );
    let (name, role) = match value.split_once(',') {
        Some((name, role)) => (clean(name), clean(role)),
        None => name_and_rest(&value),
    };
    let (name, _) = take_parenthesis(&name);
    let role = role.trim_end_matches('.').trim().to_owned();
    (!name.is_empty()).then(|| ParsedNoteTaker {
        name,
        role: Some(role).filter(|r| !r.is_empty()),
    })
}

/// Names separated by commas, `och`, `samt` or `&`, without parentheses or
/// roles: `Anna Andersson (S) och Bertil Berg, ledamot`.
pub(super) fn names(value: &str) -> Vec<String> {
    let value = value
        .replace(" samt ", ",")
        .replace(" och ", ",")
        .replace('&', ",");
    value
        .split([',', ';'])
        .filter_map(|piece| {
            let (rest, _) = take_parenthesis(piece);
            let (name, _) = name_and_rest(&rest);
            Some(name).filter(|n| !n.is_empty() && !is_rule(n))
        })
        .collect()
}

/// The first name on the lines under a one-person label.
pub(super) fn single_name(lines: &[String]) -> Option<String> {
    let line = lines.iter().find(|l| !l.trim().is_empty() && !is_rule(l))?;
    names(line).into_iter().next()
}
