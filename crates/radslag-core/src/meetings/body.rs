//! An agenda item's body as the minutes show it: paragraphs, and bullet
//! points for lines starting with "- ".

/// One block of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines of running text (kept as written, one per line).
    Paragraph(Vec<String>),
    /// Consecutive bullet points (blank lines between them don't end the list).
    Bullets(Vec<String>),
}

/// The text of a bullet line without its marker: `- ` (also `• ` and `* `,
/// as pasted from Word), after any indentation.
pub fn bullet(line: &str) -> Option<&str> {
    let line = line.trim_start();
    ["- ", "• ", "* ", "– "]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim)
        .or_else(|| (line == "-").then_some(""))
}

/// Splits a body into paragraphs and bullet lists.
pub fn blocks(body: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    // Whether a blank line came since the last line of text.
    let mut gap = true;
    for line in body.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            gap = true;
            continue;
        }
        match (bullet(line), blocks.last_mut()) {
            (Some(text), Some(Block::Bullets(items))) => items.push(text.to_owned()),
            (Some(text), _) => blocks.push(Block::Bullets(vec![text.to_owned()])),
            (None, Some(Block::Paragraph(lines))) if !gap => lines.push(line.trim().to_owned()),
            (None, _) => blocks.push(Block::Paragraph(vec![line.trim().to_owned()])),
        }
        gap = false;
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lines: &[&str]) -> Block {
        Block::Paragraph(lines.iter().map(|s| s.to_string()).collect())
    }
    fn b(items: &[&str]) -> Block {
        Block::Bullets(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn lines_starting_with_a_dash_are_bullets() {
        let body = "Vi går igenom vad vi har att förhålla oss till.\n\
                    - Ny lagstiftning väntas i juli 2023\n\
                    - En ny Samverkansöverenskommelse\n \
                    - Ett nytt Medborgarlöfte\n\
                    Dialogmaterialet sammanställs.\n\
                    Presentation vid nästa träff.\n\
                    \n\
                    Ny paragraf.";
        assert_eq!(
            blocks(body),
            [
                p(&["Vi går igenom vad vi har att förhålla oss till."]),
                b(&[
                    "Ny lagstiftning väntas i juli 2023",
                    "En ny Samverkansöverenskommelse",
                    "Ett nytt Medborgarlöfte"
                ]),
                p(&[
                    "Dialogmaterialet sammanställs.",
                    "Presentation vid nästa träff."
                ]),
                p(&["Ny paragraf."]),
            ]
        );
    }

    #[test]
    fn bullets_separated_by_blank_lines_stay_one_list() {
        assert_eq!(blocks("- a\n\n- b\n\n\nc"), [b(&["a", "b"]), p(&["c"])]);
    }

    #[test]
    fn a_dash_without_a_space_is_text() {
        assert_eq!(
            blocks("-5 grader\n2023-2026"),
            [p(&["-5 grader", "2023-2026"])]
        );
        assert_eq!(
            blocks("• från Word\n* från e-post"),
            [b(&["från Word", "från e-post"])]
        );
        assert!(blocks("").is_empty());
        assert!(blocks("\n  \n").is_empty());
    }
}
