//! History read from the document's own change history: who set an
//! action's status, and when. Nothing extra is stored: every Automerge change
//! carries its author (the replica's actor id, which `actors` maps to a
//! person) and the time it was committed ([`WorkspaceDoc::commit`]).

use automerge::{ObjId, ROOT, ScalarValue, legacy};

use super::{Entity, WorkspaceDoc, access};
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
        let Some(obj) = action_object(self, id) else {
            return Vec::new();
        };
        let ObjId::Id(counter, actor, _) = &obj else {
            return Vec::new();
        };
        let wanted = legacy::ObjectId::Id(legacy::OpId::new(*counter, actor));
        let mut events = Vec::new();
        let mut doc = self.doc.clone();
        for change in doc.get_changes(&[]) {
            let expanded = change.decode();
            for op in &expanded.operations {
                if op.obj != wanted || op.key != legacy::Key::Map("status".into()) {
                    continue;
                }
                if let legacy::OpType::Put(value) = &op.action
                    && let Some(status) = parse_status(value)
                {
                    let actor = change.actor_id().to_hex_string();
                    events.push(StatusEvent {
                        status,
                        at_ms: change.timestamp(),
                        person: self.person_of_actor(&actor),
                        actor,
                    });
                }
            }
        }
        events
    }
}

fn action_object(ws: &WorkspaceDoc, id: &ActionId) -> Option<ObjId> {
    let collection = access::object(&ws.doc, &ROOT, <Action as Entity>::COLLECTION)?;
    access::object(&ws.doc, &collection, id.as_str())
}
