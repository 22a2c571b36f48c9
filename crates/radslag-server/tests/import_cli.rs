//! `radslag import FILE [--json]` on the shared examples and on a file that
//! is not minutes, through the built binary.

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
    let binary = dir.path().join("scan.pdf");
    std::fs::write(&binary, b"%PDF-1.7\n\xff\xfe\x00\x01 binary").unwrap();
    let cases = [
        (list, "does not look like minutes"),
        (binary, "not UTF-8"),
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
