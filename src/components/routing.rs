//! Feedback while a page's part of the app is fetched (`src/lazy_pages.rs`):
//! the router keeps the old page until the new one can show, which on a slow
//! network is long enough to look like a click that did nothing.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// How long a navigation may take before it is told: most are at once, and
/// a message flashed on each would distract (and be read out) for nothing.
const SLOW: Duration = Duration::from_millis(200);

/// *Hämtar sidan…* while a navigation (`routing`, the router's
/// `set_is_routing`) has taken longer than a moment.
#[component]
pub fn RoutingStatus(routing: ReadSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let slow = RwSignal::new(false);
    Effect::new(move |_| {
        if routing.get() {
            set_timeout(
                move || {
                    if routing.get_untracked() {
                        slow.set(true);
                    }
                },
                SLOW,
            );
        } else {
            slow.set(false);
        }
    });
    view! {
        <p class="routing-status" role="status">
            {move || slow.get().then(|| i18n.t().page_loading)}
        </p>
    }
}
