//! `radslag import FILE [--json]` on the shared examples, a .docx, a text
//! PDF, a scan without tesseract, and files that are not minutes, through the
//! built binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples")
        .join(name)
}

fn radslag(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_radslag"))
        .arg("import")
        .args(args)
        .output()
        .expect("radslag runs")
}

fn json_of(path: &std::path::Path) -> serde_json::Value {
    let out = radslag(&[path.as_os_str(), "--json".as_ref()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

const TITLES: [&str; 6] = [
    "Summering och utvärdering av 2022",
    "Framåtblick 2023, 2024, 2025 och 2026",
    "Lägesbildsarbete",
    "Årshjul 2023",
    "Övriga frågor",
    "Nästa möte",
];

fn titles(json: &serde_json::Value) -> Vec<String> {
    json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_pdf_text_as_json() {
    let json = json_of(&example("minutes-2023-02-07.pdf.txt"));
    assert_eq!(json["date"], "2023-02-07");
    assert_eq!(json["place"], "Corner, Medborgarhuset Ånge");
    assert_eq!(
        json["title"],
        "Trygghetsrådet och Klara-gruppen utvärderar och planerar"
    );
    assert_eq!(json["participants"].as_array().unwrap().len(), 18);
    assert_eq!(titles(&json), TITLES);
    assert_eq!(json["nextMeetings"][0]["date"], "2023-05-11");
    assert_eq!(json["nextMeetings"][0]["startTime"], "10:00:00");
    assert_eq!(json["nextMeetings"][1]["group"], "Trygghetsrådet");
    assert_eq!(json["noteTaker"]["name"], "Moa Magnusson");
    assert_eq!(json["missing"], serde_json::json!([]));
    assert_eq!(json["ocrRepaired"], false);
}

#[test]
fn the_ocr_text_as_json() {
    let json = json_of(&example("minutes-2023-02-07.ocr.txt"));
    assert_eq!(titles(&json), TITLES);
    assert_eq!(json["ocrRepaired"], true);
    assert_eq!(
        json["missing"],
        serde_json::json!(["date", "place", "participants", "title"])
    );
    assert_eq!(json["nextMeetings"][0]["group"], "Klara-gruppen");
    assert_eq!(
        json["noteTaker"]["role"],
        "folkhälsostrateg och samordnare för Trygghetsrådet och Klara-gruppen"
    );
}

#[test]
fn a_summary_without_json() {
    let out = radslag(&[example("minutes-2023-02-07.pdf.txt").as_os_str()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2023-02-07"), "{text}");
    assert!(
        text.contains("1. Summering och utvärdering av 2022 (7 bullets)"),
        "{text}"
    );
    assert!(
        text.contains("2023-05-11 10:00–12:00 Klara-gruppen (digitalt via Teams)"),
        "{text}"
    );
}

#[test]
fn not_minutes_missing_or_binary_files_fail_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("inkop.txt");
    std::fs::write(&list, "Mjölk\nBröd\nÄgg\n").unwrap();
    let broken_pdf = dir.path().join("scan.pdf");
    std::fs::write(&broken_pdf, b"%PDF-1.7\n\xff\xfe\x00\x01 binary").unwrap();
    let binary = dir.path().join("data.bin");
    std::fs::write(&binary, b"\x00\x01\x02\x03 binary \x00").unwrap();
    let cases = [
        (list, "does not look like minutes"),
        (broken_pdf, "the PDF cannot be read"),
        (binary, "contains no text"),
        (dir.path().join("missing.txt"), "cannot read"),
    ];
    for (path, message) in cases {
        for args in [
            vec![path.as_os_str()],
            vec![path.as_os_str(), "--json".as_ref()],
        ] {
            let out = radslag(&args);
            assert!(!out.status.success(), "{path:?} should fail");
            assert!(out.stdout.is_empty(), "nothing on stdout for {path:?}");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(message), "{path:?}: {stderr}");
        }
    }
}

use radslag_core::minutes_import::files::fixtures;

#[test]
fn a_docx_and_a_text_pdf_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("m.docx");
    std::fs::write(
        &docx,
        fixtures::docx(
            &[("Datum", "2024-03-19"), ("Plats", "Fritidsgården")],
            &[
                (Some(0), "Välkommen"),
                (None, "Sara hälsar välkommen."),
                (Some(0), "Övriga frågor"),
                (Some(1), "Inga."),
            ],
        ),
    )
    .unwrap();
    let json = json_of(&docx);
    assert_eq!(json["date"], "2024-03-19");
    assert_eq!(json["place"], "Fritidsgården");
    assert_eq!(titles(&json), ["Välkommen", "Övriga frågor"]);
    assert_eq!(json["items"][1]["body"], "- Inga.");

    let pdf = dir.path().join("m.pdf");
    std::fs::write(
        &pdf,
        fixtures::pdf(&[
            "PROTOKOLL",
            "Kommunstyrelsens arbetsutskott",
            "Datum 2023-03-14",
            "Plats Kommunhuset",
            "§ 21 Mötets öppnande",
            "Ordföranden förklarar mötet öppnat.",
            "§ 22 Övriga frågor",
            "Inga övriga frågor.",
        ]),
    )
    .unwrap();
    let json = json_of(&pdf);
    assert_eq!(json["date"], "2023-03-14");
    assert_eq!(titles(&json), ["Mötets öppnande", "Övriga frågor"]);
    assert_eq!(json["ocrRepaired"], false);
}

#[test]
fn a_scan_without_tesseract_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let image = dir.path().join("scan.png");
    std::fs::write(&image, b"\x89PNG\r\n\x1a\n not really").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_radslag"))
        .arg("import")
        .arg(&image)
        .env("RADSLAG_TESSERACT", dir.path().join("no-such-tesseract"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils"),
        "{stderr}"
    );
}

#[test]
fn a_folder_dry_run_writes_nothing_and_reports_each_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        example("minutes-2023-02-07.pdf.txt"),
        dir.path().join("a.txt"),
    )
    .unwrap();
    std::fs::copy(
        example("minutes-2023-02-07.pdf.txt"),
        dir.path().join("b.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.txt"), "Mjölk\n").unwrap();
    let out = radslag(&[dir.path().as_os_str(), "--dry-run".as_ref()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("imported   a.txt: 2023-02-07 «Trygghetsrådet"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("duplicate  b.txt: 2023-02-07"),
        "{text}"
    );
    assert!(
        lines[1].contains("the same date and title as a.txt"),
        "{text}"
    );
    assert!(lines[2].starts_with("refused    c.txt:"), "{text}");
    assert_eq!(
        lines[3],
        "3 files: 1 imported, 1 skipped as duplicates, 1 refused (dry run: nothing written)"
    );
    let out = radslag(&[dir.path().as_os_str()]);
    assert!(!out.status.success(), "a folder needs --into or --dry-run");
}
