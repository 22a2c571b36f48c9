//! Ordered children of an entry: a map keyed by id holds each child's fields
//! and a list of ids holds their order (agenda items, participants, dialogue
//! questions and small groups). Moving a child rewrites only the order, so
//! someone typing in it at the same time keeps their words.

use automerge::{AutoCommit, ObjId, transaction::Transactable};

use super::shape::{self, Container};
use super::{DocError, access};

/// Where an entry keeps one kind of children, and what each child holds.
#[derive(Clone, Copy)]
pub(crate) struct Children {
    /// The map of children by id.
    pub map: &'static str,
    /// The list of ids giving their order.
    pub order: &'static str,
    /// The containers each child is created with.
    pub shape: &'static [Container],
}

/// Reads the children in their stored order; a child whose id is missing from
/// the order list (added concurrently with a reorder) comes last.
pub(crate) fn read<T>(
    doc: &AutoCommit,
    obj: &ObjId,
    children: Children,
    read_child: impl Fn(&str, &ObjId) -> T,
) -> Vec<T> {
    let Some(map) = access::object(doc, obj, children.map) else {
        return Vec::new();
    };
    let mut ids = access::unique_strings(doc, obj, children.order);
    let present: Vec<String> = automerge::ReadDoc::keys(doc, &map).collect();
    ids.retain(|id| present.contains(id));
    ids.extend(
        present
            .into_iter()
            .filter(|id| !ids.contains(id))
            .collect::<Vec<_>>(),
    );
    ids.iter()
        .filter_map(|id| access::object(doc, &map, id).map(|child| read_child(id, &child)))
        .collect()
}

/// Writes the children: fields of each (changed fields only), removals, and
/// the order. A new child is created with its containers.
pub(crate) fn write<T>(
    doc: &mut AutoCommit,
    obj: &ObjId,
    kind: Children,
    children: &[T],
    id_of: impl Fn(&T) -> &str,
    mut write_child: impl FnMut(&mut AutoCommit, &ObjId, &T) -> Result<(), DocError>,
) -> Result<(), DocError> {
    let map = access::container(doc, obj, kind.map)?;
    let wanted: Vec<String> = children.iter().map(|c| id_of(c).to_owned()).collect();
    let stale: Vec<String> = automerge::ReadDoc::keys(doc, &map)
        .filter(|k| !wanted.contains(k))
        .collect();
    for id in stale {
        doc.delete(&map, id.as_str())?;
    }
    for child in children {
        let id = id_of(child);
        let child_obj = match access::object(doc, &map, id) {
            Some(existing) => existing,
            None => shape::create_entry(doc, &map, id, kind.shape)?,
        };
        write_child(doc, &child_obj, child)?;
    }
    access::put_string_list(doc, obj, kind.order, &wanted)
}
