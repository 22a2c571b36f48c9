//! The calendar feed `GET /ics/<token>.ics`: a workspace synced to the
//! relay by a real client is served as an iCalendar file — everything, or
//! one group's — and follows later edits; its URL carries a token of its
//! own (from `POST /ics/feeds`), never the document id, and a renewed token
//! makes the old URL not found. (The core's tests read the same output with
//! a real iCalendar parser.)

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

/// `POST /ics/feeds[?renew=1]` with `body`: the status and the token.
async fn feed_token(base: &str, body: String, renew: bool, origin: Option<&str>) -> (u16, String) {
    let url = format!("{base}/ics/feeds{}", if renew { "?renew=1" } else { "" });
    let origin = origin.map(str::to_owned);
    tokio::task::spawn_blocking(move || {
        let mut request = reqwest::blocking::Client::new().post(url).body(body);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        let r = request.send().unwrap();
        let status = r.status().as_u16();
        let text = r.text().unwrap();
        let token = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v["token"].as_str().map(str::to_owned))
            .unwrap_or_default();
        (status, token)
    })
    .await
    .unwrap()
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

    // The document id is not a feed URL; a token is.
    let (status, _, _) = get(format!("{base}/ics/{id}.ics")).await;
    assert_eq!(status, 404);
    let (status, token) = feed_token(&base, id.to_string(), false, None).await;
    assert_eq!(status, 200);
    assert_eq!(token.len(), 43, "{token}");
    assert!(!token.contains(&id.to_string()));
    assert_eq!(
        feed_token(&base, id.to_string(), false, None).await,
        (200, token.clone()),
        "the same until renewed"
    );
    let (status, kind, all) = get(format!("{base}/ics/{token}.ics")).await;
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
    let (status, _, trygg) = get(format!("{base}/ics/{token}.ics?group=trygg")).await;
    assert_eq!(status, 200);
    assert!(!trygg.contains("End of summer meet"));
    assert!(trygg.contains("SUMMARY:Kulturnatten\r\n"));

    // Later edits show up.
    peer.edit(|doc| {
        let mut ws = WorkspaceDoc::load(&doc.save()).unwrap();
        ws.put(&event(serde_json::json!({
            "id": "v40", "title": "Kampanjvecka",
            "start": "2023-10-02", "end": "2023-10-08",
            "recurrence": r#"{"freq":"isoWeekYearly","interval":1,"byIsoWeek":40}"#
        })))
        .unwrap();
        ws.put(&event(serde_json::json!({
            "id": "manad", "title": "Månadsträff",
            "start": "2024-01-15", "end": "2024-01-15",
            "recurrence": r#"{"freq":"monthly","interval":1}"#
        })))
        .unwrap();
        ws.commit(1);
        doc.load_incremental(&ws.save_incremental()).unwrap();
    });
    peer.wait_synced(10).await;
    let (_, _, later) = get(format!("{base}/ics/{token}.ics")).await;
    assert!(later.contains("SUMMARY:Kampanjvecka\r\n"), "{later}");
    // The feed is the core's export: week 40 every year has no RRULE that
    // Outlook reads, so it is one event a year with its own UID; the
    // monthly one keeps a plain RRULE.
    assert!(later.contains("UID:v40-20231002@radslag\r\n"), "{later}");
    assert!(later.contains("UID:v40-20240930@radslag\r\n"), "{later}");
    assert!(later.contains("DTSTART;VALUE=DATE:20240930\r\n"), "{later}");
    assert!(
        later.contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=15\r\n"),
        "{later}"
    );
    for forbidden in ["BYWEEKNO", "BYSETPOS", "BYYEARDAY", "RDATE"] {
        assert!(!later.contains(forbidden), "{forbidden} in {later}");
    }
    assert!(later.split("\r\n").all(|line| line.len() <= 75));

    // Unknown documents, bad ids and unknown groups are not found.
    let other = DocumentId::random();
    for path in [
        format!("/ics/{other}.ics"),
        "/ics/..%2F..%2Fetc%2Fpasswd.ics".to_owned(),
        "/ics/not-an-id.ics".to_owned(),
        format!("/ics/{token}.ics?group=nobody"),
        format!("/ics/{id}.ics"),
    ] {
        let (status, _, _) = get(format!("{base}{path}")).await;
        assert_eq!(status, 404, "{path}");
    }

    // Only for stored workspaces, and not from another site's page.
    assert_eq!(
        feed_token(&base, other.to_string(), false, None).await.0,
        404
    );
    assert_eq!(
        feed_token(&base, "nonsense".into(), false, None).await.0,
        404
    );
    assert_eq!(
        feed_token(&base, id.to_string(), false, Some("https://evil.example"))
            .await
            .0,
        403
    );

    // Renewed: the old URL is gone, the new one works.
    let (status, renewed) = feed_token(&base, id.to_string(), true, None).await;
    assert_eq!(status, 200);
    assert_ne!(renewed, token);
    assert_eq!(get(format!("{base}/ics/{token}.ics")).await.0, 404);
    let (status, _, feed) = get(format!("{base}/ics/{renewed}.ics")).await;
    assert_eq!(status, 200);
    assert!(feed.contains("SUMMARY:Kampanjvecka\r\n"));

    // Neither the document id nor a token is in the log, nor in the
    // token store's file names.
    let names: Vec<String> = std::fs::read_dir(data.path().join(".feeds"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    for name in &names {
        assert!(
            !name.contains(&renewed) && !name.contains(&id.to_string()),
            "{name}"
        );
    }
    let log = server.log();
    assert!(log.contains("calendar feed renewed"), "{log}");
    for secret in [id.to_string(), token, renewed] {
        assert!(!log.contains(&secret), "{secret} in the log:\n{log}");
    }
}
