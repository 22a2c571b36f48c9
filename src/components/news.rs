//! *Nytt sedan ditt senaste besök*: marks on what other members changed
//! since this device last looked (`WorkspaceDoc::changed_since`). A page
//! that marks keeps, per workspace and page, where the history stood when
//! the device looked (`storage::seen`): read when the page opens — what it
//! marks against for the whole visit — and written then and when it is
//! left. A page never looked at marks against the device's first visit.

use std::collections::HashMap;

use leptos::prelude::*;
use radslag_core::{
    doc::{Kind, NewsSince, Seen, Viewer},
    ids::PersonId,
};

use crate::engine::engine;
use crate::i18n::use_i18n;
use crate::state::{Workspace, storage, use_workspace};

/// The scope every page falls back on: the device's first visit.
const FIRST_VISIT: &str = "first";

/// What others changed since the device last looked at a page.
#[derive(Clone, Copy)]
pub struct News {
    /// Where the history stood then (`None` until the document is there).
    pub seen: StoredValue<Option<Seen>>,
    /// The entries changed since, by id, with who changed them (names).
    pub changed: Memo<HashMap<String, Vec<String>>>,
}

impl News {
    pub fn by(&self, id: &str) -> Option<Vec<String>> {
        self.changed.with(|c| c.get(id).cloned())
    }
}

/// Where the history stood when this device last looked at `scope`; the
/// device looks now. `None` while the document is not there.
fn last_look(ws: Workspace, workspace: &str, scope: &str) -> Option<Seen> {
    let (now, actor) = ws.read_history(|d| engine().seen_now(d))?;
    storage::note_own_actor(workspace, &actor);
    let stored = |scope: &str| storage::seen(workspace, scope).and_then(|s| Seen::decode(&s));
    let before = stored(scope).or_else(|| stored(FIRST_VISIT));
    if stored(FIRST_VISIT).is_none() {
        storage::set_seen(workspace, FIRST_VISIT, &now.encode());
    }
    storage::set_seen(workspace, scope, &now.encode());
    Some(before.unwrap_or(now))
}

/// The entries of `kind` others changed since this device last looked at
/// `scope`, followed change by change while the page is open. A page shown
/// before the document has loaded (a workspace's first view) looks once it
/// has: until then the history is not there to look at.
pub fn use_news(kind: Kind, scope: String) -> News {
    let ws = use_workspace();
    let workspace = ws.id.get_untracked();
    let seen = StoredValue::new(None::<Seen>);
    if let Some(workspace) = workspace.clone() {
        let scope = scope.clone();
        // The device looks again when the page is left.
        on_cleanup(move || {
            if seen.with_value(Option::is_some)
                && ws.id.get_untracked().as_deref() == Some(workspace.as_str())
                && let Some((now, _)) = untrack(|| ws.read_history(|d| engine().seen_now(d)))
            {
                storage::set_seen(&workspace, &scope, &now.encode());
            }
        });
    }
    let own = workspace
        .as_deref()
        .map(storage::own_actors)
        .unwrap_or_default();
    // Who this device is decides what is news: followed again from `seen`
    // when that changes.
    let following = StoredValue::new(None::<(Option<PersonId>, NewsSince)>);
    let changed = Memo::new(move |_| {
        if seen.with_value(Option::is_none)
            && let Some(workspace) = &workspace
        {
            seen.set_value(last_look(ws, workspace, &scope));
        }
        let (Some(since), me) = (seen.get_value(), ws.me.get()) else {
            return HashMap::new();
        };
        let viewer = Viewer {
            actors: &own,
            person: me.as_ref(),
        };
        ws.read_history(|d| {
            following.try_update_value(|following| {
                if following.as_ref().is_some_and(|(who, _)| *who != me) {
                    *following = None;
                }
                let (_, news) = following
                    .get_or_insert_with(|| (me.clone(), NewsSince::new(kind, since.clone())));
                engine().follow_news(d, news, viewer)
            })
        })
        .flatten()
        .unwrap_or_default()
    });
    News { seen, changed }
}

/// "Nytt" on something others changed, saying who to a screen reader.
#[component]
pub fn NewMark(by: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().news;
    let who = move || {
        let names = if by.is_empty() {
            t().someone.to_owned()
        } else {
            by.join(", ")
        };
        format!(" {} {names}", t().changed_by)
    };
    view! {
        <span class="badge news-badge">{move || t().new}<span class="visually-hidden">{who}</span></span>
    }
}
