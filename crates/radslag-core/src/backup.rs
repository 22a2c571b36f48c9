//! Backups: the whole workspace as an Automerge file (complete, mergeable)
//! and as readable JSON, and restoring a backup by merging, so an older
//! backup never deletes newer work.

use serde::Serialize;

use crate::doc::{DocError, WorkspaceDoc};
use crate::model::*;

/// A readable snapshot of everything in a workspace.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadableExport {
    pub schema_version: u64,
    pub workspace: WorkspaceInfo,
    pub groups: Vec<Group>,
    pub people: Vec<Person>,
    pub meetings: Vec<Meeting>,
    pub actions: Vec<Action>,
    pub categories: Vec<Category>,
    pub wheel_events: Vec<WheelEvent>,
    pub dialogues: Vec<Dialogue>,
    pub templates: Vec<Template>,
}

pub fn readable(doc: &WorkspaceDoc) -> ReadableExport {
    ReadableExport {
        schema_version: doc.schema_version(),
        workspace: doc.info(),
        groups: doc.list(),
        people: doc.list(),
        meetings: doc.list(),
        actions: doc.list(),
        categories: doc.list(),
        wheel_events: doc.list(),
        dialogues: doc.list(),
        templates: doc.list(),
    }
}

pub fn to_json(doc: &WorkspaceDoc) -> String {
    serde_json::to_string_pretty(&readable(doc)).unwrap_or_default()
}

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("the file is not a Rådslag backup: {0}")]
    NotABackup(#[from] DocError),
    #[error("the backup belongs to another workspace")]
    OtherWorkspace,
}

/// Merges a backup into `doc`. Returns whether it brought anything new.
/// Refuses a backup of another workspace.
pub fn merge_backup(doc: &mut WorkspaceDoc, backup: &[u8]) -> Result<bool, RestoreError> {
    let mut restored = WorkspaceDoc::load(backup)?;
    if restored.origin() != doc.origin() {
        return Err(RestoreError::OtherWorkspace);
    }
    let before = doc.heads();
    doc.merge(&mut restored)?;
    Ok(doc.heads() != before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::*;

    fn person(name: &str) -> Person {
        Person {
            id: PersonId::random(),
            name: name.into(),
            role: String::new(),
            organisation: String::new(),
            groups: vec![],
        }
    }

    fn council() -> WorkspaceDoc {
        WorkspaceDoc::create(&WorkspaceInfo {
            name: "Trygghetsrådet".into(),
            organisation: "Ånge kommun".into(),
        })
        .unwrap()
    }

    #[test]
    fn restoring_an_older_backup_merges_instead_of_deleting_newer_work() {
        let mut ws = council();
        ws.put(&person("Moa Magnusson")).unwrap();
        let backup = ws.save();
        let newer = person("Josef Wiklund");
        ws.put(&newer).unwrap();
        // The backup's own device went on too: its later work comes along.
        let mut other_device = WorkspaceDoc::load(&backup).unwrap();
        other_device.put(&person("Per Håkansson")).unwrap();

        assert!(
            !merge_backup(&mut ws, &backup).unwrap(),
            "an older backup brings nothing new"
        );
        assert!(merge_backup(&mut ws, &other_device.save()).unwrap());
        let mut names: Vec<String> = ws.list::<Person>().into_iter().map(|p| p.name).collect();
        names.sort();
        assert_eq!(names, ["Josef Wiklund", "Moa Magnusson", "Per Håkansson"]);
    }

    #[test]
    fn a_backup_of_another_workspace_or_not_a_backup_is_refused() {
        let mut ws = council();
        let mut other = council();
        assert!(matches!(
            merge_backup(&mut ws, &other.save()),
            Err(RestoreError::OtherWorkspace)
        ));
        assert!(matches!(
            merge_backup(&mut ws, b"minnesanteckningar.txt"),
            Err(RestoreError::NotABackup(_))
        ));
    }

    #[test]
    fn a_backup_carries_the_id_its_workspace_syncs_under() {
        let mut ws = council();
        ws.set_document_id("2Xo5jLrWwhoyqcaMAsxJz4tK5bEq").unwrap();
        ws.commit(1);
        let restored = WorkspaceDoc::load(&ws.save()).unwrap();
        assert_eq!(
            restored.document_id().as_deref(),
            Some("2Xo5jLrWwhoyqcaMAsxJz4tK5bEq")
        );
        let mut other_device = ws.fork();
        other_device
            .set_document_id("2Xo5jLrWwhoyqcaMAsxJz4tK5bEq")
            .unwrap();
        assert_eq!(
            other_device.heads(),
            ws.heads(),
            "recording it again changes nothing"
        );
    }

    #[test]
    fn the_readable_export_holds_everything() {
        let mut ws = council();
        ws.put(&person("Moa Magnusson")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&to_json(&ws)).unwrap();
        assert_eq!(json["workspace"]["organisation"], "Ånge kommun");
        assert_eq!(json["people"][0]["name"], "Moa Magnusson");
        assert_eq!(json["schemaVersion"], 1);
        // Every collection but the replicas' signatures (`actors`).
        for key in crate::doc::schema::COLLECTIONS
            .into_iter()
            .filter(|key| *key != "actors")
        {
            assert!(json[key].is_array(), "{key}");
        }
        assert_eq!(json["templates"][0]["name"], "Rådsmöte");
    }
}
