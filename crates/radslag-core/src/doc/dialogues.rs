//! Writes to a dialogue that touch only one answer or one decision, so small
//! groups writing at once, volunteers collecting citizen answers offline all
//! evening, and coordinators curating at the same time never overwrite each
//! other.

use automerge::{ObjId, ObjType, ScalarValue, transaction::Transactable};

use super::{
    Result, WorkspaceDoc, access,
    children::Children,
    entity::{
        ANSWERS, CITIZEN_ANSWERS, POINT_INCLUDED, POINT_MERGED_INTO, POINT_ORDER, QUESTIONS,
        SMALL_GROUPS,
    },
};
use crate::ids::{DialogueId, QuestionId, SmallGroupId};
use crate::model::{CitizenAnswer, CurationEdit, Dialogue};

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
        let group_obj = self.dialogue_child(dialogue, SMALL_GROUPS, group.as_str())?;
        let answers = access::container(&self.doc, &group_obj, ANSWERS)?;
        access::put_text(&mut self.doc, &answers, question.as_str(), text)
    }

    /// Records the coordinator's decisions on a question's points. Each
    /// writes one point's entry (or the order list) and nothing else, so
    /// decisions on other points made elsewhere at the same time all stay.
    pub fn curate(
        &mut self,
        dialogue: &DialogueId,
        question: &QuestionId,
        edits: &[CurationEdit],
    ) -> Result<()> {
        let obj = self.dialogue_child(dialogue, QUESTIONS, question.as_str())?;
        for edit in edits {
            match edit {
                CurationEdit::Include { point, included } => {
                    let marks = access::container(&self.doc, &obj, POINT_INCLUDED)?;
                    access::put_bool(&mut self.doc, &marks, point.as_str(), *included)?;
                }
                CurationEdit::Merge { point, into } => {
                    let merges = access::container(&self.doc, &obj, POINT_MERGED_INTO)?;
                    access::put_string(&mut self.doc, &merges, point.as_str(), into.as_str())?;
                }
                CurationEdit::Unmerge { point } => {
                    let merges = access::container(&self.doc, &obj, POINT_MERGED_INTO)?;
                    access::put_optional_string(&mut self.doc, &merges, point.as_str(), None)?;
                }
                CurationEdit::Order(points) => {
                    let keys: Vec<String> = points.iter().map(|p| p.0.clone()).collect();
                    access::put_string_list(&mut self.doc, &obj, POINT_ORDER, &keys)?;
                }
            }
        }
        Ok(())
    }

    /// A question or small group of a dialogue.
    fn dialogue_child(&self, dialogue: &DialogueId, kind: Children, id: &str) -> Result<ObjId> {
        let obj = self.entry::<Dialogue>(dialogue)?;
        let not_found = || super::DocError::NotFound {
            collection: kind.map,
            id: id.to_owned(),
        };
        let children = access::object(&self.doc, &obj, kind.map).ok_or_else(not_found)?;
        access::object(&self.doc, &children, id).ok_or_else(not_found)
    }
}
