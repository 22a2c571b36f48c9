//! Small typed readers and change-only writers over raw Automerge values.
//!
//! Writers compare with what is stored and only emit operations for real
//! changes: a field nobody touched never wins a merge by accident.

use automerge::{
    AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue, Value, transaction::Transactable,
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
pub(crate) fn put_text(doc: &mut AutoCommit, obj: &ObjId, key: &str, value: &str) -> Result<()> {
    let text = container(doc, obj, key)?;
    if doc.text(&text)? != value {
        doc.update_text(&text, value)?;
    }
    Ok(())
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
