//! The root: context, routes and the page frame.

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Redirect, Route, Router, Routes},
    path,
};

use crate::components::{header::Header, notices::Notices};
use crate::i18n::{I18n, Lang};
use crate::pages::{
    actions::ActionsPage,
    dialogues::{CitizenMode, CompileView, DialogueFrame, DialoguesPage, GroupWriting, Results},
    home::Home,
    meetings::{ImportPage, MeetingPage, MeetingsPage, PrintView},
    people::PeoplePage,
    settings::SettingsPage,
    welcome::Welcome,
    wheel::WheelPage,
    workspace::{Join, WorkspaceFrame},
};
use crate::state::{AppState, Notice, storage};
use crate::sync::Sync;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(storage::language().map_or(Lang::Sv, |code| Lang::from_code(&code)));
    provide_context(I18n(lang));
    let app = AppState::new();
    provide_context(app);
    let sync = Sync::start(app);
    provide_context(sync);

    // The page's language follows the choice, for screen readers and hyphenation.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().code());
        }
    });
    // Other tabs of this browser write to the same storage: take in their changes.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            let value = ev.new_value();
            app.absorb_storage_event(&key, value.clone());
            sync.absorb_storage_event(&key, value.as_deref());
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
    // Unsaved changes are written before the page goes away.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| app.workspace.flush());

    view! {
        <Router>
            <Header/>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <Redirect path="/"/> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/ny") view=Welcome/>
                    <Route path=path!("/join/:doc") view=Join/>
                    <ParentRoute path=path!("/w/:ws") view=WorkspaceFrame>
                        <Route path=path!("") view=|| view! { <Redirect path="moten"/> }/>
                        <Route path=path!("moten") view=MeetingsPage/>
                        <Route path=path!("moten/importera") view=ImportPage/>
                        <Route path=path!("moten/:meeting") view=MeetingPage/>
                        <Route path=path!("moten/:meeting/utskrift") view=PrintView/>
                        <Route path=path!("atgarder") view=ActionsPage/>
                        <Route path=path!("arshjul") view=WheelPage/>
                        <Route path=path!("dialoger") view=DialoguesPage/>
                        <ParentRoute path=path!("dialoger/:dialogue") view=DialogueFrame>
                            <Route path=path!("") view=GroupWriting/>
                            <Route path=path!("sammanstallning") view=CompileView/>
                            <Route path=path!("medborgare") view=CitizenMode/>
                            <Route path=path!("resultat") view=Results/>
                        </ParentRoute>
                        <Route path=path!("personer") view=PeoplePage/>
                        <Route path=path!("installningar") view=SettingsPage/>
                    </ParentRoute>
                </Routes>
            </main>
        </Router>
    }
}
