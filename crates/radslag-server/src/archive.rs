//! `radslag import DIR --into automerge:<id> --relay ws://HOST/sync`: every
//! file under a folder read as minutes and written into a workspace through
//! the relay, as a sync client of the stock automerge-repo protocol (the
//! core's `SyncClient` over a WebSocket); `--dry-run` reads and reports the
//! same without a workspace.
//!
//! A line per file says what happened — imported, skipped as a duplicate
//! (the same date and title as a meeting in the workspace or earlier in the
//! folder; a file without a title and a meeting on its date are taken to be
//! the same), or refused and why — then a summary. Nothing is written into a
//! workspace of a newer schema than this program knows, and the program
//! exits only once the relay has acknowledged every change.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail};
use futures::{SinkExt, StreamExt};
use radslag_core::WorkspaceDoc;
use radslag_core::meetings::import::{
    ImportDraft, KnownMeetings, SeenIn, build, date_in_name, import_into,
};
use radslag_core::model::{Group, Meeting};
use radslag_core::sync::{DocumentId, Event, SyncClient};
use tokio_tungstenite::tungstenite::Message as WsMessage;

use crate::import_cmd;

pub struct Options {
    pub path: PathBuf,
    /// `automerge:<id>` (or the bare id) of the workspace to write into.
    pub into: Option<String>,
    pub relay: Option<String>,
    pub dry_run: bool,
    pub year: Option<i32>,
    /// How long to wait for the relay.
    pub timeout: Duration,
}

/// What became of one file.
enum Outcome {
    Imported(String),
    Duplicate(String),
    Refused(String),
}

/// Every file under `dir`, sorted, hidden ones left out.
fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))?;
        for entry in entries {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The workspace state the import writes into.
struct Target<'a> {
    ws: &'a mut WorkspaceDoc,
    groups: Vec<Group>,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Reads one file and, when it is new minutes, writes it into `target`.
fn import_one(
    path: &Path,
    root: &Path,
    year: Option<i32>,
    seen: &mut KnownMeetings,
    target: &mut Option<Target>,
) -> Outcome {
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    let (minutes, scanned) = match import_cmd::read(path, year) {
        Ok(read) => read,
        Err(e) => {
            // The reason, without the path the line already shows.
            let message = e.to_string();
            let message = message
                .strip_prefix(&format!("{}: ", path.display()))
                .unwrap_or(&message)
                .to_owned();
            return Outcome::Refused(message);
        }
    };
    let groups = target
        .as_ref()
        .map(|t| t.groups.clone())
        .unwrap_or_default();
    let mut draft = ImportDraft::from_parsed(&minutes, &groups);
    let mut from_name = false;
    if draft.date.is_none() {
        let Some(date) = date_in_name(&path.to_string_lossy()) else {
            return Outcome::Refused(
                "the text gives no date (a scan often lacks the header): put the date in the file's \
                 name, e.g. 2023-02-07.pdf, or import it in the app"
                    .to_owned(),
            );
        };
        draft.set_date(Some(date));
        from_name = true;
    }
    let date = draft.date.expect("dated above");
    let title_shown = if draft.title.trim().is_empty() {
        "(no title)".to_owned()
    } else {
        format!("«{}»", draft.title.trim())
    };
    if let Some(earlier) = seen.find(date, &draft.title) {
        let earlier = match earlier {
            SeenIn::Workspace(_) => "a meeting in the workspace",
            SeenIn::File(name) => name,
        };
        return Outcome::Duplicate(format!(
            "{date} {title_shown}: the same date and title as {earlier}"
        ));
    }
    seen.add(date, &draft.title, SeenIn::File(shown.clone()));
    let imported = match target.as_mut() {
        Some(t) => match import_into(t.ws, &draft, true) {
            Ok(imported) => {
                t.ws.commit(now_ms());
                imported
            }
            Err(e) => return Outcome::Refused(format!("could not be written: {e}")),
        },
        None => build(&draft, &[], &groups, None, true),
    };
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut notes = vec![count(imported.meeting.agenda.len(), "item", "items")];
    notes.push(count(imported.new_people.len(), "new person", "new people"));
    if !imported.next_meetings.is_empty() {
        notes.push(count(
            imported.next_meetings.len(),
            "next meeting",
            "next meetings",
        ));
    }
    if scanned {
        notes.push("read by OCR".to_owned());
    }
    if minutes.ocr_repaired {
        notes.push("OCR damage repaired, check the text".to_owned());
    }
    if from_name {
        notes.push("date from the file name".to_owned());
    }
    Outcome::Imported(format!("{date} {title_shown} ({})", notes.join(", ")))
}

pub fn run(options: Options) -> anyhow::Result<()> {
    if options.dry_run && options.into.is_some() {
        bail!("--dry-run writes nothing: leave out --into, or --dry-run");
    }
    if !options.dry_run && options.into.is_none() {
        bail!("say where to write: --into automerge:<id> --relay ws://HOST/sync, or --dry-run");
    }
    let files = files_under(&options.path)?;
    let root = if options.path.is_dir() {
        options.path.clone()
    } else {
        options
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;

    let mut connection = None;
    let mut ws = None;
    if let Some(into) = &options.into {
        let relay = options
            .relay
            .as_deref()
            .ok_or_else(|| anyhow!("--into needs --relay ws://HOST/sync"))?;
        let id = DocumentId::parse_url(into)
            .or_else(|_| DocumentId::parse(into))
            .map_err(|e| anyhow!("{into} is not a workspace id (automerge:…): {e}"))?;
        let (c, doc) = runtime.block_on(Connection::open(relay, id, options.timeout))?;
        connection = Some(c);
        ws = Some(doc);
    }

    let mut seen = KnownMeetings::default();
    let mut target = ws.as_mut().map(|ws| {
        seen = KnownMeetings::of_workspace(&ws.list::<Meeting>());
        let groups = ws.list::<Group>();
        Target { ws, groups }
    });

    let (mut imported, mut duplicates, mut refused) = (0, 0, 0);
    for path in &files {
        let shown = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let line = match import_one(path, &root, options.year, &mut seen, &mut target) {
            Outcome::Imported(what) => {
                imported += 1;
                format!("imported   {shown}: {what}")
            }
            Outcome::Duplicate(what) => {
                duplicates += 1;
                format!("duplicate  {shown}: {what}")
            }
            Outcome::Refused(why) => {
                refused += 1;
                format!("refused    {shown}: {why}")
            }
        };
        println!("{line}");
    }
    let mut summary = format!(
        "{} files: {imported} imported, {duplicates} skipped as duplicates, {refused} refused",
        files.len()
    );
    if let (Some(mut c), Some(ws)) = (connection, ws.as_mut()) {
        runtime.block_on(c.push(ws, options.timeout))?;
        summary.push_str(&format!(
            "; written to {} through {}, acknowledged by the relay",
            c.id.to_url(),
            c.url
        ));
    } else {
        summary.push_str(" (dry run: nothing written)");
    }
    println!("{summary}");
    Ok(())
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// One connection to the relay, syncing one workspace.
struct Connection {
    socket: Socket,
    client: SyncClient,
    id: DocumentId,
    url: String,
}

impl Connection {
    async fn send(&mut self, frames: Vec<Vec<u8>>) -> anyhow::Result<()> {
        for frame in frames {
            self.socket
                .send(WsMessage::Binary(frame.into()))
                .await
                .context("the relay closed the connection")?;
        }
        Ok(())
    }

    /// The next binary frame, or an error at the deadline or on close.
    async fn next_frame(
        &mut self,
        deadline: Instant,
        waiting_for: &str,
    ) -> anyhow::Result<Vec<u8>> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = tokio::time::timeout(left, self.socket.next())
                .await
                .map_err(|_| anyhow!("the relay did not answer in time ({waiting_for})"))?;
            match message {
                Some(Ok(WsMessage::Binary(data))) => return Ok(data.to_vec()),
                Some(Ok(WsMessage::Close(_))) | None => {
                    bail!("the relay closed the connection ({waiting_for})")
                }
                Some(Ok(_)) => continue,
                Some(Err(e)) => bail!("the connection to the relay failed: {e}"),
            }
        }
    }

    /// Connects, fetches the workspace and checks that it is one this
    /// program can write into.
    async fn open(
        url: &str,
        id: DocumentId,
        timeout: Duration,
    ) -> anyhow::Result<(Connection, WorkspaceDoc)> {
        let (socket, _) = tokio::time::timeout(timeout, tokio_tungstenite::connect_async(url))
            .await
            .map_err(|_| anyhow!("cannot connect to {url}: timed out"))?
            .with_context(|| format!("cannot connect to {url}"))?;
        let peer = format!("radslag-import-{}", uuid_like());
        let mut c = Connection {
            socket,
            client: SyncClient::new(peer),
            id,
            url: url.to_owned(),
        };
        let mut raw = automerge::AutoCommit::new();
        let frames = c.client.connected();
        c.send(frames).await?;
        let deadline = Instant::now() + timeout;
        let frames = c.client.add_document(id, None, &mut (id, &mut raw));
        c.send(frames).await?;
        loop {
            let frame = c.next_frame(deadline, "fetching the workspace").await?;
            let received = c
                .client
                .receive(&frame, &mut (id, &mut raw))
                .map_err(|e| anyhow!("the relay sent something unreadable: {e}"))?;
            for event in &received.events {
                match event {
                    Event::Unavailable { .. } => {
                        bail!("the relay has no workspace {}", id.to_url())
                    }
                    Event::RemoteError { message } => bail!("the relay refused: {message}"),
                    _ => {}
                }
            }
            c.send(received.send).await?;
            let have_theirs = c.client.remote_heads(&id).is_some_and(|h| !h.is_empty());
            if have_theirs && c.client.is_synced(&id, &mut (id, &mut raw)) {
                break;
            }
        }
        let ws = WorkspaceDoc::load(&raw.save()).map_err(|e| {
            anyhow!(
                "{} cannot be written into: {e}; nothing was imported",
                id.to_url()
            )
        })?;
        // The app opens such a workspace at its last readable state; an
        // import must not write into a shape it does not know.
        if let Some(problem) = ws.unreadable() {
            bail!(
                "{} cannot be written into: {}; nothing was imported",
                id.to_url(),
                problem.reason
            );
        }
        Ok((c, ws))
    }

    /// Sends every change and waits until the relay has acknowledged them.
    async fn push(&mut self, ws: &mut WorkspaceDoc, timeout: Duration) -> anyhow::Result<()> {
        let id = self.id;
        let frames = self.client.local_change(&id, &mut (id, &mut *ws));
        self.send(frames).await?;
        let deadline = Instant::now() + timeout;
        while !self.client.is_synced(&id, &mut (id, &mut *ws)) {
            let frame = self
                .next_frame(deadline, "waiting for it to acknowledge the import")
                .await?;
            let received = self
                .client
                .receive(&frame, &mut (id, &mut *ws))
                .map_err(|e| anyhow!("the relay sent something unreadable: {e}"))?;
            self.send(received.send).await?;
        }
        let leave = self.client.leave();
        let _ = self.send(vec![leave]).await;
        let _ = self.socket.close(None).await;
        Ok(())
    }
}

/// A random enough peer id without another dependency.
fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}-{:x}", nanos, std::process::id())
}
