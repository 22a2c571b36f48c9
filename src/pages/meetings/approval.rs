//! Approval (*justering*): draft → approved, recorded with who and when;
//! approved minutes are read-only until someone deliberately reopens them,
//! which is recorded too.

use leptos::prelude::*;
use radslag_core::{
    ids::MeetingId,
    meetings::person_line,
    model::{Meeting, MeetingStatus, Person, StatusChange},
    time::log_time,
};

use super::use_register;
use crate::i18n::use_i18n;
use crate::state::{now_ms, use_workspace};

#[component]
pub fn Approval(id: Signal<MeetingId>, meeting: Memo<Option<Meeting>>) -> impl IntoView {
    let i18n = use_i18n();
    let ws = use_workspace();
    let (people, _) = use_register();
    let t = move || i18n.t().meetings;
    let status =
        Memo::new(move |_| meeting.with(|m| m.as_ref().map(|m| m.status).unwrap_or_default()));
    let log = Memo::new(move |_| {
        meeting.with(|m| m.as_ref().map(|m| m.status_log.clone()).unwrap_or_default())
    });
    // Whoever this device writes for signs by default.
    let me = move || {
        ws.me
            .get_untracked()
            .and_then(|me| ws.get::<Person>(&me))
            .map(|p| p.name)
            .unwrap_or_default()
    };
    let by = RwSignal::new(untrack(me));
    let missing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let record = move |to: MeetingStatus| {
        let name = by.get_untracked().trim().to_owned();
        if name.is_empty() {
            missing.set(true);
            return;
        }
        missing.set(false);
        let change = StatusChange {
            status: to,
            by: name,
            at_ms: now_ms(),
        };
        if ws
            .change(|d| d.set_meeting_status(&id.get_untracked(), &change))
            .is_ok()
        {
            confirming.set(false);
        }
    };
    let log_line = move |change: &StatusChange| {
        let what = match change.status {
            MeetingStatus::Approved => t().approved_by,
            MeetingStatus::Draft => t().reopened_by,
        };
        format!("{what} {} {}", change.by, log_time(change.at_ms))
    };
    let name_field = move |label: &'static str| {
        view! {
            <div class="field">
                <label for="approval-by">{label}</label>
                <input id="approval-by" list="approval-people" autocomplete="name" aria-describedby="approval-by-hint approval-error"
                    aria-invalid=move || missing.get().to_string()
                    prop:value=by on:input=move |ev| by.set(event_target_value(&ev))/>
                <datalist id="approval-people">
                    <For each=move || people.get() key=|p| (p.id.clone(), p.name.clone()) let:p>
                        <option value=p.name.clone()>{person_line(&p)}</option>
                    </For>
                </datalist>
                <p class="hint" id="approval-by-hint">{move || t().approver_hint}</p>
                <p class="error" id="approval-error" role="alert">{move || missing.get().then(|| t().approver_required)}</p>
            </div>
        }
    };
    view! {
        <section class="approval" aria-labelledby="approval-heading">
            <h2 id="approval-heading">{move || t().approval}</h2>
            <p class="status-line">
                {move || t().status}": "
                <strong>{move || if status.get() == MeetingStatus::Approved { t().approved } else { t().draft }}</strong>
            </p>
            <Show when=move || !log.with(Vec::is_empty)>
                <ul class="status-log">
                    {move || log.get().iter().map(|c| view! { <li>{log_line(c)}</li> }).collect_view()}
                </ul>
            </Show>
            {move || match status.get() {
                MeetingStatus::Draft => view! {
                    <form class="approve-form" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); record(MeetingStatus::Approved); }>
                        {name_field(t().approver)}
                        <button type="submit" class="primary">{move || t().approve}</button>
                    </form>
                }.into_any(),
                MeetingStatus::Approved => view! {
                    <Show when=move || confirming.get() fallback=move || view! {
                        <button type="button" class="secondary" on:click=move |_| {
                            if by.get_untracked().trim().is_empty() { by.set(me()); }
                            confirming.set(true);
                        }>{move || t().reopen}</button>
                    }>
                        <form class="confirm reopen-form" role="alertdialog" aria-labelledby="reopen-question"
                            on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); record(MeetingStatus::Draft); }>
                            <p id="reopen-question">{move || t().reopen_confirm}</p>
                            {name_field(t().reopened_by_label)}
                            <button type="submit" class="danger">{move || t().yes_reopen}</button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{move || t().cancel}</button>
                        </form>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}
