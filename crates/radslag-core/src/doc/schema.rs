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

use automerge::{
    AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value, transaction::Transactable,
};
use sha2::{Digest, Sha256};

use super::entity::{AGENDA_ITEM_SHAPE, Entity};
use super::error::DocError;
use super::seed;
use super::shape::{self, Container};
use crate::ids::AgendaItemId;
use crate::model::{Action, Category, Dialogue, Group, Meeting, Person, Template, WheelEvent};

pub const SCHEMA_VERSION: u64 = 1;
pub(crate) const SCHEMA_VERSION_KEY: &str = "schemaVersion";
pub(crate) const WORKSPACE: &str = "workspace";
/// The workspace's automerge-repo document id (str), for backups.
pub(crate) const DOCUMENT_ID: &str = "documentId";
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

/// The layout version a document says it has. Any number type counts (a
/// JavaScript client writes an integer as `int`, or as a float); no version
/// is 0, the oldest; anything else cannot be read.
pub(crate) fn version(doc: &AutoCommit) -> Result<u64, DocError> {
    let unreadable = |what: String| DocError::Unreadable(format!("{SCHEMA_VERSION_KEY} is {what}"));
    match doc.get(ROOT, SCHEMA_VERSION_KEY)? {
        None => Ok(0),
        Some((Value::Scalar(v), _)) => match v.as_ref() {
            ScalarValue::Uint(n) => Ok(*n),
            ScalarValue::Int(n) => u64::try_from(*n).map_err(|_| unreadable(n.to_string())),
            ScalarValue::F64(f) if f.fract() == 0.0 && *f >= 0.0 => Ok(*f as u64),
            other => Err(unreadable(format!("{other:?}"))),
        },
        Some((Value::Object(kind), _)) => Err(unreadable(format!("a {kind:?}"))),
    }
}

/// Whether this release can read the document: a known version, the
/// workspace map at the root, and every collection present a map.
pub(crate) fn check(doc: &AutoCommit) -> Result<(), DocError> {
    let found = version(doc)?;
    if found > SCHEMA_VERSION {
        return Err(DocError::NewerSchema(found));
    }
    match doc.get(ROOT, WORKSPACE)? {
        None => return Err(DocError::NotAWorkspace),
        Some((Value::Object(ObjType::Map), _)) => {}
        Some(_) => return Err(DocError::Unreadable(format!("{WORKSPACE} is not a map"))),
    }
    for key in COLLECTIONS {
        match doc.get(ROOT, key)? {
            None | Some((Value::Object(ObjType::Map), _)) => {}
            Some(_) => return Err(DocError::Unreadable(format!("{key} is not a map"))),
        }
    }
    Ok(())
}

/// The root's containers.
fn root_shape() -> impl Iterator<Item = Container> {
    std::iter::once((WORKSPACE, ObjType::Map)).chain(COLLECTIONS.map(|key| (key, ObjType::Map)))
}

/// Lays out a brand-new document at the current version.
pub(crate) fn initialise(doc: &mut AutoCommit) -> Result<(), DocError> {
    doc.put(ROOT, SCHEMA_VERSION_KEY, SCHEMA_VERSION)?;
    for (key, kind) in root_shape() {
        doc.put_object(ROOT, key, kind)?;
    }
    Ok(())
}

/// Brings a readable document (see [`check`]) up to [`SCHEMA_VERSION`].
/// Depends on the document alone, so devices migrating the same document
/// make the same change.
pub(crate) fn migrate(doc: &mut AutoCommit) -> Result<bool, DocError> {
    if version(doc)? >= 1 {
        return Ok(false);
    }
    migrate_0_to_1(doc)?;
    Ok(true)
}

/// Gives the root and every entry the containers they lack (see
/// `doc::shape`). Returns whether anything was added.
pub(crate) fn complete(doc: &mut AutoCommit) -> Result<bool, DocError> {
    let mut changed = add_templates(doc)?;
    for (key, kind) in root_shape() {
        changed |= shape::complete_field(doc, &ROOT, key, kind)?;
    }
    changed |= complete_entries::<Group>(doc)?;
    changed |= complete_entries::<Person>(doc)?;
    changed |= complete_entries::<Meeting>(doc)?;
    changed |= complete_entries::<Action>(doc)?;
    changed |= complete_entries::<Category>(doc)?;
    changed |= complete_entries::<WheelEvent>(doc)?;
    changed |= complete_entries::<Dialogue>(doc)?;
    changed |= complete_entries::<Template>(doc)?;
    Ok(changed)
}

fn complete_entries<E: Entity>(doc: &mut AutoCommit) -> Result<bool, DocError> {
    let mut changed = false;
    for (_, entry) in shape::maps_under(doc, &ROOT, E::COLLECTION) {
        changed |= E::complete(doc, &entry)?;
    }
    Ok(changed)
}

/// Workspaces created before agenda templates existed get the collection,
/// with the default template under its fixed id.
fn add_templates(doc: &mut AutoCommit) -> Result<bool, DocError> {
    if doc.get(ROOT, Template::COLLECTION)?.is_some() {
        return Ok(false);
    }
    let templates = doc.put_object(ROOT, Template::COLLECTION, ObjType::Map)?;
    let template = seed::default_template();
    let obj = shape::create_entry(doc, &templates, template.id.as_str(), Template::SHAPE)?;
    template.write(doc, &obj)?;
    Ok(true)
}

fn migrate_0_to_1(doc: &mut AutoCommit) -> Result<(), DocError> {
    for (key, kind) in root_shape() {
        shape::complete_field(doc, &ROOT, key, kind)?;
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
        let id = migrated_item_id(meeting, index);
        let item = shape::create_entry(doc, &items, id.as_str(), AGENDA_ITEM_SHAPE)?;
        for field in ["heading", "body"] {
            let text = match doc.get(old, field)? {
                Some((Value::Object(ObjType::Text), t)) => doc.text(&t)?,
                Some((Value::Scalar(s), _)) => s.as_str().unwrap_or_default().to_owned(),
                _ => String::new(),
            };
            let (_, new_text) = doc
                .get(&item, field)?
                .ok_or_else(|| DocError::MissingContainer(field.into()))?;
            doc.splice_text(&new_text, 0, 0, &text)?;
        }
        doc.insert(&order, index, id.as_str())?;
    }
    doc.delete(meeting, "agenda")?;
    Ok(())
}

/// An id for a migrated agenda item that every device computes alike.
fn migrated_item_id(meeting: &ObjId, index: usize) -> AgendaItemId {
    let digest = Sha256::digest(format!("radslag agenda item {meeting} {index}").as_bytes());
    AgendaItemId(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
}
