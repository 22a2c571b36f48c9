//! History read from the document's own change history: who set an
//! action's status, and when. Nothing extra is stored: every Automerge change
//! carries its author (the replica's actor id, which `actors` maps to a
//! person) and the time it was committed ([`WorkspaceDoc::commit`]).

use std::collections::HashMap;

use automerge::{ObjId, ROOT, ScalarValue, legacy};

use super::{Entity, WorkspaceDoc, access, versions::legacy_id};
use crate::ids::{ActionId, PersonId};
use crate::model::{Action, ActionStatus};

/// One status write: the action was set to `status` at `at_ms` by the
/// replica `actor` (hex), which wrote for `person` if it said so. The first
/// event is the action's creation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusEvent {
    pub status: ActionStatus,
    /// Milliseconds since the Unix epoch, as the writing device's clock said.
    pub at_ms: i64,
    pub actor: String,
    pub person: Option<PersonId>,
}

fn parse_status(value: &ScalarValue) -> Option<ActionStatus> {
    match value.as_str()? {
        "notStarted" => Some(ActionStatus::NotStarted),
        "inProgress" => Some(ActionStatus::InProgress),
        "done" => Some(ActionStatus::Done),
        "cancelled" => Some(ActionStatus::Cancelled),
        _ => None,
    }
}

impl WorkspaceDoc {
    /// Every status the action has been given, in causal order (a change
    /// before the changes that saw it; concurrent ones in the document's
    /// deterministic order). Empty for an unknown action.
    ///
    /// Decodes the whole change history (of a copy: reading changes needs a
    /// closed transaction, and views hold the document shared), so call it
    /// when someone opens an action's history, not for every action in a list.
    pub fn action_status_history(&self, id: &ActionId) -> Vec<StatusEvent> {
        self.action_status_histories(std::slice::from_ref(id))
            .remove(id)
            .unwrap_or_default()
    }

    /// [`WorkspaceDoc::action_status_history`] of several actions, decoding
    /// the change history once (for the minutes' record of a meeting's
    /// actions). Unknown ids are left out.
    pub fn action_status_histories(&self, ids: &[ActionId]) -> HashMap<ActionId, Vec<StatusEvent>> {
        let mut wanted: HashMap<legacy::ObjectId, ActionId> = HashMap::new();
        for id in ids {
            if let Some(obj) = action_object(self, id) {
                wanted.insert(legacy_id(&obj), id.clone());
            }
        }
        let mut histories: HashMap<ActionId, Vec<StatusEvent>> =
            wanted.values().map(|id| (id.clone(), Vec::new())).collect();
        if wanted.is_empty() {
            return histories;
        }
        let mut doc = self.doc.clone();
        for change in doc.get_changes(&[]) {
            let expanded = change.decode();
            for op in &expanded.operations {
                if op.key != legacy::Key::Map("status".into()) {
                    continue;
                }
                let Some(id) = wanted.get(&op.obj) else {
                    continue;
                };
                if let legacy::OpType::Put(value) = &op.action
                    && let Some(status) = parse_status(value)
                {
                    let actor = change.actor_id().to_hex_string();
                    if let Some(events) = histories.get_mut(id) {
                        events.push(StatusEvent {
                            status,
                            at_ms: change.timestamp(),
                            person: self.person_of_actor(&actor),
                            actor,
                        });
                    }
                }
            }
        }
        histories
    }
}

fn action_object(ws: &WorkspaceDoc, id: &ActionId) -> Option<ObjId> {
    let collection = access::object(&ws.doc, &ROOT, <Action as Entity>::COLLECTION)?;
    access::object(&ws.doc, &collection, id.as_str())
}
