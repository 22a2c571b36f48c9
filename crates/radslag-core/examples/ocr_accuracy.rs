//! Word accuracy of the minutes parser on OCR text: the example scan against
//! the PDF of the same minutes, and clean minutes damaged the way OCR does
//! (`minutes_import::ocr_damage`) over many seeds.
//!
//!     cargo run --release -p radslag-core --example ocr_accuracy [SEEDS] [FILE…]
//!
//! Each FILE (clean minutes as text) is measured on its own too: minutes the
//! repair was not tuned on.
//!
//! The words compared are what an import keeps: header fields, items
//! (number, title, body), next meetings and note taker. A text refused as
//! "not minutes" keeps nothing (0 %).

use radslag_core::minutes_import::ocr_damage::{Damage, damage, imported_words, word_accuracy};
use radslag_core::minutes_import::parse_minutes;

const SAMPLES: [(&str, &str); 4] = [
    (
        "protokoll-ks-au",
        include_str!("../testdata/minutes/protokoll-ks-au.txt"),
    ),
    (
        "klara-gruppen-2024-03",
        include_str!("../testdata/minutes/klara-gruppen-2024-03.txt"),
    ),
    (
        "trygghetsradet-2023-09",
        include_str!("../testdata/minutes/trygghetsradet-2023-09.txt"),
    ),
    (
        "folkhalsoradet-2022-05",
        include_str!("../testdata/minutes/folkhalsoradet-2022-05.txt"),
    ),
];

fn example(name: &str) -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples")
        .join(name);
    std::fs::read_to_string(path).ok()
}

fn main() {
    let seeds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);

    match (
        example("minutes-2023-02-07.pdf.txt"),
        example("minutes-2023-02-07.ocr.txt"),
    ) {
        (Some(pdf), Some(ocr)) => {
            let clean = imported_words(
                &parse_minutes(&pdf, None).expect("the PDF is minutes"),
                false,
            );
            let read = parse_minutes(&ocr, Some(2023))
                .map(|m| imported_words(&m, false))
                .unwrap_or_default();
            if std::env::var_os("OCR_PAIR").is_some() {
                let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join("\n");
                std::fs::write("/tmp/pair-clean.txt", words(&clean)).unwrap();
                std::fs::write("/tmp/pair-read.txt", words(&read)).unwrap();
            }
            println!(
                "example pair (OCR against PDF, items, next meetings, note taker): {:.2} %",
                100.0 * word_accuracy(&clean, &read)
            );
        }
        _ => println!("example pair: ../shared/examples not found, skipped"),
    }

    // OCR_TEXT=… prints what the parser reads of a text.
    if let Ok(text) = std::env::var("OCR_TEXT") {
        match parse_minutes(&text, Some(2023)) {
            Ok(m) => println!("{}", imported_words(&m, true)),
            Err(e) => println!("refused: {e}"),
        }
        return;
    }
    // OCR_SHOW=name:seed prints one damaged text and what was read of it.
    if let Some((name, seed)) = std::env::var("OCR_SHOW")
        .ok()
        .as_deref()
        .and_then(|s| s.split_once(':'))
    {
        let text = SAMPLES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.to_string())
            .or_else(|| example("minutes-2023-02-07.pdf.txt"))
            .unwrap();
        let damaged = damage(&text, seed.parse().unwrap(), &Damage::TYPICAL);
        println!("{damaged}\n-----");
        match parse_minutes(&damaged, Some(2023)) {
            Ok(m) => println!("{}", imported_words(&m, true)),
            Err(e) => println!("refused: {e}"),
        }
        println!(
            "-----\n{}",
            imported_words(&parse_minutes(&text, Some(2023)).unwrap(), true)
        );
        return;
    }
    let mut documents: Vec<(String, String)> = SAMPLES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    if let Some(pdf) = example("minutes-2023-02-07.pdf.txt") {
        documents.push(("example PDF".to_owned(), pdf));
    }
    let extra: Vec<(String, String)> = std::env::args()
        .skip(2)
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a text file");
            (path, text)
        })
        .collect();
    let mut runs = vec![("all samples".to_owned(), documents.clone())];
    for file in &extra {
        runs.push((file.0.clone(), vec![file.clone()]));
    }
    for (set, documents) in &runs {
        println!("{set}:");
        measure(documents, seeds);
    }
}

fn measure(documents: &[(String, String)], seeds: u64) {
    for (label, how) in [("typical", Damage::TYPICAL), ("heavy", Damage::HEAVY)] {
        let (mut sum, mut n, mut min, mut refused, mut same_items) = (0.0, 0, f64::MAX, 0, 0);
        let mut worst = String::new();
        for (name, text) in documents {
            let clean_parse = parse_minutes(text, Some(2023)).expect("the sample is minutes");
            let clean = imported_words(&clean_parse, true);
            for seed in 0..seeds {
                let damaged = damage(text, seed, &how);
                let (read, items) = match parse_minutes(&damaged, Some(2023)) {
                    Ok(m) => (
                        imported_words(&m, true),
                        m.items.iter().map(|i| i.number).collect::<Vec<_>>(),
                    ),
                    Err(_) => {
                        refused += 1;
                        (String::new(), Vec::new())
                    }
                };
                if items
                    == clean_parse
                        .items
                        .iter()
                        .map(|i| i.number)
                        .collect::<Vec<_>>()
                {
                    same_items += 1;
                }
                let accuracy = word_accuracy(&clean, &read);
                if accuracy < min {
                    min = accuracy;
                    worst = format!("{name} seed {seed}");
                }
                sum += accuracy;
                n += 1;
            }
        }
        println!(
            "generated damage, {label} ({how:?}): mean {:.2} %, worst {:.2} % ({worst}), refused {refused}/{n}, same item numbers {same_items}/{n}",
            100.0 * sum / n as f64,
            100.0 * min,
        );
    }
}
