//! [`Engine`] over the core's `WorkspaceDoc`: everything here, and what only
//! this reaches (Automerge, storage of documents, sync), is in the
//! `document` chunk.

use std::any::Any;
use std::collections::HashMap;

use leptos::prelude::*;
use radslag_core::{
    DocError, Entity, ReadCache, Touched, WorkspaceDoc,
    backup::RestoreError,
    doc::{Deletable, Kind, NewsSince, Seen, Viewer},
    ids::PersonId,
    model::{
        Action, Category, Dialogue, Group, Meeting, Person, Template, WheelEvent, WorkspaceInfo,
    },
};

use super::{Engine, Heads, Part};
use crate::pages::meetings::{NewMeetingForm, TemplatesEditor};
use crate::state::{AppState, Workspace};
use crate::sync::Sync;

pub struct Automerge;

/// `$body` with `$E` the entry type of `$kind`: one generic instance per
/// kind, here in the engine, for every caller of `Workspace::list` and `get`.
macro_rules! for_kind {
    ($kind:expr, $E:ident => $body:expr) => {
        match $kind {
            Kind::Group => {
                type $E = Group;
                $body
            }
            Kind::Person => {
                type $E = Person;
                $body
            }
            Kind::Meeting => {
                type $E = Meeting;
                $body
            }
            Kind::Action => {
                type $E = Action;
                $body
            }
            Kind::Category => {
                type $E = Category;
                $body
            }
            Kind::WheelEvent => {
                type $E = WheelEvent;
                $body
            }
            Kind::Dialogue => {
                type $E = Dialogue;
                $body
            }
            Kind::Template => {
                type $E = Template;
                $body
            }
        }
    };
}

impl Engine for Automerge {
    fn open_stored(&self, ws: Workspace, id: &str) {
        ws.open_stored(id);
    }

    fn create_workspace(
        &self,
        app: AppState,
        info: WorkspaceInfo,
        groups: Vec<Group>,
        people: Vec<Person>,
    ) -> Result<String, DocError> {
        app.create_workspace(info, |doc| {
            groups.iter().try_for_each(|group| doc.put(group))?;
            people.iter().try_for_each(|person| doc.put(person))
        })
    }

    fn restore_backup(&self, app: AppState, bytes: &[u8]) -> Result<(String, bool), RestoreError> {
        app.restore_backup(bytes)
    }

    fn is_other_workspace(&self, app: AppState, bytes: &[u8]) -> bool {
        app.is_other_workspace(bytes)
    }

    fn save(&self, ws: Workspace) {
        ws.save_now();
    }

    fn absorb(&self, ws: Workspace, key: &str, value: Option<&str>) {
        ws.absorb_stored(key, value);
    }

    fn start_sync(&self, app: AppState, shown: Sync) {
        crate::sync::start(app, shown);
    }

    fn view(&self, part: Part) -> AnyView {
        match part {
            Part::NewMeetingForm => view! { <NewMeetingForm/> }.into_any(),
            Part::TemplatesEditor => view! { <TemplatesEditor/> }.into_any(),
        }
    }

    fn heads(&self, doc: &mut WorkspaceDoc) -> Heads {
        doc.heads()
    }

    fn touched_since(&self, doc: &mut WorkspaceDoc, since: &[automerge::ChangeHash]) -> Touched {
        doc.touched_since(since)
    }

    fn list(&self, cache: &mut ReadCache, doc: &WorkspaceDoc, kind: Kind) -> Box<dyn Any> {
        for_kind!(kind, E => Box::new(cache.list::<E>(doc)))
    }

    fn get(
        &self,
        cache: &mut ReadCache,
        doc: &WorkspaceDoc,
        kind: Kind,
        id: &str,
    ) -> Option<Box<dyn Any>> {
        for_kind!(kind, E => {
            let entry = cache.get::<E>(doc, &<E as Entity>::Id::from(id.to_owned()))?;
            Some(Box::new(entry))
        })
    }

    fn sign_as(&self, doc: &mut WorkspaceDoc, person: &PersonId) -> Result<(), DocError> {
        doc.sign_as(person)
    }

    fn commit(&self, doc: &mut WorkspaceDoc, at_ms: i64) {
        doc.commit(at_ms);
    }

    fn delete(
        &self,
        doc: &mut WorkspaceDoc,
        what: &Deletable,
        at_ms: i64,
    ) -> Result<bool, DocError> {
        doc.delete(what, at_ms)
    }

    fn restore(&self, doc: &mut WorkspaceDoc, what: &Deletable) -> Result<bool, DocError> {
        doc.restore(what)
    }

    fn export(&self, doc: &mut WorkspaceDoc) -> Vec<u8> {
        doc.save()
    }

    fn seen_now(&self, doc: &mut WorkspaceDoc) -> (Seen, String) {
        (doc.seen_now(), doc.actor())
    }

    fn follow_news(
        &self,
        doc: &mut WorkspaceDoc,
        news: &mut NewsSince,
        viewer: Viewer,
    ) -> HashMap<String, Vec<String>> {
        doc.follow_news(news, viewer);
        news.changed()
            .iter()
            .map(|(id, people)| {
                let names = people.iter().filter_map(|p| doc.name_of(p)).collect();
                (id.clone(), names)
            })
            .collect()
    }
}
