//! The pages that are not a first screen live in wasm chunks of their own,
//! one per area, fetched the first time a page of the area is opened (and
//! cached by the service worker with the rest of the app, so they open
//! offline too). The first download holds the meetings list, the welcome and
//! join pages and what every page shares (docs/performance.md, "Size"); the
//! document engine (`crate::engine`) comes before any of these pages, and
//! code a page shares with it is in the engine's chunk.
//!
//! `scripts/app-wasm.sh` (Trunk's post_build hook) splits the wasm at these
//! points with `wasm-split-cli`; each page below becomes a route view
//! (`Lazy::<lazy_pages::Meeting>::new()`).

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use leptos_router::LazyRoute;

use crate::i18n::use_i18n;
use crate::pages::{
    actions::ActionsPage,
    dialogues::{CitizenMode, CompileView, DialogueFrame, DialoguesPage, GroupWriting, Results},
    meetings::{ImportPage, MeetingHistory, MeetingPage, PrintView},
    people::PeoplePage,
    settings::SettingsPage,
    trash::TrashPage,
    wheel::WheelPage,
};

/// `chunk { Route => Page as function, … }`: `Route` shows the component
/// `Page`, compiled into the chunk `chunk` behind the split function
/// `function` (its name must be unique: it becomes a wasm export).
macro_rules! lazy_pages {
    ($($chunk:ident { $($route:ident => $page:ident as $function:ident),* $(,)? })*) => {$($(
        #[derive(Debug)]
        pub struct $route;

        #[wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $function() -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page/> }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                // Every page reads the document: the engine comes first.
                let page = match crate::engine::load().await {
                    Some(_) => $function().await.ok(),
                    None => None,
                };
                page.unwrap_or_else(|| view! { <NotLoaded/> }.into_any())
            }
        }
    )*)*};
}

lazy_pages! {
    meeting {
        Meeting => MeetingPage as meeting_page,
        Print => PrintView as print_page,
        History => MeetingHistory as history_page,
    }
    import {
        Import => ImportPage as import_page,
    }
    actions {
        Actions => ActionsPage as actions_page,
    }
    wheel {
        Wheel => WheelPage as wheel_page,
    }
    dialogues {
        Dialogues => DialoguesPage as dialogues_page,
        Dialogue => DialogueFrame as dialogue_frame,
        Writing => GroupWriting as writing_page,
        Compile => CompileView as compile_page,
        Citizen => CitizenMode as citizen_page,
        DialogueResults => Results as results_page,
    }
    admin {
        People => PeoplePage as people_page,
        Settings => SettingsPage as settings_page,
        Trash => TrashPage as trash_page,
    }
}

/// A page's chunk could not be fetched (no network before the service
/// worker had cached it): say so, and offer to try again.
#[component]
fn NotLoaded() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice" role="alert">
            <p>{move || i18n.t().page_not_loaded}</p>
            <button type="button" on:click=|_| {
                let _ = window().location().reload();
            }>{move || i18n.t().reload}</button>
        </div>
    }
}
