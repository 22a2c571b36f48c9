//! Mends hidden conflicts: a key under which two devices each created a
//! container (written by releases before the shape rule, or by another
//! client). Automerge shows one object and hides the others with everything
//! written into them; here the hidden objects' contents move into the
//! visible one — map entries and list items unioned, texts joined — and the
//! hidden ones are emptied, so a second repair finds nothing left to move.
//!
//! Every choice depends on the document alone (Automerge picks the visible
//! object the same way on every device; hidden ones are taken in op order),
//! so devices repairing the same state make the same change.

use automerge::{
    AutoCommit, ObjId, ObjType, Prop, ReadDoc, ScalarValue, Value, ValueRef,
    transaction::Transactable,
};

use super::DocError;

type Result<T> = std::result::Result<T, DocError>;

/// Moves every hidden container's contents into the visible one, through the
/// whole document. Returns whether anything moved.
pub(crate) fn repair(doc: &mut AutoCommit) -> Result<bool> {
    repair_within(doc, &automerge::ROOT)
}

fn repair_within(doc: &mut AutoCommit, obj: &ObjId) -> Result<bool> {
    let mut moved = false;
    for (prop, kind, visible, conflict) in containers(doc, obj)? {
        // Only a key holding more than one value can hide a container.
        if conflict {
            let hidden: Vec<ObjId> = doc
                .get_all(obj, prop)?
                .into_iter()
                .filter(|(value, id)| *id != visible && *value == Value::Object(kind))
                .map(|(_, id)| id)
                .collect();
            for hidden in hidden {
                moved |= absorb(doc, &visible, &hidden, kind)?;
            }
        }
        if kind != ObjType::Text {
            moved |= repair_within(doc, &visible)?;
        }
    }
    Ok(moved)
}

/// The visible containers in `obj`: where, of which kind, which object, and
/// whether their key holds other values too. One pass over the object (a
/// lookup per key made mending a five-year workspace on every open cost
/// a third of a second in the browser).
fn containers(doc: &AutoCommit, obj: &ObjId) -> Result<Vec<(Prop, ObjType, ObjId, bool)>> {
    let container = |value: &ValueRef| match value {
        ValueRef::Object(kind) => Some(*kind),
        ValueRef::Scalar(_) => None,
    };
    Ok(match doc.object_type(obj)? {
        ObjType::Map | ObjType::Table => doc
            .map_range(obj, ..)
            .filter_map(|item| {
                let kind = container(&item.value)?;
                Some((
                    Prop::Map(item.key.to_string()),
                    kind,
                    item.id(),
                    item.conflict,
                ))
            })
            .collect(),
        ObjType::List => doc
            .list_range(obj, ..)
            .filter_map(|item| {
                let kind = container(&item.value)?;
                Some((Prop::Seq(item.index), kind, item.id(), item.conflict))
            })
            .collect(),
        ObjType::Text => Vec::new(),
    })
}

/// Moves the contents of `hidden` into `visible` (both of `kind`), then
/// empties `hidden`. Returns whether there was anything to move.
fn absorb(doc: &mut AutoCommit, visible: &ObjId, hidden: &ObjId, kind: ObjType) -> Result<bool> {
    if doc.length(hidden) == 0 {
        return Ok(false);
    }
    match kind {
        ObjType::Text => {
            let words = doc.text(hidden)?;
            let have = doc.text(visible)?;
            if !have.contains(&words) {
                // Joined after the visible text, on a line of its own.
                let gap = if have.is_empty() || have.ends_with(char::is_whitespace) {
                    ""
                } else {
                    "\n"
                };
                let end = doc.length(visible);
                doc.splice_text(visible, end, 0, &format!("{gap}{words}"))?;
            }
            doc.splice_text(hidden, 0, doc.length(hidden) as isize, "")?;
        }
        ObjType::Map | ObjType::Table => {
            for key in doc.keys(hidden).collect::<Vec<_>>() {
                let Some((value, from)) = doc.get(hidden, key.as_str())?.map(owned) else {
                    continue;
                };
                match (doc.get(visible, key.as_str())?.map(owned), &value) {
                    (None, _) => copy(doc, visible, Prop::Map(key.clone()), &value, &from, false)?,
                    (Some((Value::Object(there), into)), Value::Object(here)) if there == *here => {
                        absorb(doc, &into, &from, there)?;
                    }
                    // Two values for one plain field: the visible one stays,
                    // as when two people set it at once.
                    _ => {}
                }
                doc.delete(hidden, key.as_str())?;
            }
        }
        ObjType::List => {
            let mut have: Vec<String> = (0..doc.length(visible))
                .map(|i| fingerprint(doc, visible, i))
                .collect();
            for index in 0..doc.length(hidden) {
                let print = fingerprint(doc, hidden, index);
                if have.contains(&print) {
                    continue;
                }
                if let Some((value, from)) = doc.get(hidden, index)?.map(owned) {
                    copy(
                        doc,
                        visible,
                        Prop::Seq(doc.length(visible)),
                        &value,
                        &from,
                        true,
                    )?;
                    have.push(print);
                }
            }
            for index in (0..doc.length(hidden)).rev() {
                doc.delete(hidden, index)?;
            }
        }
    }
    Ok(true)
}

fn owned((value, id): (Value<'_>, ObjId)) -> (Value<'static>, ObjId) {
    (value.into_owned(), id)
}

/// Copies a value (deeply, for an object) to `target[prop]`; `insert` for a
/// new list element.
fn copy(
    doc: &mut AutoCommit,
    target: &ObjId,
    prop: Prop,
    value: &Value,
    from: &ObjId,
    insert: bool,
) -> Result<()> {
    let kind = match value {
        Value::Scalar(scalar) => {
            let scalar: ScalarValue = scalar.clone().into_owned();
            match prop {
                Prop::Seq(index) if insert => doc.insert(target, index, scalar)?,
                prop => doc.put(target, prop, scalar)?,
            }
            return Ok(());
        }
        Value::Object(kind) => *kind,
    };
    let copied = match prop {
        Prop::Seq(index) if insert => doc.insert_object(target, index, kind)?,
        prop => doc.put_object(target, prop, kind)?,
    };
    match kind {
        ObjType::Text => {
            let words = doc.text(from)?;
            doc.splice_text(&copied, 0, 0, &words)?;
        }
        ObjType::Map | ObjType::Table => {
            for key in doc.keys(from).collect::<Vec<_>>() {
                if let Some((value, child)) = doc.get(from, key.as_str())?.map(owned) {
                    copy(doc, &copied, Prop::Map(key), &value, &child, false)?;
                }
            }
        }
        ObjType::List => {
            for index in 0..doc.length(from) {
                if let Some((value, child)) = doc.get(from, index)?.map(owned) {
                    copy(doc, &copied, Prop::Seq(index), &value, &child, true)?;
                }
            }
        }
    }
    Ok(())
}

/// A list element's contents as text, to tell repeats apart (a status log
/// entry copied by an earlier repair is not copied again).
fn fingerprint(doc: &AutoCommit, list: &ObjId, index: usize) -> String {
    match doc.get(list, index) {
        Ok(Some((Value::Scalar(s), _))) => format!("{s:?}"),
        Ok(Some((Value::Object(_), obj))) => describe(doc, &obj),
        _ => String::new(),
    }
}

fn describe(doc: &AutoCommit, obj: &ObjId) -> String {
    match doc.object_type(obj) {
        Ok(ObjType::Text) => format!("{:?}", doc.text(obj).unwrap_or_default()),
        Ok(ObjType::List) => {
            let items: Vec<String> = (0..doc.length(obj))
                .map(|i| fingerprint(doc, obj, i))
                .collect();
            format!("[{}]", items.join(","))
        }
        Ok(_) => {
            let fields: Vec<String> = doc
                .keys(obj)
                .map(|key| match doc.get(obj, key.as_str()) {
                    Ok(Some((Value::Scalar(s), _))) => format!("{key}={s:?}"),
                    Ok(Some((Value::Object(_), child))) => {
                        format!("{key}={}", describe(doc, &child))
                    }
                    _ => key,
                })
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Err(_) => String::new(),
    }
}

/// Where a key or list element holds more than one container: the path of
/// each (e.g. `meetings/3f…/agendaItems`). With `only_hidden_contents`, only
/// those where a hidden container still holds something — what a member
/// could not see.
pub(crate) fn conflicting_containers(doc: &AutoCommit, only_hidden_contents: bool) -> Vec<String> {
    let mut found = Vec::new();
    collect_conflicts(doc, &automerge::ROOT, "", only_hidden_contents, &mut found);
    found
}

fn collect_conflicts(
    doc: &AutoCommit,
    obj: &ObjId,
    path: &str,
    only_hidden_contents: bool,
    found: &mut Vec<String>,
) {
    for (prop, kind, visible, conflict) in containers(doc, obj).unwrap_or_default() {
        let here = format!("{path}/{prop}");
        if conflict {
            let values = doc.get_all(obj, prop).unwrap_or_default();
            let hidden = values
                .iter()
                .filter(|(value, id)| matches!(value, Value::Object(_)) && *id != visible)
                .filter(|(_, id)| !only_hidden_contents || doc.length(id) > 0)
                .count();
            if hidden > 0 {
                found.push(here.clone());
            }
        }
        if kind != ObjType::Text {
            collect_conflicts(doc, &visible, &here, only_hidden_contents, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::ROOT;

    /// Two replicas of one document that each create `key` under `parent`
    /// and write into it with `fill`, merged both ways.
    fn twice_created(
        kind: ObjType,
        fill: impl Fn(&mut AutoCommit, &ObjId, &str),
    ) -> (AutoCommit, AutoCommit) {
        let mut a = AutoCommit::new();
        a.put_object(ROOT, "dialogue", ObjType::Map).unwrap();
        a.commit();
        let mut b = a.fork();
        for (doc, who) in [(&mut a, "a"), (&mut b, "b")] {
            let (_, parent) = doc.get(ROOT, "dialogue").unwrap().unwrap();
            let obj = doc.put_object(&parent, "answers", kind).unwrap();
            fill(doc, &obj, who);
            doc.commit();
        }
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        (a, b)
    }

    fn visible(doc: &AutoCommit) -> ObjId {
        let (_, parent) = doc.get(ROOT, "dialogue").unwrap().unwrap();
        doc.get(&parent, "answers").unwrap().unwrap().1
    }

    #[test]
    fn hidden_map_entries_move_into_the_visible_map() {
        let (mut a, _) = twice_created(ObjType::Map, |doc, obj, who| {
            for n in 0..10 {
                let answer = doc
                    .put_object(obj, format!("{who}{n}"), ObjType::Map)
                    .unwrap();
                doc.put(&answer, "text", format!("svar {n} från {who}"))
                    .unwrap();
            }
        });
        assert_eq!(
            a.length(visible(&a)),
            10,
            "before: one tablet's answers are hidden"
        );
        assert_eq!(conflicting_containers(&a, true), ["/dialogue/answers"]);
        assert!(repair(&mut a).unwrap());
        assert_eq!(a.length(visible(&a)), 20);
        let answer = a.get(visible(&a), "b7").unwrap().unwrap().1;
        assert_eq!(
            a.get(&answer, "text").unwrap().unwrap().0.as_str(),
            Some("svar 7 från b")
        );
        assert_eq!(a.get(visible(&a), "a7").unwrap().map(|_| ()), Some(()));
        assert!(conflicting_containers(&a, true).is_empty());
        assert!(!repair(&mut a).unwrap(), "a second repair finds nothing");
    }

    #[test]
    fn hidden_texts_are_joined_after_the_visible_one() {
        let (mut a, _) = twice_created(ObjType::Text, |doc, obj, who| {
            doc.splice_text(obj, 0, 0, if who == "a" { "Trygghet" } else { "Skolan" })
                .unwrap();
        });
        repair(&mut a).unwrap();
        let text = a.text(visible(&a)).unwrap();
        assert!(
            text == "Trygghet\nSkolan" || text == "Skolan\nTrygghet",
            "{text}"
        );
    }

    #[test]
    fn hidden_lists_are_unioned_without_repeats() {
        let (mut a, _) = twice_created(ObjType::List, |doc, obj, who| {
            doc.insert(obj, 0, "gemensam").unwrap();
            let entry = doc.insert_object(obj, 1, ObjType::Map).unwrap();
            doc.put(&entry, "status", "approved").unwrap();
            doc.put(&entry, "by", who).unwrap();
        });
        repair(&mut a).unwrap();
        let list = visible(&a);
        let prints: Vec<String> = (0..a.length(&list))
            .map(|i| fingerprint(&a, &list, i))
            .collect();
        assert_eq!(prints.len(), 3, "{prints:?}");
        assert!(
            prints.iter().any(|p| p.contains("by=Str(\"a\")"))
                && prints.iter().any(|p| p.contains("by=Str(\"b\")"))
        );
    }

    #[test]
    fn two_devices_repairing_the_same_state_converge() {
        let (mut a, mut b) = twice_created(ObjType::Text, |doc, obj, who| {
            doc.splice_text(obj, 0, 0, who).unwrap();
        });
        repair(&mut a).unwrap();
        repair(&mut b).unwrap();
        a.commit();
        b.commit();
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        repair(&mut a).unwrap();
        repair(&mut b).unwrap();
        a.merge(&mut b).unwrap();
        b.merge(&mut a).unwrap();
        let (ta, tb) = (a.text(visible(&a)).unwrap(), b.text(visible(&b)).unwrap());
        assert_eq!(ta, tb);
        assert!(ta.contains('a') && ta.contains('b'), "{ta}");
        assert!(conflicting_containers(&a, true).is_empty());
    }
}
