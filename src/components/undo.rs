//! *Ångra* after a delete. Deleting asks nothing: it is done at once and a
//! notice offers to take it back for ten seconds (longer while the notice
//! has the keyboard focus). What was deleted stays restorable from
//! *Borttaget* afterwards, so the notice going away loses nothing.
//!
//! Every delete goes through [`Undo::delete`]; `<UndoNotices/>` in the page
//! frame shows the offers.

use std::time::Duration;

use leptos::prelude::*;
use radslag_core::doc::Deletable;
use wasm_bindgen::JsCast;

use crate::components::focus::focus_by_id;
use crate::engine::engine;
use crate::i18n::use_i18n;
use crate::state::{Workspace, now_ms};

const OFFERED_FOR: Duration = Duration::from_secs(10);

/// A delete that can still be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Offer {
    key: u64,
    what: Deletable,
    label: String,
}

/// The deletes that can still be taken back, newest last; in context.
#[derive(Clone, Copy)]
pub struct Undo {
    ws: Workspace,
    offers: RwSignal<Vec<Offer>>,
    next_key: StoredValue<u64>,
    /// Said once a delete is taken back (the notice is gone by then).
    announcement: RwSignal<String>,
}

impl Undo {
    pub fn provide(ws: Workspace) {
        provide_context(Undo {
            ws,
            offers: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
            announcement: RwSignal::new(String::new()),
        });
    }

    /// Deletes `what` (named `label` in the notice) and offers *Ångra*.
    /// False when nothing was deleted (gone already, or approved minutes).
    pub fn delete(&self, what: Deletable, label: String) -> bool {
        let deleted = self
            .ws
            .change(|d| engine().delete(d, &what, now_ms()))
            .unwrap_or(false);
        if deleted {
            self.announcement.set(String::new());
            let key = self.next_key.get_value();
            self.next_key.set_value(key + 1);
            self.offers
                .update(|offers| offers.push(Offer { key, what, label }));
        }
        deleted
    }

    fn withdraw(&self, key: u64) {
        self.offers
            .update(|offers| offers.retain(|offer| offer.key != key));
    }
}

pub fn use_undo() -> Undo {
    expect_context::<Undo>()
}

#[component]
pub fn UndoNotices() -> impl IntoView {
    let undo = use_undo();
    view! {
        <div class="undo-notices" role="status" aria-live="polite">
            <For each=move || undo.offers.get() key=|offer| offer.key let:offer>
                <UndoNotice offer/>
            </For>
            <p class="visually-hidden">{move || undo.announcement.get()}</p>
        </div>
    }
}

#[component]
fn UndoNotice(offer: Offer) -> impl IntoView {
    let i18n = use_i18n();
    let undo = use_undo();
    let t = move || i18n.t().trash;
    let Offer { key, what, label } = offer;
    let notice = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let holds = move |node: Option<&web_sys::Node>| {
        node.is_some() && notice.get_untracked().is_some_and(|n| n.contains(node))
    };
    let has_focus = move || holds(document().active_element().as_deref());
    // The control that deleted went with what it deleted: the keyboard
    // focus goes to Ångra rather than back to the start of the page.
    request_animation_frame(move || {
        let body: Option<web_sys::Element> = document().body().map(Into::into);
        if document().active_element() == body
            && let Some(button) = button.get_untracked()
        {
            let _ = button.focus();
        }
    });
    let expired = RwSignal::new(false);
    set_timeout(
        move || {
            if has_focus() {
                expired.set(true);
            } else {
                undo.withdraw(key);
            }
        },
        OFFERED_FOR,
    );
    let leave = move |ev: leptos::ev::FocusEvent| {
        let to = ev.related_target();
        if expired.get_untracked() && !holds(to.as_ref().and_then(|t| t.dyn_ref())) {
            undo.withdraw(key);
        }
    };
    let message_id = format!("undo-message-{key}");
    let take_back = {
        let label = label.clone();
        move |_| {
            if undo
                .ws
                .change(|d| engine().restore(d, &what))
                .unwrap_or(false)
            {
                undo.announcement.set(format!("{} {label}", t().restored));
            }
            undo.withdraw(key);
            // The notice goes with the focus in it: the page's content takes it.
            focus_by_id("main");
        }
    };
    view! {
        <div class="undo-notice" node_ref=notice on:focusout=leave>
            <p id=message_id.clone()>{move || t().deleted}" "<strong>{label}</strong></p>
            <button type="button" class="secondary" node_ref=button aria-describedby=message_id on:click=take_back>
                {move || t().undo}
            </button>
        </div>
    }
}
