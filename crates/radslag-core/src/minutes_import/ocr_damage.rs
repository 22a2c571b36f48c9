//! Damaging clean minutes the way OCR of a scanned paper copy does, to test
//! the parser against the whole class of damage rather than one scan.
//!
//! [`damage`] is deterministic: the same text, seed and [`Damage`] give the
//! same output on every platform (a small xorshift generator, no
//! dependency). What it does, each at its own rate:
//! - å, ä and ö lose their rings and dots or become look-alikes (`a`, `&`,
//!   `é`, `4`, `#`, `6`, `0`…), as Swedish print often comes out of OCR;
//! - other letters, digits and symbols become look-alikes: `l`/`1`/`I`/`|`,
//!   `O`/`0`, `m`/`rn`, `d`/`cl`, `h`/`li`, `§`/`S`/`$`, `.`/`,`, `)`/`]`…;
//! - lines are joined to the next one, or split at a space;
//! - spaces are lost between words.
//!
//! [`word_accuracy`] measures how much of a clean text a repaired one keeps.

/// How much damage, as probabilities per eligible character, line or space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Damage {
    /// An å, ä or ö misread.
    pub diacritics: f64,
    /// Another character that has a look-alike misread.
    pub lookalikes: f64,
    /// A line joined to the next.
    pub join_lines: f64,
    /// A line split at one of its spaces.
    pub split_lines: f64,
    /// A space between two words lost.
    pub lose_spaces: f64,
}

impl Damage {
    /// About what the example scan shows: most å, ä, ö damaged, a few other
    /// letters, now and then a line joined or split or a space lost.
    pub const TYPICAL: Damage = Damage {
        diacritics: 0.7,
        lookalikes: 0.01,
        join_lines: 0.03,
        split_lines: 0.03,
        lose_spaces: 0.005,
    };

    /// A bad scan: every kind of damage several times as often.
    pub const HEAVY: Damage = Damage {
        diacritics: 0.9,
        lookalikes: 0.03,
        join_lines: 0.08,
        split_lines: 0.08,
        lose_spaces: 0.015,
    };
}

/// A xorshift64* generator: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Never zero; neighbouring seeds far apart.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x2545_F491_4F6C_DD1D | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p && p > 0.0
    }

    fn pick<'a>(&mut self, choices: &[&'a str]) -> &'a str {
        choices[(self.next() % choices.len() as u64) as usize]
    }
}

/// What OCR makes of å, ä and ö (and their capitals).
fn diacritic_lookalikes(c: char) -> Option<&'static [&'static str]> {
    Some(match c {
        'å' => &["a", "a", "a", "é", "&", "d", "3", "4", "ä", "é&"],
        'ä' => &["a", "a", "a", "4", "#", "é", "i", "ii", "d", "3", "å", "ai"],
        'ö' => &["o", "o", "o", "6", "0", "g", "d", "é"],
        'Å' => &["A", "A", "A", "&", "Ä"],
        'Ä' => &["A", "A", "A", "4", "#"],
        'Ö' => &["O", "O", "O", "0", "6"],
        _ => return None,
    })
}

/// What OCR makes of other characters.
fn lookalikes(c: char) -> Option<&'static [&'static str]> {
    Some(match c {
        'l' => &["1", "I", "|"],
        'I' => &["l", "1", "|"],
        'i' => &["1", "l", "í"],
        '1' => &["l", "I", "|"],
        'O' => &["0"],
        'o' => &["0", "c"],
        '0' => &["O", "o"],
        'm' => &["rn"],
        'd' => &["cl"],
        'h' => &["li"],
        'w' => &["vv"],
        'n' => &["ri"],
        'e' => &["c", "é"],
        'c' => &["e"],
        'a' => &["o", "e"],
        'u' => &["ii", "v"],
        't' => &["f"],
        'f' => &["t"],
        'S' => &["5", "$"],
        '5' => &["S"],
        'B' => &["8"],
        '8' => &["B"],
        'Z' => &["2"],
        '2' => &["Z"],
        '§' => &["S", "$", "5", "8", "&"],
        '.' => &[",", ":"],
        ',' => &["."],
        ')' => &["]", "}", "J"],
        '-' => &["—", "~", "_"],
        '–' => &["-", "—"],
        ':' => &[";", "."],
        _ => return None,
    })
}

/// `text` as OCR might have read it, the same for the same seed.
pub fn damage(text: &str, seed: u64, how: &Damage) -> String {
    let mut rng = Rng::new(seed);
    // Characters first, line by line.
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut out = String::with_capacity(line.len() + 8);
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let between_words = i > 0
                    && chars[i - 1].is_alphanumeric()
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if between_words && rng.chance(how.lose_spaces) {
                    continue;
                }
            } else if let Some(choices) = diacritic_lookalikes(c) {
                if rng.chance(how.diacritics) {
                    out.push_str(rng.pick(choices));
                    continue;
                }
            } else if let Some(choices) = lookalikes(c)
                && rng.chance(how.lookalikes)
            {
                out.push_str(rng.pick(choices));
                continue;
            }
            out.push(c);
        }
        lines.push(out);
    }
    // Then lines split at a space, or joined to the next.
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i].clone();
        if rng.chance(how.split_lines) {
            let spaces: Vec<usize> = line.match_indices(' ').map(|(at, _)| at).collect();
            if !spaces.is_empty() {
                let at = spaces[(rng.next() % spaces.len() as u64) as usize];
                line.replace_range(at..at + 1, "\n");
            }
        }
        out.push_str(&line);
        if i + 1 < lines.len() && !lines[i + 1].trim().is_empty() && !line.trim().is_empty() {
            out.push(if rng.chance(how.join_lines) {
                ' '
            } else {
                '\n'
            });
        } else {
            out.push('\n');
        }
        i += 1;
    }
    out
}

/// The share of `clean`'s words (split at whitespace) that `repaired` keeps
/// in order: the length of their longest common subsequence of words over
/// the number of words in `clean`. 1.0 when `clean` has no words.
pub fn word_accuracy(clean: &str, repaired: &str) -> f64 {
    let a: Vec<&str> = clean.split_whitespace().collect();
    let b: Vec<&str> = repaired.split_whitespace().collect();
    if a.is_empty() {
        return 1.0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for wa in &a {
        let mut diagonal = 0;
        for (j, wb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if wa == wb {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as f64 / a.len() as f64
}

/// What an import keeps of minutes, as words to compare: the header's title,
/// date, times, place and people (when `header`), every item's number, title
/// and body, the next meetings and the note taker.
pub fn imported_words(m: &super::ParsedMinutes, header: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    if header {
        out.extend(m.title.clone());
        out.extend(m.date.map(|d| d.to_string()));
        out.extend(m.start_time.map(|t| t.format("%H:%M").to_string()));
        out.extend(m.end_time.map(|t| t.format("%H:%M").to_string()));
        out.extend(m.place.clone());
        for p in &m.participants {
            out.push(p.name.clone());
            out.extend(p.role.clone());
            out.extend(p.organisation.clone());
        }
        out.extend(m.adjusters.iter().cloned());
        out.extend(m.secretary.clone());
        out.extend(m.chair.clone());
    }
    for item in &m.items {
        out.push(format!("{}. {}", item.number, item.title));
        out.push(item.body.clone());
    }
    for next in &m.next_meetings {
        out.extend(next.date.map(|d| d.to_string()));
        out.push(next.text.clone());
    }
    if let Some(n) = &m.note_taker {
        out.push(n.name.clone());
        out.extend(n.role.clone());
    }
    out.join("\n")
}
