//! The document's layout version and the migrations run at load.
//!
//! Version history:
//! - 0: documents without `schemaVersion`, as written by early prototypes:
//!   a meeting's agenda was one inline list of `{heading, body}` maps, so
//!   moving an item deleted and re-inserted it and lost concurrent typing.
//! - 1: agenda items and participants are maps keyed by id with a separate
//!   order list; every collection exists at the root. Added since, without
//!   a new version (older releases ignore root maps they don't know):
//!   `templates`, agenda templates, created with the default template on
//!   load when missing.

use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, Value, transaction::Transactable};

use crate::doc::DocError;
use crate::ids::AgendaItemId;

pub const SCHEMA_VERSION: u64 = 1;
pub(crate) const SCHEMA_VERSION_KEY: &str = "schemaVersion";
pub(crate) const WORKSPACE: &str = "workspace";
/// The root maps of a workspace, each keyed by entry id.
pub(crate) const COLLECTIONS: [&str; 9] = [
    // Replica (actor id, hex) → the person it writes for: who made a change.
    "actors",
    "groups",
    "people",
    "meetings",
    "actions",
    "categories",
    "wheelEvents",
    "dialogues",
    // Agenda templates (mötesmallar).
    "templates",
];

pub(crate) fn version(doc: &AutoCommit) -> u64 {
    match doc.get(ROOT, SCHEMA_VERSION_KEY) {
        Ok(Some((Value::Scalar(v), _))) => v.as_u64().unwrap_or(0),
        _ => 0,
    }
}

/// Lays out a brand-new document at the current version.
pub(crate) fn initialise(doc: &mut AutoCommit) -> Result<(), DocError> {
    doc.put(ROOT, SCHEMA_VERSION_KEY, SCHEMA_VERSION)?;
    doc.put_object(ROOT, WORKSPACE, ObjType::Map)?;
    for collection in COLLECTIONS {
        doc.put_object(ROOT, collection, ObjType::Map)?;
    }
    Ok(())
}

/// Brings a loaded document up to [`SCHEMA_VERSION`]. Refuses documents that
/// are not workspaces and documents from a newer release, which this one
/// would damage.
pub(crate) fn migrate(doc: &mut AutoCommit) -> Result<(), DocError> {
    let found = version(doc);
    if found > SCHEMA_VERSION {
        return Err(DocError::NewerSchema(found));
    }
    if doc.get(ROOT, WORKSPACE)?.is_none() {
        return Err(DocError::NotAWorkspace);
    }
    add_templates(doc)?;
    if found < 1 {
        migrate_0_to_1(doc)?;
    }
    Ok(())
}

/// Workspaces created before agenda templates existed get the collection,
/// with the default template under its fixed id, so two replicas adding it
/// write the same entry.
fn add_templates(doc: &mut AutoCommit) -> Result<(), DocError> {
    use crate::doc::Entity;
    if doc.get(ROOT, crate::model::Template::COLLECTION)?.is_some() {
        return Ok(());
    }
    let templates = doc.put_object(ROOT, crate::model::Template::COLLECTION, ObjType::Map)?;
    let template = crate::meetings::default_template();
    let obj = doc.put_object(&templates, template.id.as_str(), ObjType::Map)?;
    template.write(doc, &obj)
}

fn migrate_0_to_1(doc: &mut AutoCommit) -> Result<(), DocError> {
    for collection in COLLECTIONS {
        if doc.get(ROOT, collection)?.is_none() {
            doc.put_object(ROOT, collection, ObjType::Map)?;
        }
    }
    if let Some((_, meetings)) = doc.get(ROOT, "meetings")? {
        let ids: Vec<String> = doc.keys(&meetings).collect();
        for id in ids {
            if let Some((Value::Object(ObjType::Map), meeting)) = doc.get(&meetings, id.as_str())? {
                move_inline_agenda(doc, &meeting)?;
            }
        }
    }
    doc.put(ROOT, SCHEMA_VERSION_KEY, 1_u64)?;
    Ok(())
}

/// Version 0 kept `agenda: [{heading, body}]`; version 1 keeps
/// `agendaItems: {id: {heading, body}}` and `agendaOrder: [id]`.
fn move_inline_agenda(doc: &mut AutoCommit, meeting: &ObjId) -> Result<(), DocError> {
    let Some((Value::Object(ObjType::List), agenda)) = doc.get(meeting, "agenda")? else {
        return Ok(());
    };
    let old_items: Vec<ObjId> = doc.values(&agenda).map(|(_, obj)| obj).collect();
    let items = doc.put_object(meeting, "agendaItems", ObjType::Map)?;
    let order = doc.put_object(meeting, "agendaOrder", ObjType::List)?;
    for (index, old) in old_items.iter().enumerate() {
        let id = AgendaItemId::random();
        let item = doc.put_object(&items, id.as_str(), ObjType::Map)?;
        for field in ["heading", "body"] {
            let text = match doc.get(old, field)? {
                Some((Value::Object(ObjType::Text), t)) => doc.text(&t)?,
                Some((Value::Scalar(s), _)) => s.as_str().unwrap_or_default().to_owned(),
                _ => String::new(),
            };
            let new_text = doc.put_object(&item, field, ObjType::Text)?;
            doc.splice_text(&new_text, 0, 0, &text)?;
        }
        doc.insert(&order, index, id.as_str())?;
    }
    doc.delete(meeting, "agenda")?;
    Ok(())
}
