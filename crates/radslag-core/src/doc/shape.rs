//! The containers (maps, lists, texts) each kind of entry holds, and the one
//! place that creates them.
//!
//! **The rule** (docs/schema.md): a container that more than one device may
//! write into exists before anyone writes into it. It is created together
//! with its parent, in the change that creates the parent, or by a change
//! that every device makes byte-identically ([`super::WorkspaceDoc::normalise`]).
//! Never on first write: if two devices each created the missing container,
//! Automerge would keep one as the visible value and hide the other, with
//! everything written into it. Writers therefore only look containers up
//! (`access::container`), and a new field with a container is added here,
//! in its entry's shape, and nowhere else.

use automerge::{AutoCommit, ObjId, ObjType, ReadDoc, Value, transaction::Transactable};

use super::DocError;

type Result<T> = std::result::Result<T, DocError>;

/// A container field: its key and kind.
pub(crate) type Container = (&'static str, ObjType);

/// Creates `parent[key]` as a new map holding every container of `shape`.
pub(crate) fn create_entry(
    doc: &mut AutoCommit,
    parent: &ObjId,
    key: &str,
    shape: &[Container],
) -> Result<ObjId> {
    let entry = doc.put_object(parent, key, ObjType::Map)?;
    for (field, kind) in shape {
        doc.put_object(&entry, *field, *kind)?;
    }
    Ok(entry)
}

/// Gives `entry` the containers of `shape` it lacks (it was written by an
/// older release or another client). A plain string where text belongs
/// becomes text with the same words. Returns whether anything changed.
pub(crate) fn complete(doc: &mut AutoCommit, entry: &ObjId, shape: &[Container]) -> Result<bool> {
    let mut changed = false;
    for (field, kind) in shape {
        changed |= complete_field(doc, entry, field, *kind)?;
    }
    Ok(changed)
}

/// Gives `parent[key]` a container of `kind` when it has none.
pub(crate) fn complete_field(
    doc: &mut AutoCommit,
    parent: &ObjId,
    key: &str,
    kind: ObjType,
) -> Result<bool> {
    match doc.get(parent, key)? {
        Some((Value::Object(_), _)) => Ok(false),
        Some((Value::Scalar(s), _)) if kind == ObjType::Text => {
            let words = s.as_str().unwrap_or_default().to_owned();
            let text = doc.put_object(parent, key, ObjType::Text)?;
            doc.splice_text(&text, 0, 0, &words)?;
            Ok(true)
        }
        // Some other value stands there: it stays, readers skip it.
        Some((Value::Scalar(_), _)) => Ok(false),
        None => {
            doc.put_object(parent, key, kind)?;
            Ok(true)
        }
    }
}

/// The maps kept under `key` in `parent` (entries of a collection or the
/// children of an entry), by key.
pub(crate) fn maps_under(doc: &AutoCommit, parent: &ObjId, key: &str) -> Vec<(String, ObjId)> {
    let Some(map) = super::access::object(doc, parent, key) else {
        return Vec::new();
    };
    doc.keys(&map)
        .filter_map(|key| match doc.get(&map, key.as_str()) {
            Ok(Some((Value::Object(ObjType::Map), child))) => Some((key, child)),
            _ => None,
        })
        .collect()
}

/// Completes every map under `parent[key]` with `shape`.
pub(crate) fn complete_all(
    doc: &mut AutoCommit,
    parent: &ObjId,
    key: &str,
    shape: &[Container],
) -> Result<bool> {
    let mut changed = false;
    for (_, child) in maps_under(doc, parent, key) {
        changed |= complete(doc, &child, shape)?;
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::ROOT;

    #[test]
    fn an_entry_is_created_with_all_its_containers() {
        let mut doc = AutoCommit::new();
        let entry = create_entry(
            &mut doc,
            &ROOT,
            "m",
            &[("body", ObjType::Text), ("order", ObjType::List)],
        )
        .unwrap();
        assert!(matches!(
            doc.get(&entry, "body").unwrap(),
            Some((Value::Object(ObjType::Text), _))
        ));
        assert!(matches!(
            doc.get(&entry, "order").unwrap(),
            Some((Value::Object(ObjType::List), _))
        ));
    }

    #[test]
    fn completing_adds_what_is_missing_and_turns_a_string_into_text() {
        let mut doc = AutoCommit::new();
        let entry = doc.put_object(ROOT, "m", ObjType::Map).unwrap();
        doc.put(&entry, "body", "Lägesbild").unwrap();
        let shape = [("body", ObjType::Text), ("order", ObjType::List)];
        assert!(complete(&mut doc, &entry, &shape).unwrap());
        let (_, body) = doc.get(&entry, "body").unwrap().unwrap();
        assert_eq!(doc.text(&body).unwrap(), "Lägesbild");
        assert!(
            !complete(&mut doc, &entry, &shape).unwrap(),
            "nothing left to add"
        );
    }
}
