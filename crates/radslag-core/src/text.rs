//! Helpers for text: a caret kept while collaborative text arrives, and a
//! text's first line as a label.

/// The first non-blank line of a text, trimmed, at most `max` characters
/// (cut with "…" when longer).
pub fn first_line(text: &str, max: usize) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= max {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Where a caret at `caret` (UTF-16 units, as the DOM counts) belongs after
/// `old` became `new`: moved by what was inserted or deleted before it.
pub fn carried_caret(old: &str, new: &str, caret: u32) -> u32 {
    let old: Vec<u16> = old.encode_utf16().collect();
    let new: Vec<u16> = new.encode_utf16().collect();
    let (prefix, suffix) = common_ends(&old, &new);
    let caret = caret as usize;
    let moved = if caret <= prefix {
        caret
    } else if caret >= old.len() - suffix {
        caret + new.len() - old.len()
    } else {
        new.len() - suffix
    };
    moved as u32
}

/// How long a start and an end `old` and `new` share, not overlapping: what
/// lies between is what changed.
pub(crate) fn common_ends<T: PartialEq>(old: &[T], new: &[T]) -> (usize, usize) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let most = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::{carried_caret, first_line};

    #[test]
    fn a_first_line_as_a_label() {
        assert_eq!(
            first_line("\n  Boka lokal  \nför Kulturnatten", 80),
            "Boka lokal"
        );
        assert_eq!(first_line("", 80), "");
        assert_eq!(first_line("abcdef", 6), "abcdef");
        assert_eq!(first_line("abc defg", 5), "abc…");
        assert_eq!(first_line("åäöåäö", 4), "åäö…");
    }

    #[test]
    fn the_caret_stays_on_its_letter_when_text_arrives() {
        // Someone else types before the caret: it moves along.
        assert_eq!(carried_caret("abcd", "XXabcd", 2), 4);
        // After the caret: it stays.
        assert_eq!(carried_caret("abcd", "abcdXX", 2), 2);
        // Deleted before the caret: it moves back.
        assert_eq!(carried_caret("abcdef", "adef", 4), 2);
        // Inside a replaced stretch: to the end of the replacement.
        assert_eq!(carried_caret("abcdef", "abXYZef", 3), 5);
        // Counted in UTF-16 units, as the DOM does: å is one, 😀 two.
        assert_eq!(carried_caret("på", "😀på", 2), 4);
    }
}
