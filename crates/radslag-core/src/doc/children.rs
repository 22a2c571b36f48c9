//! Ordered children of an entry: a map keyed by id holds each child's fields
//! and a list of ids holds their order (agenda items, participants, dialogue
//! questions and small groups). Moving a child rewrites only the order, so
//! someone typing in it at the same time keeps their words.

use automerge::{AutoCommit, ObjId, ObjType, transaction::Transactable};

use super::{DocError, access};

/// Reads the children in their stored order; a child whose id is missing from
/// the order list (added concurrently with a reorder) comes last.
pub(crate) fn read<T>(
    doc: &AutoCommit,
    obj: &ObjId,
    names: (&str, &str),
    read_child: impl Fn(&str, &ObjId) -> T,
) -> Vec<T> {
    let (map_key, order_key) = names;
    let Some(map) = access::object(doc, obj, map_key) else {
        return Vec::new();
    };
    let mut ids = access::unique_strings(doc, obj, order_key);
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
/// the order.
pub(crate) fn write<T>(
    doc: &mut AutoCommit,
    obj: &ObjId,
    names: (&str, &str),
    children: &[T],
    id_of: impl Fn(&T) -> &str,
    mut write_child: impl FnMut(&mut AutoCommit, &ObjId, &T) -> Result<(), DocError>,
) -> Result<(), DocError> {
    let (map_key, order_key) = names;
    let map = access::ensure_map(doc, obj, map_key)?;
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
            None => doc.put_object(&map, id, ObjType::Map)?,
        };
        write_child(doc, &child_obj, child)?;
    }
    access::put_string_list(doc, obj, order_key, &wanted)
}
