//! The root: context, routes and the page frame.

use leptos::prelude::*;
use leptos_router::{
    Lazy, ParamSegment, StaticSegment,
    components::{ParentRoute, Redirect, Route, Router, Routes},
};

use crate::components::{
    header::Header,
    notices::Notices,
    routing::RoutingStatus,
    undo::{Undo, UndoNotices},
};
use crate::engine;
use crate::i18n::{I18n, Lang};
use crate::lazy_pages;
use crate::pages::{
    home::Home,
    meetings::MeetingsPage,
    welcome::Welcome,
    workspace::{Join, WorkspaceFrame},
};
use crate::routes::{self, DialogueTab, Section, join_route, param, segment, workspace_route};
use crate::state::{AppState, Notice, lookups::Lookups, storage};
use crate::sync::Sync;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(storage::language().map_or(Lang::Sv, |code| Lang::from_code(&code)));
    provide_context(I18n(lang));
    let app = AppState::new();
    provide_context(app);
    provide_context(Lookups::new(app.workspace));
    Undo::provide(app.workspace);
    let sync = Sync::new();
    provide_context(sync);
    engine::start(app, sync);

    // The page's language follows the choice, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // Other tabs of this browser write to the same storage: take in their changes.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            app.absorb_storage_event(&key, ev.new_value());
        }
    });
    // The service worker has cached a new version (see index.html).
    let update_ready = move || app.notify(Notice::UpdateReady);
    if document()
        .document_element()
        .and_then(|html| html.get_attribute("data-update"))
        .is_some()
    {
        update_ready();
    }
    let _ = window_event_listener_untyped("radslag-update", move |_| update_ready());
    // Unsaved changes are written before the page goes away, and when it is
    // hidden: a phone may freeze or end a page in the background without a
    // `pagehide`, and its timers (the save 0.4 s after typing) wait meanwhile.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        app.workspace.save_before_leaving()
    });
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            app.workspace.save_before_leaving();
        }
    });
    // Leaving a text field (to a button, a link, the next field) tells the
    // views what was typed at once, so nothing reads the meeting as it was.
    let _ = window_event_listener(leptos::ev::focusout, move |_| app.workspace.typing_paused());

    let (routing, set_routing) = signal(false);

    view! {
        <Router set_is_routing=set_routing>
            <RoutingStatus routing/>
            <Header/>
            <Notices/>
            <UndoNotices/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <Redirect path=routes::HOME/> }>
                    <Route path=() view=Home/>
                    <Route path=(StaticSegment(segment::NEW),) view=Welcome/>
                    <Route path=join_route() view=Join/>
                    <ParentRoute path=workspace_route() view=WorkspaceFrame>
                        <Route path=() view=|| view! { <Redirect path=Section::Meetings.segment()/> }/>
                        <Route path=Section::Meetings.route() view=MeetingsPage/>
                        <Route path=(StaticSegment(Section::Meetings.segment()), StaticSegment(segment::IMPORT)) view={Lazy::<lazy_pages::Import>::new()}/>
                        <Route path=(StaticSegment(Section::Meetings.segment()), ParamSegment(param::MEETING)) view={Lazy::<lazy_pages::Meeting>::new()}/>
                        <Route
                            path=(StaticSegment(Section::Meetings.segment()), ParamSegment(param::MEETING), StaticSegment(segment::PRINT))
                            view={Lazy::<lazy_pages::Print>::new()}
                        />
                        <Route
                            path=(StaticSegment(Section::Meetings.segment()), ParamSegment(param::MEETING), StaticSegment(segment::HISTORY))
                            view={Lazy::<lazy_pages::History>::new()}
                        />
                        <Route path=Section::Actions.route() view={Lazy::<lazy_pages::Actions>::new()}/>
                        <Route path=Section::Wheel.route() view={Lazy::<lazy_pages::Wheel>::new()}/>
                        <Route path=Section::Dialogues.route() view={Lazy::<lazy_pages::Dialogues>::new()}/>
                        <ParentRoute path=(StaticSegment(Section::Dialogues.segment()), ParamSegment(param::DIALOGUE)) view={Lazy::<lazy_pages::Dialogue>::new()}>
                            <Route path=() view={Lazy::<lazy_pages::Writing>::new()}/>
                            <Route path=(StaticSegment(DialogueTab::Compile.segment()),) view={Lazy::<lazy_pages::Compile>::new()}/>
                            <Route path=(StaticSegment(DialogueTab::Citizen.segment()),) view={Lazy::<lazy_pages::Citizen>::new()}/>
                            <Route path=(StaticSegment(DialogueTab::Results.segment()),) view={Lazy::<lazy_pages::DialogueResults>::new()}/>
                        </ParentRoute>
                        <Route path=Section::People.route() view={Lazy::<lazy_pages::People>::new()}/>
                        <Route path=Section::Settings.route() view={Lazy::<lazy_pages::Settings>::new()}/>
                        <Route path=Section::Trash.route() view={Lazy::<lazy_pages::Trash>::new()}/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}
