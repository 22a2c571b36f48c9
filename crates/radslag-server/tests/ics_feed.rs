//! The calendar feed `GET /ics/<documentId>.ics`: a workspace synced to the
//! relay by a real client is served as an iCalendar file — everything, or
//! one group's — and follows later edits. (The core's tests read the same
//! output with a real iCalendar parser.)

mod common;

use automerge::AutoCommit;
use common::{Peer, Server};
use radslag_core::{
    WorkspaceDoc,
    ids::GroupId,
    model::{Group, WheelEvent, WorkspaceInfo},
    sync::DocumentId,
};

/// A wheel event from its JSON form (the server has no chrono of its own).
fn event(json: serde_json::Value) -> WheelEvent {
    let mut full = serde_json::json!({
        "id": "", "title": "", "category": null, "start": null, "end": null,
        "groups": [], "recurrence": "", "notes": "", "meeting": null
    });
    for (k, v) in json.as_object().unwrap() {
        full[k] = v.clone();
    }
    serde_json::from_value(full).unwrap()
}

fn workspace() -> WorkspaceDoc {
    let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
        name: "Trygghetsrådet och Klara-gruppen".into(),
        organisation: "Ånge kommun".into(),
    })
    .unwrap();
    for (id, name) in [("trygg", "Trygghetsrådet"), ("klara", "Klara-gruppen")] {
        ws.put(&Group {
            id: GroupId::from(id),
            name: name.into(),
            description: String::new(),
        })
        .unwrap();
    }
    ws.put(&event(serde_json::json!({
        "id": "eosm", "title": "End of summer meet", "category": "evenemang",
        "start": "2023-08-25", "end": "2023-08-27", "groups": ["klara"]
    })))
    .unwrap();
    ws.put(&event(serde_json::json!({
        "id": "kulturnatten", "title": "Kulturnatten", "category": "evenemang",
        "start": "2023-05-26", "end": "2023-05-26"
    })))
    .unwrap();
    ws.commit(0);
    ws
}

async fn get(url: String) -> (u16, String, String) {
    tokio::task::spawn_blocking(move || {
        let r = reqwest::blocking::get(url).unwrap();
        let status = r.status().as_u16();
        let kind = r
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, kind, r.text().unwrap())
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_synced_workspace_is_a_calendar_feed() {
    let data = tempfile::tempdir().unwrap();
    let server = Server::start(data.path(), &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let id = DocumentId::random();
    let mut ws = workspace();
    let doc = AutoCommit::load(&ws.save()).unwrap();
    let mut peer = Peer::connect(&server.url(), "moa", id, doc).await;
    peer.wait_synced(10).await;

    let (status, kind, all) = get(format!("{base}/ics/{id}.ics")).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(kind, "text/calendar; charset=utf-8");
    assert!(all.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(all.contains("SUMMARY:End of summer meet\r\n"));
    assert!(all.contains("DTSTART;VALUE=DATE:20230825\r\n"));
    assert!(all.contains("SUMMARY:Kulturnatten\r\n"));
    assert!(all.ends_with("END:VCALENDAR\r\n"));
    assert!(
        all.replace("\r\n ", "")
            .contains("X-WR-CALNAME:Årshjul – Trygghetsrådet och Klara-gruppen\r\n")
    );
    assert_eq!(all.matches("BEGIN:VEVENT\r\n").count(), 2);
    assert_eq!(all.matches("END:VEVENT\r\n").count(), 2);
    assert!(all.split("\r\n").all(|line| line.len() <= 75));

    // One group's feed: Klara-gruppen's event is not Trygghetsrådet's.
    let (status, _, trygg) = get(format!("{base}/ics/{id}.ics?group=trygg")).await;
    assert_eq!(status, 200);
    assert!(!trygg.contains("End of summer meet"));
    assert!(trygg.contains("SUMMARY:Kulturnatten\r\n"));

    // Later edits show up.
    peer.edit(|doc| {
        let mut ws = WorkspaceDoc::load(&doc.save()).unwrap();
        ws.put(&event(serde_json::json!({
            "id": "v40", "title": "Kampanjvecka",
            "start": "2023-10-02", "end": "2023-10-08"
        })))
        .unwrap();
        ws.commit(1);
        doc.load_incremental(&ws.save_incremental()).unwrap();
    });
    peer.wait_synced(10).await;
    let (_, _, later) = get(format!("{base}/ics/{id}.ics")).await;
    assert!(later.contains("SUMMARY:Kampanjvecka\r\n"), "{later}");

    // Unknown documents, bad ids and unknown groups are not found.
    let other = DocumentId::random();
    for path in [
        format!("/ics/{other}.ics"),
        "/ics/..%2F..%2Fetc%2Fpasswd.ics".to_owned(),
        "/ics/not-an-id.ics".to_owned(),
        format!("/ics/{id}.ics?group=nobody"),
    ] {
        let (status, _, _) = get(format!("{base}{path}")).await;
        assert_eq!(status, 404, "{path}");
    }
}
