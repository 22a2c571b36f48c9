//! An action's status history: who set which status and when, read from
//! the document's change history when the panel opens (not for every row).

use leptos::prelude::*;
use radslag_core::{
    Entity, actions,
    ids::ActionId,
    model::{Action, Person},
    time::log_time,
};

use crate::i18n::use_i18n;
use crate::state::use_workspace;

#[component]
pub fn ActionHistory(id: ActionId, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let t = move || i18n.t().actions;
    let read_id = id.clone();
    let title = Memo::new(move |_| {
        ws.get::<Action>(&read_id)
            .map(|a| actions::label(&a.text))
            .unwrap_or_default()
    });
    let events = Memo::new(move |_| {
        let people = ws.list::<Person>();
        ws.read_in(&[Action::COLLECTION], |d| {
            d.action_status_history(&id)
                .into_iter()
                .map(|e| {
                    let who = e
                        .person
                        .as_ref()
                        .and_then(|p| people.iter().find(|x| &x.id == p))
                        .map(|p| p.name.clone());
                    (log_time(e.at_ms), who, e.status)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section class="action-history" aria-labelledby="action-history-heading">
            <h2 id="action-history-heading" tabindex="-1">{move || format!("{} ”{}”", t().history_of, title.get())}</h2>
            <p class="hint">{move || t().history_intro}</p>
            <Show when=move || !events.with(Vec::is_empty) fallback=move || view! { <p class="empty">{move || t().no_history}</p> }>
                <table class="history-table">
                    <caption class="visually-hidden">{move || t().history_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || t().history_when}</th>
                            <th scope="col">{move || t().history_who}</th>
                            <th scope="col">{move || t().status}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || events.get().into_iter().map(|(when, who, status)| view! {
                            <tr>
                                <td><time datetime=when.replace(' ', "T")>{when.clone()}</time></td>
                                <td>{who.unwrap_or_else(|| t().unknown_writer.to_owned())}</td>
                                <td>{t().status(status)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <button type="button" class="secondary" on:click=move |_| on_close.run(())>{move || t().close}</button>
        </section>
    }
}
