//! Agenda templates (mötesmallar): the standing items a new meeting starts
//! with. Stored per workspace in the `templates` collection; every new
//! workspace gets the default "Rådsmöte" under a fixed id.

use chrono::{NaiveDate, NaiveTime};

use super::new_item;
pub use crate::doc::seed::{DEFAULT_TEMPLATE_ID, STANDING_ITEMS, default_template};
use crate::ids::{GroupId, MeetingId};
use crate::model::{Meeting, Template};

/// Templates sorted by name (the default first when names tie).
pub fn sorted(mut templates: Vec<Template>) -> Vec<Template> {
    crate::order::sort_by(&mut templates, |a, b| {
        (a.name.to_lowercase(), a.id.as_str() != DEFAULT_TEMPLATE_ID)
            .cmp(&(b.name.to_lowercase(), b.id.as_str() != DEFAULT_TEMPLATE_ID))
    });
    templates
}

/// A template's items from text, one per line: blank lines and repeats
/// dropped (the stored list holds each heading once).
pub fn items_from_lines(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.is_empty() && !items.iter().any(|i| i == line) {
            items.push(line.to_owned());
        }
    }
    items
}

/// What a new meeting needs to start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewMeeting {
    pub title: String,
    pub groups: Vec<GroupId>,
    pub date: Option<NaiveDate>,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
}

/// A draft meeting whose agenda holds the template's items (none without one).
pub fn new_meeting(fields: NewMeeting, template: Option<&Template>) -> Meeting {
    Meeting {
        id: MeetingId::random(),
        title: fields.title,
        groups: fields.groups,
        date: fields.date,
        start_time: fields.start_time,
        end_time: fields.end_time,
        agenda: template
            .map(|t| t.items.iter().map(|h| new_item(h)).collect())
            .unwrap_or_default(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::WorkspaceDoc;
    use crate::doc::Deletable;
    use crate::model::WorkspaceInfo;

    #[test]
    fn a_new_workspace_has_the_default_template() {
        let ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let templates = ws.list::<Template>();
        assert_eq!(templates, vec![default_template()]);
        assert_eq!(
            templates[0].items,
            [
                "Uppföljning av åtgärder",
                "Summering",
                "Framåtblick",
                "Lägesbild",
                "Årshjul",
                "Övriga frågor",
                "Nästa möte"
            ]
        );
    }

    #[test]
    fn templates_are_edited_added_and_deleted() {
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo::default()).unwrap();
        let mut standing = default_template();
        standing.items = items_from_lines("Summering\n\nLägesbild\nSummering\n  Årshjul  \n");
        assert_eq!(standing.items, ["Summering", "Lägesbild", "Årshjul"]);
        ws.put(&standing).unwrap();
        let youth = Template {
            name: "Klara-gruppen".into(),
            items: vec!["Aktuellt från skolan".into()],
            ..Default::default()
        };
        ws.put(&youth).unwrap();
        let reloaded = WorkspaceDoc::load(&ws.save()).unwrap();
        let names: Vec<String> = sorted(reloaded.list::<Template>())
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["Klara-gruppen", "Rådsmöte"]);
        assert_eq!(
            reloaded.get::<Template>(&standing.id),
            Some(standing.clone())
        );
        ws.delete(&Deletable::entry::<Template>(&youth.id), 0)
            .unwrap();
        assert_eq!(ws.list::<Template>(), vec![standing]);
    }

    #[test]
    fn a_meeting_from_a_template_has_its_items_in_order() {
        let template = default_template();
        let meeting = new_meeting(
            NewMeeting {
                title: "Trygghetsrådet".into(),
                ..Default::default()
            },
            Some(&template),
        );
        let headings: Vec<&str> = meeting.agenda.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, STANDING_ITEMS);
        assert!(meeting.agenda.iter().all(|i| i.body.is_empty()));
        // Each item has its own id.
        let mut ids: Vec<_> = meeting.agenda.iter().map(|i| i.id.clone()).collect();
        ids.dedup();
        assert_eq!(ids.len(), STANDING_ITEMS.len());
        assert!(new_meeting(NewMeeting::default(), None).agenda.is_empty());
    }

    #[test]
    fn an_older_workspace_gets_the_templates_collection_at_load() {
        // A workspace as saved before templates existed: no `templates` map.
        let mut ws = WorkspaceDoc::create(&WorkspaceInfo {
            name: "Rådet".into(),
            ..Default::default()
        })
        .unwrap();
        let mut raw = automerge::AutoCommit::load(&ws.save()).unwrap();
        automerge::transaction::Transactable::delete(&mut raw, automerge::ROOT, "templates")
            .unwrap();
        let older = raw.save();
        assert!(WorkspaceDoc::load(&older).is_ok());
        let migrated = WorkspaceDoc::load(&older).unwrap();
        assert_eq!(migrated.list::<Template>(), vec![default_template()]);
        // Two replicas migrating on their own write the same entry.
        let mut a = WorkspaceDoc::load(&older).unwrap();
        let mut b = WorkspaceDoc::load(&older).unwrap().fork();
        a.merge(&mut b).unwrap();
        assert_eq!(a.list::<Template>(), vec![default_template()]);
    }
}
