//! Writes to a dialogue that touch only one answer, so small groups writing
//! at once, and volunteers collecting citizen answers offline all evening,
//! never overwrite each other.

use automerge::{ObjType, ScalarValue, transaction::Transactable};

use super::{
    Result, WorkspaceDoc, access,
    entity::{ANSWERS, CITIZEN_ANSWERS, SMALL_GROUPS},
};
use crate::ids::{DialogueId, QuestionId, SmallGroupId};
use crate::model::{CitizenAnswer, Dialogue};

impl WorkspaceDoc {
    /// Adds one anonymous citizen answer. It carries no name: only what the
    /// citizen chose to give (age group, area) and when.
    pub fn add_citizen_answer(
        &mut self,
        dialogue: &DialogueId,
        answer: &CitizenAnswer,
    ) -> Result<()> {
        let obj = self.entry::<Dialogue>(dialogue)?;
        let answers = access::container(&self.doc, &obj, CITIZEN_ANSWERS)?;
        let entry = self
            .doc
            .put_object(&answers, answer.id.as_str(), ObjType::Map)?;
        self.doc.put(&entry, "question", answer.question.as_str())?;
        self.doc.put(&entry, "text", answer.text.as_str())?;
        if let Some(age) = &answer.age_group {
            self.doc.put(&entry, "ageGroup", age.as_str())?;
        }
        if let Some(area) = &answer.area {
            self.doc.put(&entry, "area", area.as_str())?;
        }
        self.doc
            .put(&entry, "at", ScalarValue::Timestamp(answer.at_ms))?;
        Ok(())
    }

    /// Sets a small group's answer to one question (collaborative text:
    /// only the difference is spliced in).
    pub fn set_group_answer(
        &mut self,
        dialogue: &DialogueId,
        group: &SmallGroupId,
        question: &QuestionId,
        text: &str,
    ) -> Result<()> {
        let obj = self.entry::<Dialogue>(dialogue)?;
        let not_found = || super::DocError::NotFound {
            collection: SMALL_GROUPS.map,
            id: group.to_string(),
        };
        let groups = access::object(&self.doc, &obj, SMALL_GROUPS.map).ok_or_else(not_found)?;
        let group_obj = access::object(&self.doc, &groups, group.as_str()).ok_or_else(not_found)?;
        let answers = access::container(&self.doc, &group_obj, ANSWERS)?;
        access::put_text(&mut self.doc, &answers, question.as_str(), text)
    }
}
