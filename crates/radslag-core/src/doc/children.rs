//! Ordered children of an entry: a map keyed by id holds each child's fields
//! and a list of ids holds their order (agenda items, participants, dialogue
//! questions and small groups). Moving a child rewrites only the order, so
//! someone typing in it at the same time keeps their words. A child marked
//! deleted (agenda items, see `trash`) is passed over when reading.

use automerge::{AutoCommit, ObjId, transaction::Transactable};

use super::shape::{self, Container};
use super::{DocError, access, trash};

/// Where an entry keeps one kind of children, and what each child holds.
#[derive(Clone, Copy)]
pub(crate) struct Children {
    /// The map of children by id.
    pub map: &'static str,
    /// The list of ids giving their order.
    pub order: &'static str,
    /// The containers each child is created with.
    pub shape: &'static [Container],
    /// Whether a write without a child keeps it (in its place in the
    /// order) rather than removing it: for children deleted on their own.
    pub keeps_missing: bool,
}

/// Reads the children in their stored order; a child whose id is missing from
/// the order list (added concurrently with a reorder) comes last. Deleted
/// children are left out.
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
        .filter_map(|id| access::object(doc, &map, id).map(|child| (id, child)))
        .filter(|(_, child)| !trash::is_deleted(doc, child))
        .map(|(id, child)| read_child(id, &child))
        .collect()
}

/// Writes the children: fields of each (changed fields only), removals
/// (unless `kind` keeps missing children), and the order. A new child is
/// created with its containers.
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
    let present: Vec<String> = automerge::ReadDoc::keys(doc, &map).collect();
    let order = if kind.keeps_missing {
        let stored = access::unique_strings(doc, obj, kind.order);
        keep_in_place(&stored, &wanted, &present)
    } else {
        for id in present.iter().filter(|k| !wanted.contains(k)) {
            doc.delete(&map, id.as_str())?;
        }
        wanted
    };
    for child in children {
        let id = id_of(child);
        let child_obj = match access::object(doc, &map, id) {
            Some(existing) => existing,
            None => shape::create_entry(doc, &map, id, kind.shape)?,
        };
        write_child(doc, &child_obj, child)?;
    }
    access::put_string_list(doc, obj, kind.order, &order)
}

/// `wanted` with every other child of `stored` (the order as it is, only
/// ids of children still `present`) kept where it stood: after the child it
/// followed, or first. A deleted agenda item is restored in its place.
fn keep_in_place(stored: &[String], wanted: &[String], present: &[String]) -> Vec<String> {
    let mut order = wanted.to_vec();
    let mut previous: Option<&String> = None;
    for id in stored {
        if !order.contains(id) && present.contains(id) {
            let at = previous
                .and_then(|p| order.iter().position(|o| o == p))
                .map_or(0, |i| i + 1);
            order.insert(at, id.clone());
        }
        previous = Some(id);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::keep_in_place;

    fn ids(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn children_left_out_of_a_write_keep_their_place() {
        let present = ids("a b c d");
        // d deleted between a and b; b moved to the end.
        assert_eq!(
            keep_in_place(&ids("a d b c"), &ids("a c b"), &present),
            ids("a d c b")
        );
        // Deleted first; and nothing to keep.
        assert_eq!(keep_in_place(&ids("d a"), &ids("a"), &present), ids("d a"));
        assert_eq!(
            keep_in_place(&ids("a b"), &ids("b a"), &present),
            ids("b a")
        );
        // An id whose child is gone is not brought back.
        assert_eq!(keep_in_place(&ids("x a"), &ids("a"), &present), ids("a"));
    }
}
