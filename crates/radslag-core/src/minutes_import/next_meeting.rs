//! One announced meeting: `11 maj klockan 10-12 för Klara-gruppen (digitalt
//! via Teams).`

use chrono::NaiveDate;

use super::dates::{find_date, find_times};
use super::{ParsedNextMeeting, clean, find_ci};

/// Words that make what follows `för` a group even when it is lowercase.
const GROUP_WORDS: &[&str] = &[
    "grupp", "råd", "nämnd", "utskott", "styrelse", "nätverk", "team", "forum",
];

/// Reads one announcement; `None` when it names no day.
pub(super) fn parse(
    text: &str,
    after: Option<NaiveDate>,
    reference_year: Option<i32>,
) -> Option<ParsedNextMeeting> {
    let text = clean(text);
    let date = find_date(&text, false)?;
    let times = find_times(&text, true, date.end).or_else(|| find_times(&text, false, 0));
    let mut end = date.end.max(times.map_or(0, |t| t.end));

    let mut group = None;
    if let Some((_, start)) = find_ci(&text, " för ", end) {
        let stop = stop_at(&text, start);
        let candidate = text[start..stop].trim().trim_end_matches(['.', ':']).trim();
        let lower = candidate.to_lowercase();
        let named = candidate.chars().next().is_some_and(char::is_uppercase)
            || GROUP_WORDS.iter().any(|w| lower.contains(w));
        if named && !candidate.is_empty() && candidate.chars().count() <= 80 {
            group = Some(candidate.to_owned());
            end = stop;
        }
    }
    // `Klara-gruppen: 11 maj kl 10-12`
    if group.is_none() {
        let before = text[..date.start].trim();
        if let Some(name) = before.strip_suffix(':').map(str::trim)
            && !name.is_empty()
            && name.chars().count() <= 60
        {
            group = Some(name.to_owned());
        }
    }

    let place_or_link = parenthesis(&text[end..])
        .or_else(|| link(&text))
        .or_else(|| after_preposition(&text, end));

    Some(ParsedNextMeeting {
        date: date.value.resolve(after, reference_year),
        start_time: times.map(|t| t.value.start),
        end_time: times.and_then(|t| t.value.end),
        group,
        place_or_link,
        text,
    })
}

/// Where a group's name or a place ends.
fn stop_at(text: &str, start: usize) -> usize {
    let mut stop = text[start..]
        .find(['(', ',', ';'])
        .map_or(text.len(), |i| start + i);
    for word in [
        " i ",
        " på ",
        " via ",
        " kl ",
        " kl. ",
        " klockan ",
        " med ",
    ] {
        if let Some((i, _)) = find_ci(text, word, start) {
            stop = stop.min(i);
        }
    }
    stop
}

fn parenthesis(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    Some(clean(&text[open + 1..close])).filter(|s| !s.is_empty())
}

fn link(text: &str) -> Option<String> {
    text.split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')']).to_owned())
}

/// `… i Kommunhuset.`, `… på Medborgarhuset`, `… via Teams`
fn after_preposition(text: &str, from: usize) -> Option<String> {
    let ((_, start), word) = [" i ", " på ", " via ", " plats: ", " plats "]
        .iter()
        .filter_map(|w| find_ci(text, w, from).map(|found| (found, *w)))
        .min()?;
    let stop = text[start..]
        .find(['(', ',', ';'])
        .map_or(text.len(), |i| start + i);
    let place = text[start..stop].trim().trim_end_matches('.').trim();
    let place = if word.trim() == "via" {
        format!("via {place}")
    } else {
        place.to_owned()
    };
    Some(place).filter(|p| p.chars().any(char::is_alphabetic))
}
