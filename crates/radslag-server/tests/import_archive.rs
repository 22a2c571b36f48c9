//! `radslag import DIR --into automerge:<id> --relay ws://…/sync` against a
//! real `radslag serve`: a folder of mixed files (text, a .docx, a text PDF,
//! a scan when tesseract is installed, a duplicate, files that are not
//! minutes) written into a workspace, read back by a stock
//! `@automerge/automerge-repo` client (Node); run again, everything is a
//! duplicate; a workspace of a newer schema is refused. Needs `npm ci` in
//! tests/interop, unless `RADSLAG_SKIP_INTEROP=1` says to skip.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use automerge::{AutoCommit, ROOT, transaction::Transactable as _};
use common::{Peer, Server};
use radslag_core::WorkspaceDoc;
use radslag_core::ids::GroupId;
use radslag_core::minutes_import::files::fixtures;
use radslag_core::model::{Group, WorkspaceInfo};
use radslag_core::sync::DocumentId;

fn interop_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/interop"));
    if dir.join("node_modules/@automerge/automerge-repo").is_dir() {
        Some(dir)
    } else if std::env::var_os("RADSLAG_SKIP_INTEROP").is_some() {
        eprintln!("\n*** SKIPPED (RADSLAG_SKIP_INTEROP): needs (cd tests/interop && npm ci) ***\n");
        None
    } else {
        panic!(
            "needs the npm packages: (cd tests/interop && npm ci), or set RADSLAG_SKIP_INTEROP=1"
        );
    }
}

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples")
        .join(name)
}

fn radslag(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_radslag"))
        .arg("import")
        .arg(dir)
        .args(args)
        .output()
        .expect("radslag runs")
}

fn has(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

const DOCX_ITEMS: &[(Option<u32>, &str)] = &[
    (Some(0), "Mötets öppnande"),
    (None, "Ordföranden hälsar välkommen."),
    (Some(0), "Lägesbild"),
    (
        Some(1),
        "Skolan upplever att stämningen har blivit lugnare.",
    ),
    (Some(1), "Fritidsgården har haft fler besökare."),
    (Some(0), "Nästa möte"),
    (
        None,
        "16 april klockan 15-16 för Klara-gruppen på Fritidsgården.",
    ),
];

const PDF_LINES: &[&str] = &[
    "MINNESANTECKNINGAR",
    "Trygghetsrådet höstmöte",
    "",
    "Datum 2023-09-12",
    "Plats Kommunhuset, sal Alnön",
    "Deltagare Moa Magnusson, Josef Wiklund, Tora Åström",
    "",
    "1. Uppföljning av åtgärder",
    "Belysningen vid badplatsen är åtgärdad.",
    "2. Övriga frågor",
    "Inga övriga frågor.",
    "3. Nästa möte",
    "14 november klockan 13-15 för Trygghetsrådet i Kommunhuset.",
    "",
    "Vid pennan",
    "Moa Magnusson, folkhälsostrateg",
];

/// The folder: what each file is expected to give ("imported", "duplicate",
/// "refused").
fn archive(dir: &Path, scan: bool) -> Vec<(&'static str, &'static str)> {
    let mut expected = Vec::new();
    let sub = dir.join("2023");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(
        example("minutes-2023-02-07.pdf.txt"),
        sub.join("minutes-2023-02-07.pdf.txt"),
    )
    .unwrap();
    expected.push(("2023/minutes-2023-02-07.pdf.txt", "imported"));
    // The scan of the same minutes, as OCR text: the same meeting.
    std::fs::copy(
        example("minutes-2023-02-07.ocr.txt"),
        sub.join("minutes-2023-02-07.scan.txt"),
    )
    .unwrap();
    expected.push(("2023/minutes-2023-02-07.scan.txt", "duplicate"));
    std::fs::write(
        dir.join("klara-2024-03-19.docx"),
        fixtures::docx(
            &[
                ("Datum", "2024-03-19"),
                ("Plats", "Fritidsgården Blåvingen"),
                ("Närvarande", "Sara Lindqvist\nJonas Öberg"),
            ],
            DOCX_ITEMS,
        ),
    )
    .unwrap();
    expected.push(("klara-2024-03-19.docx", "imported"));
    std::fs::write(sub.join("hostmote.pdf"), fixtures::pdf(PDF_LINES)).unwrap();
    expected.push(("2023/hostmote.pdf", "imported"));
    std::fs::write(dir.join("inkop.txt"), "Mjölk\nBröd\nÄgg\n").unwrap();
    expected.push(("inkop.txt", "refused"));
    std::fs::write(
        dir.join("gammal.doc"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
    )
    .unwrap();
    expected.push(("gammal.doc", "refused"));
    if scan {
        // A scan: the text PDF of other minutes, rendered to an image.
        let lines: Vec<String> = PDF_LINES
            .iter()
            .map(|l| {
                l.replace("2023-09-12", "2023-10-10")
                    .replace("höstmöte", "oktobermöte")
            })
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let pdf = dir.join("oktober.pdf");
        std::fs::write(&pdf, fixtures::pdf(&lines)).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-r", "200", "-png", "-singlefile"])
            .arg(&pdf)
            .arg(dir.join("skannat-oktober"))
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::remove_file(&pdf).unwrap();
        expected.push(("skannat-oktober.png", "imported"));
    }
    expected.sort();
    expected
}

fn lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn outcome_of<'a>(lines: &'a [String], file: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.split_whitespace().nth(1) == Some(&format!("{file}:")))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_else(|| panic!("no line for {file}: {lines:#?}"))
}

/// The document as a stock automerge-repo client reads it from the relay.
fn node_dump(dir: &Path, ws_url: &str, id: DocumentId) -> serde_json::Value {
    let out = Command::new("node")
        .arg("peer.mjs")
        .args(["dump", ws_url, &id.to_url()])
        .current_dir(dir)
        .output()
        .expect("node is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8_lossy(&out.stdout);
    let value: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    value["doc"].clone()
}

async fn workspace_on(server: &Server, doc: AutoCommit) -> DocumentId {
    let id = DocumentId::random();
    let mut peer = Peer::connect(&server.url(), "creator", id, doc).await;
    peer.wait_synced(20).await;
    id
}

fn council() -> AutoCommit {
    let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
        name: "Trygghetsrådet och Klara-gruppen".into(),
        organisation: "Ånge kommun".into(),
    })
    .unwrap();
    for (id, name) in [("t", "Trygghetsrådet"), ("k", "Klara-gruppen")] {
        ws.put(&Group {
            id: GroupId::from(id),
            name: name.into(),
            description: String::new(),
        })
        .unwrap();
    }
    ws.commit(0);
    AutoCommit::load(&ws.save()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_of_mixed_files_into_a_workspace_through_the_relay() {
    let Some(interop) = interop_dir() else { return };
    let scan = has("tesseract", "--version") && has("pdftoppm", "-v");
    if !scan {
        eprintln!("(no tesseract or pdftoppm: the folder has no scan)");
    }
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let id = workspace_on(&server, council()).await;
    let folder = tempfile::tempdir().unwrap();
    let expected = archive(folder.path(), scan);

    // A dry run writes nothing and says the same.
    let dry = tokio::task::spawn_blocking({
        let dir = folder.path().to_owned();
        move || radslag(&["--dry-run"], &dir)
    })
    .await
    .unwrap();
    assert!(
        dry.status.success(),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let dry_lines = lines(&dry);
    for (file, outcome) in &expected {
        assert_eq!(outcome_of(&dry_lines, file), *outcome, "{dry_lines:#?}");
    }

    let url = server.url();
    let out = tokio::task::spawn_blocking({
        let dir = folder.path().to_owned();
        let (url, into) = (url.clone(), id.to_url());
        move || radslag(&["--into", &into, "--relay", &url], &dir)
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out_lines = lines(&out);
    for (file, outcome) in &expected {
        assert_eq!(outcome_of(&out_lines, file), *outcome, "{out_lines:#?}");
    }
    let imported = expected.iter().filter(|(_, o)| *o == "imported").count();
    let summary = out_lines.last().unwrap();
    assert!(
        summary.starts_with(&format!(
            "{} files: {imported} imported, 1 skipped as duplicates, 2 refused",
            expected.len()
        )),
        "{summary}"
    );
    assert!(summary.contains("acknowledged by the relay"), "{summary}");
    assert!(
        outcome_line(&out_lines, "inkop.txt").contains("does not look like minutes"),
        "{out_lines:#?}"
    );

    // What a stock automerge-repo client reads from the relay.
    let doc = tokio::task::spawn_blocking({
        let (interop, url) = (interop.clone(), url.clone());
        move || node_dump(&interop, &url, id)
    })
    .await
    .unwrap();
    let meetings = doc["meetings"].as_object().expect("meetings");
    let mut dated: Vec<(String, String)> = meetings
        .values()
        .map(|m| {
            (
                m["date"].as_str().unwrap_or_default().to_owned(),
                m["title"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    dated.sort();
    let has_meeting =
        |date: &str, title: &str| dated.iter().any(|(d, t)| d == date && t.contains(title));
    assert!(
        has_meeting(
            "2023-02-07",
            "Trygghetsrådet och Klara-gruppen utvärderar och planerar"
        ),
        "{dated:#?}"
    );
    assert!(
        has_meeting("2023-09-12", "Trygghetsrådet höstmöte"),
        "{dated:#?}"
    );
    assert!(has_meeting("2024-03-19", ""), "{dated:#?}");
    // The next meetings the minutes announce: 11 May (two groups), 14
    // November, 16 April.
    assert!(has_meeting("2023-05-11", "Klara-gruppen"), "{dated:#?}");
    assert!(has_meeting("2023-05-11", "Trygghetsrådet"), "{dated:#?}");
    assert!(has_meeting("2023-11-14", ""), "{dated:#?}");
    assert!(has_meeting("2024-04-16", ""), "{dated:#?}");
    if scan {
        assert!(has_meeting("2023-10-10", "oktobermöte"), "{dated:#?}");
    }
    let people: Vec<String> = doc["people"]
        .as_object()
        .unwrap()
        .values()
        .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    for name in [
        "Lena Bjelkström",
        "Moa Magnusson",
        "Sara Lindqvist",
        "Jonas Öberg",
    ] {
        assert_eq!(
            people.iter().filter(|p| *p == name).count(),
            1,
            "{name} once: {people:#?}"
        );
    }
    let expected_meetings = 3 + 4 + usize::from(scan) * 2;
    assert_eq!(meetings.len(), expected_meetings, "{dated:#?}");

    // Again: everything is there already.
    let again = tokio::task::spawn_blocking({
        let dir = folder.path().to_owned();
        let (url, into) = (url.clone(), id.to_url());
        move || radslag(&["--into", &into, "--relay", &url], &dir)
    })
    .await
    .unwrap();
    assert!(again.status.success());
    let again_lines = lines(&again);
    for (file, outcome) in &expected {
        let now = if *outcome == "refused" {
            "refused"
        } else {
            "duplicate"
        };
        assert_eq!(outcome_of(&again_lines, file), now, "{again_lines:#?}");
    }
}

fn outcome_line<'a>(lines: &'a [String], file: &str) -> &'a str {
    lines
        .iter()
        .find(|l| l.split_whitespace().nth(1) == Some(&format!("{file}:")))
        .map(String::as_str)
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_of_a_newer_schema_or_an_unknown_id_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let mut newer = council();
    newer.put(ROOT, "schemaVersion", 99u64).unwrap();
    newer.commit();
    let id = workspace_on(&server, newer).await;
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        example("minutes-2023-02-07.pdf.txt"),
        folder.path().join("m.txt"),
    )
    .unwrap();
    let url = server.url();
    let unknown = DocumentId::random();
    let outs = tokio::task::spawn_blocking({
        let dir = folder.path().to_owned();
        move || {
            [id, unknown].map(|id| {
                radslag(
                    &["--into", &id.to_url(), "--relay", &url, "--timeout", "20"],
                    &dir,
                )
            })
        }
    })
    .await
    .unwrap();
    let [newer_out, unknown_out] = outs;
    assert!(!newer_out.status.success());
    let stderr = String::from_utf8_lossy(&newer_out.stderr);
    assert!(stderr.contains("newer Rådslag"), "{stderr}");
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(
        newer_out.stdout.is_empty(),
        "no file is read before the check"
    );
    assert!(!unknown_out.status.success());
    let stderr = String::from_utf8_lossy(&unknown_out.stderr);
    assert!(stderr.contains("has no workspace"), "{stderr}");
}
