//! `radslag import FILE [--json]`: reads minutes from a file (a text PDF, a
//! Word `.docx`, a text file, or a scan — an image or a PDF of images — read
//! through OCR) and shows what was found, as JSON or as a short summary.
//! Fails, with the reason, on a file that cannot be read, cannot be OCR'd
//! (saying what to install) or does not look like minutes.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context, anyhow};
use radslag_core::minutes_import::files::{self, Extracted, Format};
use radslag_core::minutes_import::{ParsedMinutes, parse_minutes};

use crate::ocr;

/// Reads and parses `path`; prints the result as pretty JSON when `json`
/// (dates as ISO 8601), else as a summary. Days without a year (e.g. "11
/// maj") are dated in `reference_year` when the text gives no date of its own,
/// else left undated.
pub fn run(path: &Path, json: bool, reference_year: Option<i32>) -> anyhow::Result<()> {
    let minutes = read(path, reference_year)?.0;
    let out = if json {
        serde_json::to_string_pretty(&minutes)? + "\n"
    } else {
        summary(&minutes)
    };
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .context("cannot write the result")?;
    Ok(())
}

/// The text of a file: extracted by the core, or through OCR for a scan.
/// Also says whether OCR read it.
pub fn text_of(path: &Path) -> anyhow::Result<(String, bool)> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match files::extract(&name, &bytes).map_err(|e| anyhow!("{}: {e}", path.display()))? {
        Extracted::Text(text) => Ok((text, false)),
        Extracted::NeedsOcr(Format::Pdf) => Ok((ocr::pdf_text(path)?, true)),
        Extracted::NeedsOcr(_) => Ok((ocr::image_text(path)?, true)),
    }
}

/// The file's minutes, and whether OCR read them.
pub fn read(path: &Path, reference_year: Option<i32>) -> anyhow::Result<(ParsedMinutes, bool)> {
    let (text, scanned) = text_of(path)?;
    let minutes =
        parse_minutes(&text, reference_year).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok((minutes, scanned))
}

/// A few lines saying what was found and what is missing.
pub fn summary(m: &ParsedMinutes) -> String {
    let mut out = String::new();
    let none = "—".to_owned();
    let mut line = |label: &str, value: String| {
        let _ = writeln!(out, "{label:<14}{value}");
    };
    line("Title:", m.title.clone().unwrap_or_else(|| none.clone()));
    let when = [
        m.date.map(|d| d.to_string()),
        times(m.start_time, m.end_time),
    ];
    let when: Vec<String> = when.into_iter().flatten().collect();
    line(
        "Date:",
        if when.is_empty() {
            none.clone()
        } else {
            when.join(" ")
        },
    );
    line("Place:", m.place.clone().unwrap_or_else(|| none.clone()));
    let names: Vec<&str> = m.participants.iter().map(|p| p.name.as_str()).collect();
    line(
        "Participants:",
        if names.is_empty() {
            none.clone()
        } else {
            format!("{} ({})", names.len(), names.join(", "))
        },
    );
    for (label, value) in [("Chair:", &m.chair), ("Secretary:", &m.secretary)] {
        if let Some(value) = value {
            line(label, value.clone());
        }
    }
    if !m.adjusters.is_empty() {
        line("Adjusters:", m.adjusters.join(", "));
    }
    if let Some(n) = &m.note_taker {
        line(
            "Note taker:",
            n.role
                .as_ref()
                .map_or(n.name.clone(), |role| format!("{}, {role}", n.name)),
        );
    }
    line("Items:", m.items.len().to_string());
    for item in &m.items {
        let bullets = item.body.lines().filter(|l| l.starts_with("- ")).count();
        let bullets = match bullets {
            0 => String::new(),
            1 => " (1 bullet)".to_owned(),
            n => format!(" ({n} bullets)"),
        };
        let _ = writeln!(out, "  {:>3}. {}{bullets}", item.number, item.title);
    }
    if !m.next_meetings.is_empty() {
        let _ = writeln!(out, "Next meetings:");
        for next in &m.next_meetings {
            let parts = [
                Some(next.date.map_or("(no year)".to_owned(), |d| d.to_string())),
                times(next.start_time, next.end_time),
                next.group.clone(),
                next.place_or_link.as_ref().map(|p| format!("({p})")),
            ];
            let parts: Vec<String> = parts.into_iter().flatten().collect();
            let _ = writeln!(out, "  {}", parts.join(" "));
        }
    }
    if !m.missing.is_empty() {
        let missing: Vec<String> = m
            .missing
            .iter()
            .map(|f| format!("{f:?}").to_lowercase())
            .collect();
        let _ = writeln!(out, "Missing:      {}", missing.join(", "));
    }
    if m.ocr_repaired {
        let _ = writeln!(
            out,
            "OCR:          å, ä and ö were restored; check the text"
        );
    }
    out
}

/// `10:00–12:00`, `10:00` or nothing (the core's times print as `10:00:00`).
fn times<T: std::fmt::Display>(start: Option<T>, end: Option<T>) -> Option<String> {
    let fmt = |t: T| t.to_string().chars().take(5).collect::<String>();
    match (start, end) {
        (Some(s), Some(e)) => Some(format!("{}–{}", fmt(s), fmt(e))),
        (Some(s), None) => Some(fmt(s)),
        _ => None,
    }
}
