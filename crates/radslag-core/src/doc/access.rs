//! Small typed readers and change-only writers over raw Automerge values.
//!
//! Writers compare with what is stored and only emit operations for real
//! changes: a field nobody touched never wins a merge by accident.

use automerge::{
    AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, TextEncoding, Value,
    transaction::Transactable,
};
use chrono::{NaiveDate, NaiveTime};
use std::collections::HashSet;

use super::DocError;

type Result<T> = std::result::Result<T, DocError>;

/// The object stored under `key`, if that is an object.
pub(crate) fn object(doc: &AutoCommit, parent: &ObjId, key: &str) -> Option<ObjId> {
    match doc.get(parent, key) {
        Ok(Some((Value::Object(_), id))) => Some(id),
        _ => None,
    }
}

/// The container under `key`, which must already exist: containers are
/// created with their parent (see `shape`), never on first write, because two
/// devices creating the same one concurrently would hide one of them.
pub(crate) fn container(doc: &AutoCommit, parent: &ObjId, key: &str) -> Result<ObjId> {
    object(doc, parent, key).ok_or_else(|| DocError::MissingContainer(key.to_owned()))
}

/// A string field, stored either as a plain string or as collaborative text.
pub(crate) fn string(doc: &AutoCommit, obj: &ObjId, key: &str) -> String {
    optional_string(doc, obj, key).unwrap_or_default()
}

pub(crate) fn optional_string(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key) {
        Ok(Some((Value::Scalar(s), _))) => s.as_str().map(str::to_owned),
        Ok(Some((Value::Object(ObjType::Text), id))) => doc.text(&id).ok(),
        _ => None,
    }
}

pub(crate) fn integer(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<i64> {
    match doc.get(obj, key) {
        Ok(Some((Value::Scalar(s), _))) => match s.as_ref() {
            ScalarValue::Int(i) | ScalarValue::Timestamp(i) => Some(*i),
            ScalarValue::Uint(u) => i64::try_from(*u).ok(),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn boolean(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<bool> {
    match doc.get(obj, key) {
        Ok(Some((Value::Scalar(s), _))) => s.as_bool(),
        _ => None,
    }
}

pub(crate) fn date(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<NaiveDate> {
    optional_string(doc, obj, key).and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn time(doc: &AutoCommit, obj: &ObjId, key: &str) -> Option<NaiveTime> {
    optional_string(doc, obj, key).and_then(|s| NaiveTime::parse_from_str(&s, "%H:%M").ok())
}

/// The strings of a list, in order, with repeats removed (two members moving
/// the same entry at once can leave it twice in the list).
pub(crate) fn unique_strings(doc: &AutoCommit, obj: &ObjId, key: &str) -> Vec<String> {
    let Some(list) = object(doc, obj, key) else {
        return Vec::new();
    };
    let mut seen = HashSet::new();
    doc.values(&list)
        .filter_map(|(value, _)| value.as_str().map(str::to_owned))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

pub(crate) fn put_string(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: &str) -> Result<()> {
    if optional_string(doc, obj, key).as_deref() != Some(value) {
        doc.put(obj, key, value)?;
    }
    Ok(())
}

pub(crate) fn put_bool(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: bool) -> Result<()> {
    if boolean(doc, obj, key) != Some(value) {
        doc.put(obj, key, value)?;
    }
    Ok(())
}

pub(crate) fn put_optional_string(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<&str>,
) -> Result<()> {
    match value {
        Some(v) => put_string(doc, obj, key, v),
        None if doc.get(obj, key)?.is_some() => Ok(doc.delete(obj, key)?),
        None => Ok(()),
    }
}

pub(crate) fn put_date(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<NaiveDate>,
) -> Result<()> {
    let text = value.map(|d| d.format("%Y-%m-%d").to_string());
    put_optional_string(doc, obj, key, text.as_deref())
}

pub(crate) fn put_time(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    value: Option<NaiveTime>,
) -> Result<()> {
    let text = value.map(|t| t.format("%H:%M").to_string());
    put_optional_string(doc, obj, key, text.as_deref())
}

/// Collaborative text: created as Automerge Text, then changed by splices of
/// the difference only, so concurrent typing in the same paragraph merges.
/// What one input event does (letters typed or deleted in one place) is one
/// splice found by comparing the two ends; anything else goes through
/// Automerge's diff, which segments both texts into graphemes (about 1 ms
/// per keystroke in a 10,000-character text in the browser).
pub(crate) fn put_text(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: &str) -> Result<()> {
    let text = container(doc, obj, key)?;
    let old = doc.text(&text)?;
    if old == value {
        return Ok(());
    }
    match one_splice(&old, value, doc.text_encoding()) {
        Some(splice) => doc.splice_text(&text, splice.at, splice.delete, &splice.insert)?,
        None => doc.update_text(&text, value)?,
    }
    Ok(())
}

/// A text change at one place, in the document's text units.
#[derive(Debug, PartialEq, Eq)]
struct Splice {
    at: usize,
    delete: isize,
    insert: String,
}

/// The one insertion or deletion that turns `old` into `new`; `None` when a
/// run was replaced by another (the diff then keeps what both share).
fn one_splice(old: &str, new: &str, encoding: TextEncoding) -> Option<Splice> {
    let width: fn(&[char]) -> usize = match encoding {
        TextEncoding::UnicodeCodePoint => <[char]>::len,
        TextEncoding::Utf8CodeUnit => |s| s.iter().map(|c| c.len_utf8()).sum(),
        TextEncoding::Utf16CodeUnit => |s| s.iter().map(|c| c.len_utf16()).sum(),
        TextEncoding::GraphemeCluster => return None,
    };
    let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let (prefix, suffix) = crate::text::common_ends(&old, &new);
    let removed = &old[prefix..old.len() - suffix];
    let inserted = &new[prefix..new.len() - suffix];
    if !removed.is_empty() && !inserted.is_empty() {
        return None;
    }
    Some(Splice {
        at: width(&old[..prefix]),
        delete: width(removed) as isize,
        insert: inserted.iter().collect(),
    })
}

/// Makes the list under `key` hold exactly `wanted`, in order, touching as
/// little as it can: entries not wanted (and repeats) are deleted and new ones
/// inserted in place; only a real reordering rewrites the list.
pub(crate) fn put_string_list(
    doc: &mut AutoCommit,
    obj: &ObjId,
    key: &str,
    wanted: &[String],
) -> Result<()> {
    let list = container(doc, obj, key)?;
    let stored: Vec<Option<String>> = doc
        .values(&list)
        .map(|(v, _)| v.as_str().map(str::to_owned))
        .collect();
    let mut seen = HashSet::new();
    let keep: Vec<bool> = stored
        .iter()
        .map(|entry| {
            entry
                .as_ref()
                .is_some_and(|e| wanted.contains(e) && seen.insert(e.clone()))
        })
        .collect();
    for index in (0..stored.len()).rev().filter(|&i| !keep[i]) {
        doc.delete(&list, index)?;
    }
    let kept: Vec<&String> = stored
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .filter_map(|(e, _)| e.as_ref())
        .collect();
    let wanted_kept: Vec<&String> = wanted.iter().filter(|w| kept.contains(w)).collect();
    if wanted_kept != kept {
        for index in (0..kept.len()).rev() {
            doc.delete(&list, index)?;
        }
        for (index, entry) in wanted.iter().enumerate() {
            doc.insert(&list, index, entry.as_str())?;
        }
        return Ok(());
    }
    // Kept entries are in wanted order, so before step `index` the list
    // starts with exactly `wanted[..index]`.
    for (index, entry) in wanted.iter().enumerate() {
        if !kept.contains(&entry) {
            doc.insert(&list, index, entry.as_str())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use automerge::ROOT;
    use proptest::prelude::*;

    fn doc_with_text(text: &str) -> (AutoCommit, ObjId) {
        let mut doc = AutoCommit::new();
        let obj = doc.put_object(ROOT, "body", ObjType::Text).unwrap();
        doc.splice_text(&obj, 0, 0, text).unwrap();
        doc.commit();
        (doc, obj)
    }

    #[test]
    fn a_keystroke_is_one_splice_in_the_documents_units() {
        let splice = |old, new| one_splice(old, new, TextEncoding::UnicodeCodePoint);
        let insert = |at, text: &str| {
            Some(Splice {
                at,
                delete: 0,
                insert: text.into(),
            })
        };
        assert_eq!(splice("åtgärd", "åtgärder"), insert(6, "er"));
        let deleted = Some(Splice {
            at: 1,
            delete: 1,
            insert: String::new(),
        });
        assert_eq!(splice("möte", "mte"), deleted);
        // Typing a letter into a run of the same letter: one insert, not two.
        assert_eq!(splice("aa", "aaa"), insert(2, "a"));
        // Two characters sharing a leading byte (ä U+00E4, å U+00E5): the
        // splice starts at the character, not inside it.
        assert_eq!(splice("ä", "åä"), insert(0, "å"));
        assert_eq!(splice("möte", "mäte"), None);
        let utf16 = one_splice("🙂x", "🙂yx", TextEncoding::Utf16CodeUnit);
        assert_eq!(utf16, insert(2, "y"));
    }

    #[test]
    fn typing_beside_another_devices_typing_keeps_both() {
        let (mut here, _) = doc_with_text("Lägesbild: lugnt.");
        let mut there = here.fork();
        put_text(&mut here, &ROOT, "body", "Lägesbild: lugnt i centrum.").unwrap();
        put_text(&mut there, &ROOT, "body", "Lägesbild (polisen): lugnt.").unwrap();
        here.merge(&mut there).unwrap();
        let body = object(&here, &ROOT, "body").unwrap();
        assert_eq!(
            here.text(&body).unwrap(),
            "Lägesbild (polisen): lugnt i centrum."
        );
    }

    proptest! {
        #[test]
        fn put_text_always_leaves_the_new_text(old in "\\PC{0,12}", new in "\\PC{0,12}") {
            let (mut doc, obj) = doc_with_text(&old);
            put_text(&mut doc, &ROOT, "body", &new).unwrap();
            prop_assert_eq!(doc.text(&obj).unwrap(), new);
        }

        #[test]
        fn an_insert_or_delete_anywhere_is_found(
            text in "[aåä🙂e\u{301} ]{0,12}",
            at in 0usize..13,
            piece in "[aåä🙂e\u{301}]{1,3}",
        ) {
            let chars: Vec<char> = text.chars().collect();
            let at = at.min(chars.len());
            let typed: String = chars[..at].iter().chain(piece.chars().collect::<Vec<_>>().iter()).chain(&chars[at..]).collect();
            let splice = one_splice(&text, &typed, TextEncoding::UnicodeCodePoint).unwrap();
            prop_assert_eq!(splice.delete, 0);
            prop_assert_eq!(splice.insert.chars().count(), piece.chars().count());
            let deleted = one_splice(&typed, &text, TextEncoding::UnicodeCodePoint).unwrap();
            prop_assert_eq!(deleted.delete as usize, piece.chars().count());
            prop_assert_eq!(deleted.insert, "");
        }
    }
}
